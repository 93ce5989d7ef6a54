import type { CaseDocumentContent, IssueDocumentInput } from '@oneseal/contracts';
import { townOrganDefaults } from '../organs/organ-directory';
import { chineseDateTime, composeDocument } from './document-text';
import { formatDocumentNumber, numberPatternProblem } from './document-numbers';

const NANCUN = { county: '140525', countyName: '泽州县', town: '140525100', townName: '南村镇' };
const context = { organ: townOrganDefaults(NANCUN), townName: '南村镇' };

function input(
  content: CaseDocumentContent,
  overrides: Partial<IssueDocumentInput> = {},
): IssueDocumentInput {
  return {
    caseId: 'c',
    county: '140525',
    town: '140525100',
    correlationId: 'c',
    documentKey: 'k',
    issuer: { level: 'town' },
    receiptNumber: '140525-20261203-000135',
    matterCode: 'ZZ-T-002',
    matterName: '临时救助',
    matterTypeCode: '05',
    applicantName: '张三',
    handledBy: { id: 'w1', name: '李娜', title: '综合受理窗口' },
    issuedAt: '2026-12-04T01:00:00.000Z',
    content,
    ...overrides,
  };
}

/** The 受理通知书 of a case nobody accepted in five working days: issued by the organ itself. */
const deemedNotice = () =>
  composeDocument(
    input(
      {
        kind: 'acceptance-notice',
        receivedOn: '2026-12-03',
        acceptedOn: '2026-12-03',
        committedDueDate: '2026-12-17',
        deemed: true,
      },
      { handledBy: { id: 'system', title: '依法视为受理' } },
    ),
    context,
  );

const wholeText = (text: ReturnType<typeof composeDocument>) =>
  [
    text.title,
    text.addressee,
    ...text.paragraphs,
    ...(text.items ?? []),
    ...(text.rows ?? []).flat(),
    text.remedies,
    text.closing,
    text.handledBy,
  ].join('\n');

