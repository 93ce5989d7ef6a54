import * as templates from './templates';
import {
  INBOX_TEMPLATES,
  MAX_VARIABLE_LENGTH,
  SMS_TEMPLATES,
  TEMPLATE_TEXTS,
  materialsList,
} from './templates';

const receipt = '140525-20261123-000001';

/** An SMS is one message up to 70 characters, the 【signature】 (here a 6-character one) included. */
const SMS_LIMIT = 70 - '【泽州政务】'.length;

describe('message templates', () => {
  it('writes the receipt with its 查询码 and the committed date, in at most two SMS', () => {
    const message = templates.caseAccepted({
      matterName: '老年人高龄补贴发放',
      receiptNumber: receipt,
      queryCode: 'K7QM-3XPD-9RTA',
      committedDueDate: '2026-12-01',
    });
    expect(message.template).toBe('caseAcceptedWithQueryCode');
    expect(message.body).toBe(
      `您申请的老年人高龄补贴发放已受理，办件编号${receipt}，查询码K7QM-3XPD-9RTA，承诺2026年12月1日前办结。`,
    );
    expect(message.params).toEqual({
      matter: '老年人高龄补贴发放',
      receipt,
      code: 'K7QM-3XPD-9RTA',
      dueDate: '2026年12月1日',
    });
    // A long SMS goes out in segments of 67 characters, the signature in the first.
    expect(message.body.length).toBeLessThanOrEqual(2 * 67 - '【泽州政务】'.length);
  });

  it('sends a case filed before 查询码 were given the receipt it was approved with, in one SMS', () => {
    const message = templates.caseAccepted({
      matterName: '临时救助',
      receiptNumber: receipt,
      queryCode: null,
      committedDueDate: '2026-12-01',
    });
    expect(message.template).toBe('caseAccepted');
    expect(message.body).toBe(`您申请的临时救助已受理，办件编号${receipt}，承诺2026年12月1日前办结。`);
    expect(message.body.length).toBeLessThanOrEqual(SMS_LIMIT);
  });

  it('marks a committed date in a year whose holidays are not published yet （暂定）, at acceptance and extension', () => {
    const accepted = templates.caseAccepted({
      matterName: '临时救助',
      receiptNumber: receipt,
      queryCode: null,
      committedDueDate: '2027-01-18',
      provisional: true,
    });
    expect(accepted.body).toBe(
      `您申请的临时救助已受理，办件编号${receipt}，承诺2027年1月18日（暂定）前办结。`,
    );
    const extended = templates.caseExtended({
      receiptNumber: receipt,
      extraWorkingDays: 5,
      committedDueDate: '2027-01-25',
      provisional: true,
    });
    expect(extended.body).toBe(
      `您的办件${receipt}经批准延长办理期限5个工作日，将于2027年1月25日（暂定）前办结。`,
    );
  });

  it('tells the applicant the committed date the calendar moved, marked while provisional', () => {
    expect(
      templates.caseRescheduled({ receiptNumber: receipt, committedDueDate: '2027-01-05', provisional: true })
        .body,
    ).toBe(`您的办件${receipt}因工作日安排调整，承诺办结日期改为2027年1月5日（暂定）。`);
  });

  it('lists every missing material of a 补正 and the day to bring them by', () => {
    const message = templates.correctionRequested({
      receiptNumber: receipt,
      missingMaterials: ['申请人有效身份证件', '申请表'],
      supplyBy: '2026-12-20',
    });
    expect(message.body).toBe(
      `您的办件${receipt}需补正：申请人有效身份证件、申请表。请于2026年12月20日前补齐，逾期将终止办理。`,
    );
  });

  it('keeps a long list of materials within one template variable, saying how many there are', () => {
    const list = materialsList([
      '申请人有效身份证件',
      '户口簿',
      '家庭成员收入证明',
      '医疗费用票据原件',
      '残疾证复印件',
      '村民委员会出具的证明',
    ]);
    expect(list.length).toBeLessThanOrEqual(MAX_VARIABLE_LENGTH);
    expect(list).toBe('申请人有效身份证件、户口簿、家庭成员收入证明、医疗费用票据原件等6项');
  });

  it('sends every template either by SMS or to a unit inbox, never both', () => {
    const sms: readonly string[] = SMS_TEMPLATES;
    const inbox: readonly string[] = INBOX_TEMPLATES;
    expect(Object.keys(TEMPLATE_TEXTS).filter((name) => sms.includes(name) === inbox.includes(name))).toEqual(
      [],
    );
  });

  it('does not double a sentence’s end when a reason typed by staff or an applicant brings its own', () => {
    const message = templates.dissatisfiedRating({
      caseRef: '000017',
      matterName: '临时救助',
      scoreText: '不满意',
      reason: '窗口让我跑了两次。',
      rectifyBy: '2026-12-20',
    });
    expect(message.body).toContain('窗口让我跑了两次。请于 2026-12-20 前核实整改');
    expect(message.body).not.toMatch(/。。|！。/);
  });

  it('gives the reason of a 不予受理', () => {
    const message = templates.caseRefused({ receiptNumber: receipt, reason: '不属于本中心受理范围' });
    expect(message.body).toBe(`您的办件${receipt}不予受理，原因：不属于本中心受理范围。`);
    expect(message.body.length).toBeLessThanOrEqual(SMS_LIMIT);
  });

  it('clips a variable the SMS provider would refuse as too long', () => {
    const message = templates.caseRefused({ receiptNumber: receipt, reason: '原因'.repeat(30) });
    expect(message.params.reason).toHaveLength(MAX_VARIABLE_LENGTH);
    expect(message.params.reason.endsWith('…')).toBe(true);
  });

  it.each([
    ['撤件', '申请人撤回申请'],
    ['补正不来', '逾期未补正，终止办理'],
    ['作废', '办件作废'],
  ] as const)('words the ending %s as %s', (result, outcome) => {
    expect(templates.caseDecided({ receiptNumber: receipt, result }).body).toBe(
      `您的办件${receipt}已办结，办理结果：${outcome}。`,
    );
  });

  it('tells the applicant how to get the result, by the delivery method chosen', () => {
    const ready = (deliveryMethod: 'pick-up' | 'express' | 'electronic') =>
      templates.resultReady({ receiptNumber: receipt, deliveryMethod, verificationCode: 'A1B2C3D4' }).body;
    expect(ready('pick-up')).toBe(`您的办件${receipt}办理结果已出具，请携带身份证件到受理窗口领取。`);
    expect(ready('express')).toContain('将通过快递寄送给您');
    expect(ready('electronic')).toContain('电子文书核验码A1B2C3D4');
    expect(templates.resultDelivered({ receiptNumber: receipt, method: 'express' }).body).toBe(
      `您的办件${receipt}办理结果已通过快递寄出，感谢您的支持。`,
    );
  });

  it('tells a unit of a new task and warns it yellow, red and statutory', () => {
    expect(templates.taskOpened({ caseRef: receipt, matterName: '临时救助', stepName: '受理' }).body).toBe(
      `您有一件新的待办（临时救助）：办件 ${receipt} 待受理，请及时办理。`,
    );
    expect(templates.taskOpened({ caseRef: receipt, stepName: '受理' }).body).toBe(
      `您有一件新的待办：办件 ${receipt} 待受理，请及时办理。`,
    );
    const warning = { caseRef: receipt, stepName: '审核', dueDate: '2026-12-01' };
    expect(templates.deadlineYellow(warning).body).toBe(
      `黄牌预警：办件 ${receipt} 审核环节将于2026年12月1日到期，请抓紧办理。`,
    );
    expect(templates.deadlineRed({ ...warning, stepName: undefined }).body).toBe(
      `红牌超期：办件 ${receipt} 已超过承诺期限（2026年12月1日），请立即办理。`,
    );
    expect(templates.deadlineStatutory(warning).body).toContain('已超过法定期限');
  });

  it('keeps every other applicant SMS within one message for typical values', () => {
    const longest = Math.max(
      ...[
        templates.correctionRequested({
          receiptNumber: receipt,
          missingMaterials: ['申请表'],
          supplyBy: '2026-12-31',
        }),
        templates.caseDecided({ receiptNumber: receipt, result: '补正不来' }),
        templates.resultReady({ receiptNumber: receipt, deliveryMethod: 'pick-up', verificationCode: 'X' }),
        templates.resultDelivered({ receiptNumber: receipt, method: 'electronic' }),
      ].map((message) => message.body.length),
    );
    expect(longest).toBeLessThanOrEqual(SMS_LIMIT);
  });

  it('registers only SMS templates whose variables are all named in the text', () => {
    for (const name of SMS_TEMPLATES) {
      expect(TEMPLATE_TEXTS[name]).toMatch(/\$\{\w+\}/);
      // The signature goes in 【】, which the provider forbids inside a template.
      expect(TEMPLATE_TEXTS[name]).not.toMatch(/[【】]/);
    }
  });

  it('tells a posted result with its carrier and tracking number', () => {
    expect(
      templates.resultDelivered({
        receiptNumber: '140525-20261123-000001',
        method: 'express',
        carrier: '顺丰速运',
        trackingNumber: 'SF1234567890123',
      }).body,
    ).toBe('您的办件140525-20261123-000001办理结果已由顺丰速运寄出（单号SF1234567890123），感谢您的支持。');
  });

  it('tells a result brought home by the village agent', () => {
    expect(templates.resultDelivered({ receiptNumber: '140525-20261123-000001', method: 'home' }).body).toBe(
      '您的办件140525-20261123-000001办理结果已由帮办代办员上门送达，感谢您的支持。',
    );
  });
});
