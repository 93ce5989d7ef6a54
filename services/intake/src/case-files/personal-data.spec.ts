import type { ApplicationForm } from '@oneseal/domain';
import { maskAddress, maskIdNumber, maskPhone, personalDataOfForm } from './personal-data';

const form = {
  sections: [
    {
      title: '申请人',
      fields: [
        { key: 'homeAddress', type: 'address', label: '现居住地址', required: true },
        { key: 'hardship', type: 'textarea', label: '困难情况说明', required: true },
        { key: 'payee', type: 'bank-account', label: '收款账户', required: true },
        {
          key: 'members',
          type: 'person-list',
          label: '家庭成员',
          required: false,
          fields: [
            { key: 'name', type: 'text', label: '姓名', required: true },
            { key: 'idNumber', type: 'id-number', label: '公民身份号码', required: true },
          ],
        },
      ],
    },
  ],
} as unknown as ApplicationForm;

describe('personal data in a case file, as a colleague without the need to know sees it', () => {
  it('keeps enough to recognise a person and hides the rest', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskAddress('泽州县南村镇原家村 12 号')).toBe('泽州县南村镇原家村****');
    expect(maskAddress('晋城市城区凤台东街 1088 号 3 单元')).toBe('晋城市城区凤台东街****');
    expect(maskAddress('某地 1 号')).toBe('某地 ****');
  });

  it('masks the form’s ID numbers, accounts and addresses, lists where they were, and leaves the rest', () => {
    const { masked, personal } = personalDataOfForm(form, {
      homeAddress: '泽州县南村镇原家村 12 号',
      hardship: '丈夫住院',
      payee: { bankName: '山西泽州农村商业银行', accountName: '张三', accountNumber: '6217000012345678' },
      members: [{ name: '李四', idNumber: '110105194912310011' }],
    });
    expect(masked).toEqual({
      homeAddress: '泽州县南村镇原家村****',
      hardship: '丈夫住院',
      payee: { bankName: '山西泽州农村商业银行', accountName: '张三', accountNumber: '****5678' },
      members: [{ name: '李四', idNumber: '110105********0011' }],
    });
    expect(personal.sort()).toEqual(
      ['formData.homeAddress', 'formData.members[].idNumber', 'formData.payee'].sort(),
    );
  });
});
