import { IsIn, IsNotEmpty, Matches, validateSync } from 'class-validator';
import { validationErrorsToException } from './validation-errors';

class Sample {
  @Matches(/^\d{6}$/)
  county = '14';

  @IsIn(['town-window'])
  channel = 'fax';

  @IsNotEmpty()
  applicantName = '';

  @IsNotEmpty()
  @Matches(/^\d+$/)
  matterCode?: string;
}

describe('validationErrorsToException', () => {
  it('answers with a stable code, a Chinese message and one entry per problem', () => {
    const exception = validationErrorsToException(validateSync(new Sample()));
    expect(exception.getStatus()).toBe(400);
    const body = exception.getResponse() as {
      code: string;
      message: string;
      problems: { field: string; rule: string; message: string }[];
    };
    expect(body.code).toBe('REQUEST.INVALID');
    expect(body.message).toBe('提交的内容有误，请按提示修改后重新提交');
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { field: 'county', rule: 'matches', message: 'county 格式不正确' },
        { field: 'channel', rule: 'isIn', message: 'channel 不是允许的取值' },
        { field: 'applicantName', rule: 'isNotEmpty', message: 'applicantName 不能为空' },
      ]),
    );
    expect(body.problems.filter((problem) => problem.field === 'matterCode')).toEqual([
      { field: 'matterCode', rule: 'isDefined', message: 'matterCode 必须填写' },
    ]);
  });
});
