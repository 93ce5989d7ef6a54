import { residentIdCheckCharacter } from '../people/resident-id';
import type { ApplicationForm } from './application-form';
import { checkFormData } from './check-form-data';
import { checkFormDefinition } from './check-form-definition';

const id = (first17: string) => first17 + residentIdCheckCharacter(first17);
const TODAY = '2026-12-04';
const wrongCheckDigit = (value: string) => value.slice(0, 17) + (value[17] === '1' ? '2' : '1');

// 临时救助, as a 办事指南 asks it.
const relief: ApplicationForm = {
  sections: [
    {
      title: '困难情况',
      fields: [
        { key: 'hardship', label: '困难情形', type: 'choice', options: ['急难型', '支出型'], required: true },
        { key: 'description', label: '困难情况说明', type: 'textarea', required: true, maxLength: 500 },
        { key: 'amountRequested', label: '申请救助金额', type: 'money', required: true, max: 50_000 },
        { key: 'occurredOn', label: '发生日期', type: 'date', past: true, required: false },
      ],
    },
    {
      title: '家庭成员',
      fields: [
        {
          key: 'household',
          label: '共同生活的家庭成员',
          type: 'person-list',
          itemLabel: '家庭成员',
          required: true,
          minItems: 1,
          fields: [
            { key: 'name', label: '姓名', type: 'text', required: true },
            { key: 'idNumber', label: '公民身份号码', type: 'id-number', required: true },
            {
              key: 'relation',
              label: '与申请人关系',
              type: 'choice',
              options: ['本人', '配偶', '子女', '父母'],
              required: true,
            },
            { key: 'monthlyIncome', label: '月收入', type: 'money', required: false },
          ],
        },
      ],
    },
    {
      title: '发放',
      fields: [{ key: 'bankAccount', label: '收款账户', type: 'bank-account', required: true }],
    },
  ],
};

const filled = () => ({
  hardship: '支出型',
  description: '  因病住院，医疗支出较大  ',
  amountRequested: '3000.50',
  household: [
    { name: '王秀英', idNumber: id('14052519850312002'), relation: '本人', monthlyIncome: 800 },
    { name: '李明', idNumber: id('14052520100501001'), relation: '子女' },
  ],
  bankAccount: { bankName: '泽州农商银行', accountName: '王秀英', accountNumber: '6217 0000 1234 5678 901' },
});

describe('checkFormData: what an applicant filled in, against the form of the guide in force', () => {
  it('takes a complete form and hands it back normalised', () => {
    const check = checkFormData(relief, filled(), TODAY);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.data.description).toBe('因病住院，医疗支出较大');
    expect(check.data.amountRequested).toBe(3000.5);
    expect(check.data.bankAccount).toEqual({
      bankName: '泽州农商银行',
      accountName: '王秀英',
      accountNumber: '6217000012345678901',
    });
    expect(check.data).not.toHaveProperty('occurredOn');
  });

  it('names every problem at once, with where it is in words a clerk reads', () => {
    const form = filled();
    const check = checkFormData(
      relief,
      {
        ...form,
        hardship: '其他',
        description: '',
        amountRequested: 12.345,
        occurredOn: '2027-01-01',
        household: [
          form.household[0],
          { ...form.household[1], idNumber: wrongCheckDigit(id('14052520100501001')) },
        ],
        bankAccount: { bankName: '泽州农商银行', accountName: '王秀英', accountNumber: '12ab' },
        extra: '多余',
      },
      TODAY,
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems.map((problem) => `${problem.label}：${problem.message}`)).toEqual(
      expect.arrayContaining([
        '申请表：本事项的申请表没有“extra”这一项，请按当前办事指南的申请表填写',
        '困难情形：应从以下选项中选择：急难型、支出型',
        '困难情况说明：必须填写',
        '申请救助金额：金额最多精确到分（两位小数）',
        '发生日期：不能晚于今天',
        '家庭成员第 2 条：公民身份号码：公民身份号码校验位不符，请逐位核对是否录入有误',
        '收款账户：银行账号应为 10 至 30 位数字',
      ]),
    );
    expect(check.problems.find((problem) => problem.label.startsWith('家庭成员第 2 条'))?.field).toBe(
      'household[1].idNumber',
    );
  });

  it('takes amounts to the cent, whatever their binary fractions', () => {
    for (const amount of [0.07, 0.29, 1.13, 4.35, 19.99, 3000.5, 12345.67]) {
      const check = checkFormData(relief, { ...filled(), amountRequested: amount }, TODAY);
      expect(check).toEqual(expect.objectContaining({ ok: true }));
    }
    const fraction = checkFormData(relief, { ...filled(), amountRequested: 19.999 }, TODAY);
    expect(fraction.ok).toBe(false);
  });

  it('refuses characters nobody types: NUL and broken surrogates', () => {
    const check = checkFormData(relief, { ...filled(), description: '医疗\u0000支出' }, TODAY);
    expect(check.ok).toBe(false);
    const broken = checkFormData(relief, { ...filled(), description: 'x\ud800' }, TODAY);
    expect(broken.ok).toBe(false);
  });

  it('asks for at least the entries a list needs', () => {
    const check = checkFormData(relief, { ...filled(), household: [] }, TODAY);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.problems).toEqual([
        { field: 'household', label: '共同生活的家庭成员', message: '必须填写' },
      ]);
  });
});

describe('checkFormDefinition', () => {
  it('accepts a form the console can draw', () => {
    expect(checkFormDefinition(relief)).toEqual([]);
  });

  it('names each flaw of a form that cannot be drawn or checked', () => {
    const problems = checkFormDefinition({
      sections: [
        {
          title: '基本情况',
          fields: [
            { key: 'Name', label: '姓名', type: 'text', required: true },
            { key: 'kind', label: '类别', type: 'choice', options: [], required: true },
            { key: 'kind', label: '', type: 'text', required: true },
          ],
        },
      ],
    });
    expect(problems).toEqual([
      '申请表第 1 栏“基本情况”的“姓名”：键名“Name”应为小写字母开头的英文字母和数字',
      '申请表第 1 栏“基本情况”的“类别”：选择题没有选项',
      '申请表第 1 栏“基本情况”的“kind”：键名“kind”重复',
      '申请表第 1 栏“基本情况”的“kind”：没有名称',
    ]);
  });

  it('names a form of the wrong shape instead of failing on it', () => {
    expect(checkFormDefinition(null)).toEqual(['申请表至少要有一个栏目']);
    expect(checkFormDefinition({ sections: [null, { title: 7, fields: [null] }] })).toEqual([
      '申请表第 1 栏不是栏目（应有标题和填写项）',
      '申请表第 2 栏“”没有标题',
      '申请表第 2 栏“”的第 1 项不是填写项',
    ]);
    expect(
      checkFormDefinition({
        sections: [
          {
            title: '情况',
            fields: [
              { key: 'kind', label: '类别', type: 'choice', options: '急难型', required: true },
              { key: 'cause', label: '原因', type: 'choice', options: ['疾病', '疾病'], required: true },
              { key: 'note', label: '说明', type: 'text', maxLength: '200', required: false },
            ],
          },
        ],
      }),
    ).toEqual([
      '申请表第 1 栏“情况”的“类别”：选择题没有选项',
      '申请表第 1 栏“情况”的“原因”：选项有重复',
      '申请表第 1 栏“情况”的“说明”：maxLength 应为不小于 0 的数字',
    ]);
  });
});
