import { createHash } from 'node:crypto';
import { BadRequestException, Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { CodedError, CodedErrorFilter } from '@oneseal/errors';
import type { Request, Response } from 'express';
import { SealErrorCode } from '../seals/seals.errors';

const STYLE = `
body { margin: 0; font: 16px/1.7 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2933;
  background: #f4f6f8; }
main { max-width: 34rem; margin: 12vh auto 0; padding: 1.5rem 1.75rem; background: #fff; border-top: 4px solid #b42318;
  border-radius: 4px; box-shadow: 0 1px 3px rgba(0, 0, 0, .12); }
h1 { margin: 0 0 .75rem; font-size: 1.3rem; }
dl { margin: 1rem 0; padding: .75rem 1rem; background: #f8f9fa; }
dt { color: #52606d; font-size: .9rem; }
dd { margin: 0 0 .4rem; }
.code { color: #7b8794; font-size: .8rem; }
a { color: #1d4ed8; }
@media (max-width: 36rem) { main { margin: 0; border-radius: 0; min-height: 100vh; } }
`;
// The page runs nothing and loads nothing: only this stylesheet, allowed by its hash. The console's own pages may frame
// it (a clerk's preview of a document), no other site.
const POLICY = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`;

const HEADINGS: Partial<Record<string, string>> = {
  [SealErrorCode.DOCUMENT_FILE_UNAVAILABLE]: '这份文书目前无法打开',
  [SealErrorCode.DOCUMENT_NOT_FOUND]: '没有找到这份文书',
  'REQUEST.INVALID': '文书链接不完整',
};

const ADVICE: Partial<Record<string, string>> = {
  [SealErrorCode.DOCUMENT_NOT_FOUND]: '请从短信中的链接或“办事进度”页面重新打开，或向办理单位查询。',
  'REQUEST.INVALID': '链接可能在复制时被截断了。请从短信中的链接或“办事进度”页面重新打开。',
};

/** Messages are written to stand alone in a form; on a page of their own they end as a sentence does. */
const sentence = (text: string) => (/[。！？]$/.test(text) ? text : `${text}。`);

const escaped = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * A stamped document's link is opened in a browser (the applicant's 电子送达 link, a clerk's 查看): when it cannot be
 * served, a browser is answered with a page that says so in words, with the document's title and 文号 to quote,
 * instead of the JSON an API caller gets (which it still gets, as every route answers).
 */
@Catch(CodedError, BadRequestException)
export class DocumentErrorPage implements ExceptionFilter {
  private readonly coded = new CodedErrorFilter();

  catch(error: CodedError<string> | BadRequestException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const wantsPage = request.accepts(['application/json', 'text/html']) === 'text/html';
    // One address, two answers by Accept: a cache keeps them apart, and keeps neither (the file may come back).
    response.set({ vary: 'Accept', 'cache-control': 'no-store' });
    if (!wantsPage) {
      if (error instanceof CodedError) return this.coded.catch(error, host);
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    const { status, code, message, details } =
      error instanceof CodedError
        ? { status: error.httpStatus, code: error.code, message: error.message, details: error.details }
        : { status: error.getStatus(), code: 'REQUEST.INVALID', message: '', details: undefined };
    response
      .status(status)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': POLICY,
        'cache-control': 'no-store',
      })
      .send(errorPage(code, message, details));
  }
}

function errorPage(code: string, message: string, details: Record<string, unknown> | undefined): string {
  const heading = HEADINGS[code] ?? '这份文书目前无法打开';
  const title = typeof details?.title === 'string' ? details.title : undefined;
  const number = typeof details?.number === 'string' ? details.number : undefined;
  const facts =
    title || number
      ? `<dl>${title ? `<dt>文书</dt><dd>${escaped(title)}</dd>` : ''}${number ? `<dt>文号</dt><dd>${escaped(number)}</dd>` : ''}</dl>`
      : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escaped(heading)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escaped(heading)}</h1>
<p>${escaped(sentence(ADVICE[code] ?? message))}</p>
${facts}
<p><a href="/">返回首页</a></p>
<p class="code">错误代码：${escaped(code)}</p>
</main></body></html>
`;
}
