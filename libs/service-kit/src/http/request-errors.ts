import { HttpStatus } from '@nestjs/common';
import { assertUnreachable, CodedError } from '@oneseal/errors';

export enum RequestErrorCode {
  INVALID_CHARACTERS = 'REQUEST.INVALID_CHARACTERS',
  TOO_DEEP = 'REQUEST.TOO_DEEP',
  TOO_LARGE = 'REQUEST.TOO_LARGE',
  MALFORMED_JSON = 'REQUEST.MALFORMED_JSON',
  MALFORMED_URL = 'REQUEST.MALFORMED_URL',
  UNSUPPORTED_ENCODING = 'REQUEST.UNSUPPORTED_ENCODING',
  SERVICE_UNAVAILABLE = 'SERVICE.UNAVAILABLE',
  RATE_LIMITED = 'REQUEST.RATE_LIMITED',
}

const MESSAGES: Record<RequestErrorCode, string> = {
  [RequestErrorCode.INVALID_CHARACTERS]:
    '提交的内容含有无法保存的字符（控制字符或残缺的文字编码），多见于从其他软件复制的文字；请删去后重新输入',
  [RequestErrorCode.TOO_DEEP]: '提交的内容层次过多，无法处理',
  [RequestErrorCode.TOO_LARGE]: '提交的内容过大，无法处理',
  [RequestErrorCode.MALFORMED_JSON]: '提交的内容格式不正确（不是有效的 JSON）',
  [RequestErrorCode.MALFORMED_URL]: '网址中含有无法识别的编码，请检查后重试',
  [RequestErrorCode.UNSUPPORTED_ENCODING]: '提交的内容使用了不支持的字符编码，请使用 UTF-8',
  [RequestErrorCode.SERVICE_UNAVAILABLE]: '系统暂时无法处理（数据库、消息或流程引擎暂不可用），请稍后再试',
  [RequestErrorCode.RATE_LIMITED]: '查询次数过多（多次填错办件编号、查询码或验证码），请稍后再试',
};

/** Refused before any handler ran: nothing was read or changed. */
export class RequestError extends CodedError<RequestErrorCode> {
  constructor(code: RequestErrorCode, details?: Record<string, unknown>) {
    super(code, MESSAGES[code], details);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case RequestErrorCode.INVALID_CHARACTERS:
      case RequestErrorCode.TOO_DEEP:
      case RequestErrorCode.MALFORMED_JSON:
      case RequestErrorCode.MALFORMED_URL:
        return HttpStatus.BAD_REQUEST;
      case RequestErrorCode.TOO_LARGE:
        return HttpStatus.PAYLOAD_TOO_LARGE;
      case RequestErrorCode.UNSUPPORTED_ENCODING:
        return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case RequestErrorCode.SERVICE_UNAVAILABLE:
        return HttpStatus.SERVICE_UNAVAILABLE;
      case RequestErrorCode.RATE_LIMITED:
        return HttpStatus.TOO_MANY_REQUESTS;
      default:
        return assertUnreachable(this.code);
    }
  }
}