describe('the text of a case’s documents', () => {
  it('a 不予受理决定书 states the reason, the basis and where to seek 行政复议 and 行政诉讼', () => {
    const text = composeDocument(input({ kind: 'non-acceptance', reason: '申请人户籍不在本镇' }), context);
    expect(text.title).toBe('不予受理决定书');
    expect(text.paragraphs[0]).toContain('经审查：申请人户籍不在本镇。');
    expect(text.paragraphs[1]).toContain('第三十二条第一款的规定，本机关决定不予受理');
    expect(text.remedies).toBe(
      '你（单位）如对本决定不服，可以自收到本决定之日起六十日内向泽州县人民政府申请行政复议，' +
        '也可以自收到本决定之日起六个月内向泽州县人民法院提起行政诉讼。',
    );
    expect(text.handledBy).toBe('经办人：李娜（综合受理窗口）');
  });

  it('a 不予受理 of a matter outside the organ’s competence says where to apply instead (art. 32(1)(2))', () => {
    const text = composeDocument(
      input({
        kind: 'non-acceptance',
        reason: '申请事项属于县人社局职权',
        referTo: '泽州县人力资源和社会保障局',
      }),
      context,
    );
    expect(text.paragraphs[1]).toBe(
      '该事项不属于本机关职权范围，参照《中华人民共和国行政许可法》第三十二条第一款第（二）项的规定，本机关决定不予受理。' +
        '请你（单位）向泽州县人力资源和社会保障局提出申请。',
    );
  });

  it('a 补正材料告知书 names every missing item at once, the day, and where to bring them', () => {
    const text = composeDocument(
      input({
        kind: 'correction-notice',
        receivedOn: '2026-12-03',
        missingMaterials: ['户口簿复印件', '近三个月收入证明'],
        supplyBy: '2026-12-11',
        opinion: '',
      }),
      context,
    );
    expect(text.items).toEqual(['户口簿复印件', '近三个月收入证明']);
    expect(wholeText(text)).toContain('现一次性告知你需要补正的全部内容');
    expect(wholeText(text)).toContain('请于2026年12月11日前将上述材料送交南村镇便民服务中心综合受理窗口');
    expect(wholeText(text)).toContain(
      '于2026年12月3日提出的“临时救助”申请（办件编号：140525-20261203-000135）',
    );
  });

  it('a deemed acceptance says so, from the day of receipt, under art. 32', () => {
    const text = deemedNotice();
    expect(text.title).toBe('受理通知书');
    expect(text.paragraphs[0]).toContain('未在五个工作日内告知需要补正的内容');
    expect(text.paragraphs[0]).toContain('自收到申请材料之日（2026年12月3日）起即为受理');
    expect(text.paragraphs[1]).toContain('于2026年12月17日前作出决定');
  });

  it('a decision speaks the words of its matter type, and a 给付 says what it grants', () => {
    const granted = composeDocument(
      input({
        kind: 'decision',
        result: '准予',
        opinion: '符合条件',
        grant: { amount: '一次性 2000 元', form: '打入社会保障卡', from: '2026-12-10' },
      }),
      context,
    );
    expect(granted.title).toBe('给付决定书');
    expect(granted.paragraphs[0]).toContain('本机关决定准予给付');
    expect(granted.rows).toEqual([
      ['给付金额', '一次性 2000 元'],
      ['给付方式', '打入社会保障卡'],
      ['给付起始日期', '2026年12月10日'],
    ]);
    expect(granted.remedies).toBeUndefined();

    const certificate = composeDocument(
      input(
        { kind: 'decision', result: '准予', opinion: '情况属实' },
        { matterTypeCode: '07', matterName: '婚姻生育情况证明' },
      ),
      context,
    );
    expect(certificate.title).toBe('婚姻生育情况证明');
    expect(certificate.paragraphs[0]).toBe('兹证明：经本机关审查核实，情况属实。');
    expect(certificate.closing).toBe('特此证明。');
    const issuedProof = composeDocument(
      input(
        { kind: 'decision', result: '准予', opinion: '申请人张三夫妇现有子女一名' },
        { matterTypeCode: '07', matterName: '收养人生育情况证明出具' },
      ),
      context,
    );
    expect(issuedProof.title).toBe('收养人生育情况证明');
    const confirmed = composeDocument(
      input(
        { kind: 'decision', result: '准予', opinion: '情况属实' },
        { matterTypeCode: '07', matterName: '畜禽养殖登记' },
      ),
      context,
    );
    expect(confirmed.title).toBe('确认决定书');
    expect(confirmed.paragraphs[0]).toContain('本机关决定予以确认');

    const refusedService = composeDocument(
      input({ kind: 'decision', result: '不予许可', opinion: '不符合条件' }, { matterTypeCode: '20' }),
      context,
    );
    expect(refusedService.title).toBe('不予办理告知书');
    expect(refusedService.paragraphs[1]).toContain('本机关决定不予办理');
    expect(refusedService.remedies).toContain('六十日内向泽州县人民政府申请行政复议');
  });

  it('rests a decision on the matter’s confirmed basis; only a 行政许可 cites 行政许可法', () => {
    const refusal = { kind: 'decision', result: '不予许可', opinion: '收入超标' } as const;
    expect(
      composeDocument(input(refusal, { legalBasis: '《社会救助暂行办法》第四十七条' }), context)
        .paragraphs[1],
    ).toBe('依照《社会救助暂行办法》第四十七条的规定，本机关决定不予给付。');
    expect(composeDocument(input(refusal), context).paragraphs[1]).toBe('本机关决定不予给付。');
    expect(composeDocument(input(refusal, { matterTypeCode: '01' }), context).paragraphs[1]).toContain(
      '依照《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可',
    );
  });

  it('a 延期办理告知书 names the approving head, the extra days and the new date; a 特别程序告知书 the expected length', () => {
    const extension = composeDocument(
      input({
        kind: 'extension-notice',
        extraWorkingDays: 5,
        reason: '需入户核对家庭收入',
        approvedBy: { id: 'h', name: '王建军' },
        committedDueDate: '2026-12-25',
      }),
      context,
    );
    expect(wholeText(extension)).toContain('经本机关批准（批准人：王建军）');
    expect(wholeText(extension)).toContain('办理期限延长5个工作日，本机关将于2026年12月25日前作出决定');
    const procedure = composeDocument(
      input({
        kind: 'special-procedure-notice',
        procedure: '公示',
        reason: '须在村内公示',
        expectedWorkingDays: 7,
      }),
      context,
    );
    expect(wholeText(procedure)).toContain('需要进行公示');
    expect(wholeText(procedure)).toContain('公示所需时间不计算在办理期限内，预计需要7个工作日');
    expect(wholeText(procedure)).not.toContain('第四十五条');
  });

  it('a 送达回证 records method, recipient, date and what was handed over', () => {
    const text = composeDocument(
      input({
        kind: 'delivery-receipt',
        method: 'express',
        recipient: '张三之子张明',
        deliveredOn: '2026-12-20',
      }),
      { ...context, delivered: { title: '给付决定书', number: '泽民审〔2026〕3号' } },
    );
    expect(text.rows).toEqual(
      expect.arrayContaining([
        ['送达文书', '给付决定书（泽民审〔2026〕3号）'],
        ['送达方式', '邮寄送达'],
        ['签收人', '张三之子张明'],
        ['送达日期', '2026年12月20日'],
      ]),
    );
  });

  it('a public service is done, not decided; a 其他行政权力 is 批准; nobody reads “system” as a person', () => {
    const done = composeDocument(
      input({ kind: 'decision', result: '准予', opinion: '已为申请人出具材料' }, { matterTypeCode: '20' }),
      context,
    );
    expect(done.title).toBe('办结通知书');
    expect(done.paragraphs).toEqual([
      '你（单位）提出的“临时救助”申请（办件编号：140525-20261203-000135），本机关已依法受理。现已办理完结。',
      '办理结果：已为申请人出具材料。',
    ]);
    expect(done.closing).toBe('特此通知。');
    const approved = composeDocument(
      input({ kind: 'decision', result: '准予', opinion: '' }, { matterTypeCode: '10' }),
      context,
    );
    expect(approved.paragraphs[0]).toContain('本机关决定予以批准。');
    const deemed = deemedNotice();
    expect(deemed.handledBy).toBe('出具机关：泽州县南村镇人民政府（依法视为受理）');
    const electronic = composeDocument(
      input(
        { kind: 'delivery-receipt', method: 'electronic', recipient: '张三', deliveredOn: '2026-12-20' },
        { handledBy: { id: 'system', title: '电子送达' } },
      ),
      context,
    );
    expect(electronic.rows).toContainEqual(['送达人', '泽州县南村镇人民政府（电子送达）']);
    expect(electronic.handledBy).toBe('电子送达：已于2026年12月20日向申请人送达电子文书');
    expect(wholeText(electronic)).not.toContain('system');
    const posted = composeDocument(
      input({
        kind: 'delivery-receipt',
        method: 'express',
        recipient: '张三',
        deliveredOn: '2026-12-20',
        carrier: '中国邮政EMS',
        trackingNumber: 'EA123456789CN',
      }),
      context,
    );
    expect(posted.rows).toEqual(
      expect.arrayContaining([
        ['送达方式', '邮寄送达'],
        ['快递公司', '中国邮政EMS'],
        ['快递单号', 'EA123456789CN'],
      ]),
    );
    expect(wholeText(electronic)).not.toContain('快递单号');
    const broughtHome = composeDocument(
      input({
        kind: 'delivery-receipt',
        method: 'home',
        recipient: '赵大爷',
        deliveredOn: '2026-12-20',
        deliveredBy: '原家村代办员王五',
      }),
      context,
    );
    expect(broughtHome.rows).toContainEqual(['送达方式', '上门送达']);
    // The one who carried it is the 送达人, not the window clerk who recorded it.
    expect(broughtHome.rows).toContainEqual(['送达人', '原家村代办员王五']);
    expect(wholeText(electronic)).not.toContain('原家村代办员');
  });

  it('a town’s 受理通知书 for a bureau’s matter names the bureau that decides; art. 45 only for the procedures it names', () => {
    const accepted = composeDocument(
      input({
        kind: 'acceptance-notice',
        receivedOn: '2026-12-03',
        acceptedOn: '2026-12-04',
        committedDueDate: '2026-12-18',
        deemed: false,
      }),
      { ...context, decidingOrganName: '泽州县民政局' },
    );
    expect(accepted.paragraphs[1]).toContain(
      '本机关受理后依规定转泽州县民政局作出决定，承诺于2026年12月18日前办结',
    );
    const publicNotice = composeDocument(
      input({
        kind: 'special-procedure-notice',
        procedure: '公示',
        reason: '须在村内公示',
        expectedWorkingDays: 7,
      }),
      context,
    );
    expect(wholeText(publicNotice)).not.toContain('第四十五条');
    const hearing = composeDocument(
      input({
        kind: 'special-procedure-notice',
        procedure: '听证',
        reason: '申请人要求听证',
        expectedWorkingDays: 10,
      }),
      context,
    );
    expect(wholeText(hearing)).toContain('第四十五条');
  });

  it('marks a committed date in a year whose holidays are not published yet as provisional', () => {
    const text = composeDocument(
      input({
        kind: 'acceptance-notice',
        receivedOn: '2026-12-21',
        acceptedOn: '2026-12-21',
        committedDueDate: '2027-01-05',
        provisional: true,
        deemed: false,
      }),
      context,
    );
    expect(text.paragraphs[1]).toContain(
      '于2027年1月5日（暂定，以国务院公布的该年节假日安排为准）前作出决定',
    );
  });

  it('numbers and times read as they do on paper', () => {
    expect(formatDocumentNumber('南村便审〔{year}〕{n}号', 2026, 17)).toBe('南村便审〔2026〕17号');
    expect(numberPatternProblem('南村便审〔2026〕{n}号')).toBe('文号格式须包含一次 {year}（年份）');
    expect(numberPatternProblem('南村便审〔{year}〕号')).toBe('文号格式须包含一次 {n}（序号）');
    expect(numberPatternProblem('南村便审〔{year}〕{n}号')).toBeUndefined();
    expect(chineseDateTime(new Date('2026-12-04T17:03:38.028Z'))).toBe('2026年12月5日 01:03');
  });
});
