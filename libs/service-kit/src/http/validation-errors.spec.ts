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

  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应写成如 2027-01-04 的形式' })
  date = '2027/1/4';

  @IsNotEmpty({ message: '有异议时请写明理由' })
  note?: string;
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

  it('keeps a DTO’s own Chinese message, for a wrong value and for a missing one', () => {
    const body = validationErrorsToException(validateSync(new Sample())).getResponse() as {
      problems: { field: string; rule: string; message: string }[];
    };
    expect(body.problems).toEqual(
      expect.arrayContaining([
        { field: 'date', rule: 'matches', message: '日期应写成如 2027-01-04 的形式' },
        { field: 'note', rule: 'isDefined', message: '有异议时请写明理由' },
      ]),
    );
  });
});
