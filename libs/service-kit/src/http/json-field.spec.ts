import { BadRequestException } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import { parseJsonField } from './json-field';
import { RequestError, RequestErrorCode } from './request-errors';

class Named {
  @IsString()
  @MaxLength(4)
  name!: string;
}

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};

describe('a JSON document in a multipart field', () => {
  it('is read into the DTO when it keeps its rules', () => {
    const parsed = parseJsonField('{"name":"张三"}', Named, 'application');
    expect(parsed).toBeInstanceOf(Named);
    expect(parsed.name).toBe('张三');
  });

  it('is refused with a stable code when it is not a JSON object', () => {
    for (const raw of [undefined, '', 'not json', '[1]', '"text"']) {
      const error = refusal(() => parseJsonField(raw, Named, 'application'));
      expect(error).toBeInstanceOf(RequestError);
      expect((error as RequestError).code).toBe(RequestErrorCode.MALFORMED_JSON);
    }
  });

  it('names every broken rule and every unknown key, as a JSON body’s 400 does', () => {
    const error = refusal(() => parseJsonField('{"name":"张三丰先生","extra":1}', Named, 'application'));
    expect(error).toBeInstanceOf(BadRequestException);
    const body = (error as BadRequestException).getResponse() as {
      code: string;
      problems: { field: string }[];
    };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.problems.map((problem) => problem.field).sort()).toEqual(['extra', 'name']);
  });

  it('refuses control characters and deep nesting before validating', () => {
    const control = refusal(() => parseJsonField('{"name":"a\\u0000"}', Named, 'application'));
    expect((control as RequestError).code).toBe(RequestErrorCode.INVALID_CHARACTERS);
    const deep = refusal(() =>
      parseJsonField(`{"name":${'['.repeat(40)}${']'.repeat(40)}}`, Named, 'application'),
    );
    expect((deep as RequestError).code).toBe(RequestErrorCode.TOO_DEEP);
  });
});
