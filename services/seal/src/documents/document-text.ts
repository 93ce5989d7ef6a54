import type { CaseDocumentKind, HandoverMethod, IssueDocumentInput } from '@oneseal/contracts';
import { chinaDate, chineseDate, decisionDocumentTitle } from '@oneseal/domain';
import type { OrganSettings } from '../organs/organ-directory';

/** What a document says, before it is laid out on paper: pure text, so the wording can be read and tested. */
export interface ComposedDocument {
  title: string;
  /** 张三： — whom a letter is addressed to; absent on a record (送达回证). */
  addressee?: string;
  paragraphs: string[];
  /** 一次性告知: numbered items after the first paragraph. */
  items?: string[];
  /** A record's rows (送达回证), drawn as a table. */
  rows?: [string, string][];
  /** The remedies a refusal tells of. */
  remedies?: string;
  /** 特此通知。 */
  closing?: string;
  /** 经办人：王芳（综合受理窗口）. */
  handledBy: string;
}

/** What the issuing service knows besides the request: the organ, and for a 送达回证 what was handed over. */
export interface DocumentContext {
  organ: OrganSettings;
  /** 南村镇: the town whose window takes applications and hands results out. */
  townName: string;
  delivered?: { title: string; number: string | null };
  /** The organ that decides, named on a 受理通知书 the town issues for a bureau's decision. */
  decidingOrganName?: string;
}

const TITLES: Record<Exclude<CaseDocumentKind, 'decision'>, string> = {
  'acceptance-notice': '受理通知书',
  'correction-notice': '补正材料告知书',
  'non-acceptance': '不予受理决定书',
  'extension-notice': '延期办理告知书',
  'special-procedure-notice': '特别程序告知书',
  'delivery-receipt': '送达回证',
};

const DELIVERY_WORDS: Record<HandoverMethod, string> = {
  'pick-up': '直接送达（窗口领取）',
  express: '邮寄送达',
  electronic: '电子送达',
  home: '上门送达',
};

/** A date in a year whose holidays the State Council has not published yet may still move: the document says so. */
const dueDateOf = (isoDate: string, provisional: boolean | undefined) =>
  `${chineseDate(isoDate)}${provisional ? '（暂定，以国务院公布的该年节假日安排为准）' : ''}`;

/** An instant as a person in China reads it: 2026年12月5日 09:03 (China Standard Time). */
export function chineseDateTime(instant: Date): string {
  const cst = new Date(instant.getTime() + 8 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日 ` +
    `${pad(cst.getUTCHours())}:${pad(cst.getUTCMinutes())}`
  );
}

/** The day of an instant in China Standard Time, in Chinese (2026年12月5日). */
export function chineseDay(instant: Date): string {
  return chineseDate(chinaDate(instant));
}

export function documentTitleOf(
  input: Pick<IssueDocumentInput, 'content' | 'matterTypeCode' | 'matterName'>,
): string {
  const { content } = input;
  if (content.kind === 'decision') {
    return decisionDocumentTitle(input.matterTypeCode, content.result === '准予', input.matterName);
  }
  return TITLES[content.kind];
}

const sentence = (text: string) => (/[。！？；]$/.test(text.trim()) ? text.trim() : `${text.trim()}。`);

/** The law is applied where it governs (行政许可, type 01) and followed by analogy elsewhere. */
const lawVerb = (typeCode: string | undefined) => (typeCode === '01' ? '依照' : '参照');

function remedies(organ: OrganSettings, documentWord: string): string {
  return (
    `你（单位）如对本${documentWord}不服，可以自收到本${documentWord}之日起六十日内向${organ.reviewOrgan}申请行政复议，` +
    `也可以自收到本${documentWord}之日起六个月内向${organ.court}提起行政诉讼。`
  );
}

function basis(input: IssueDocumentInput, lawArticle: string): string {
  const law = `${lawVerb(input.matterTypeCode)}《中华人民共和国行政许可法》${lawArticle}`;
  return input.legalBasis ? `${law}及${input.legalBasis}的规定` : `${law}的规定`;
}

/** The procedures art. 45 names (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审); 公示 and 入户调查 are not among them. */
const ART_45_PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'];

/** What a decision decides, in the words of its matter's type (a public service is 办结, not decided). */
const GRANTED: Record<string, string> = {
  '01': '准予行政许可',
  '04': '准予征收',
  '05': '准予给付',
  '07': '予以确认',
  '08': '给予奖励',
  '09': '作出裁决',
  '10': '予以批准',
};
const REFUSED: Record<string, string> = {
  '01': '不予行政许可',
  '04': '不予征收',
  '05': '不予给付',
  '07': '不予确认',
  '08': '不予奖励',
  '09': '驳回裁决申请',
  '10': '不予批准',
  '20': '不予办理',
};

/** The basis of a decision: 行政许可法 governs a 行政许可; any other decision rests on the matter's own basis. */
function decisionBasis(input: IssueDocumentInput, article: string): string {
  if (input.matterTypeCode === '01') return `${basis(input, article)}，`;
  return input.legalBasis ? `依照${input.legalBasis}的规定，` : '';
}

/** Who the document names as having handled it; the organ itself when nobody did (视为受理, 电子送达). */
function handlerOf(input: IssueDocumentInput, organ: OrganSettings): string {
  const handler = input.handledBy;
  if (handler.id === 'system') return `${organ.name}（${handler.title}）`;
  return `${handler.name ?? '本机关工作人员'}（${handler.title}）`;
}

/** The application as every document names it. */
function applicationOf(input: IssueDocumentInput, receivedOn: string | undefined): string {
  const when = receivedOn ? `于${chineseDate(receivedOn)}` : '';
  return `你（单位）${when}提出的“${input.matterName}”申请（办件编号：${input.receiptNumber}）`;
}

/** The text of one document of a case, in the form a township service hall issues it. */
export function composeDocument(input: IssueDocumentInput, context: DocumentContext): ComposedDocument {
  const { content } = input;
  const title = documentTitleOf(input);
  const addressee = `${input.applicantName}：`;
  const handler = handlerOf(input, context.organ);
  const handledBy = input.handledBy.id === 'system' ? `出具机关：${handler}` : `经办人：${handler}`;
  const decidedBy = `审批人：${handler}`;
  switch (content.kind) {
    case 'acceptance-notice': {
      const intro = applicationOf(input, content.receivedOn);
      const accepted = content.deemed
        ? `${intro}，本机关未在五个工作日内告知需要补正的内容。${basis(input, '第三十二条第一款第（四）项')}，` +
          `该申请自收到申请材料之日（${chineseDate(content.receivedOn)}）起即为受理。`
        : `${intro}，申请材料齐全、符合法定形式，本机关决定予以受理。`;
      return {
        title,
        addressee,
        paragraphs: [
          accepted,
          (context.decidingOrganName && context.decidingOrganName !== context.organ.name
            ? `本机关受理后依规定转${context.decidingOrganName}作出决定，承诺于${dueDateOf(content.committedDueDate, content.provisional)}前办结`
            : `本机关将在承诺期限内办结，于${dueDateOf(content.committedDueDate, content.provisional)}前作出决定`) +
            '（法定节假日、补正材料和特别程序所需时间不计算在内）。你可凭办件编号和查询码随时查询办理进度。',
        ],
        closing: '特此通知。',
        handledBy,
      };
    }
    case 'correction-notice': {
      const paragraphs = [
        `${applicationOf(input, content.receivedOn)}，经审查，申请材料不齐全或者不符合法定形式。` +
          `${basis(input, '第三十二条第一款第（四）项')}，现一次性告知你需要补正的全部内容：`,
      ];
      const after = [
        `请于${chineseDate(content.supplyBy)}前将上述材料送交${context.townName}便民服务中心综合受理窗口，` +
          '或经所在村（社区）便民服务站代为提交。逾期未补正的，本机关将终止办理。',
        '补正材料所需时间不计算在办理期限内；收到全部补正材料后，本机关将继续办理。',
      ];
      if (content.opinion.trim()) after.unshift(`补正说明：${sentence(content.opinion)}`);
      return {
        title,
        addressee,
        paragraphs: [...paragraphs, ...after],
        items: content.missingMaterials,
        closing: '特此告知。',
        handledBy,
      };
    }
    case 'non-acceptance':
      return {
        title,
        addressee,
        paragraphs: [
          `${applicationOf(input, undefined)}，经审查：${sentence(content.reason)}`,
          content.referTo
            ? `该事项不属于本机关职权范围，${basis(input, '第三十二条第一款第（二）项')}，本机关决定不予受理。` +
              `请你（单位）向${content.referTo.replace(/[。.]$/, '')}提出申请。`
            : `${basis(input, '第三十二条第一款')}，本机关决定不予受理。`,
        ],
        remedies: remedies(context.organ, '决定'),
        handledBy,
      };
    case 'decision': {
      const granted = content.result === '准予';
      const type = input.matterTypeCode ?? '';
      const intro = `${applicationOf(input, undefined)}，本机关已依法受理。`;
      if (!granted) {
        return {
          title,
          addressee,
          paragraphs: [
            `${intro}经审查：${sentence(content.opinion || '申请不符合规定条件')}`,
            `${decisionBasis(input, '第三十八条第二款')}本机关决定${REFUSED[type] ?? '不予批准'}。`,
          ],
          remedies: remedies(context.organ, type === '20' ? '告知' : '决定'),
          handledBy: decidedBy,
        };
      }
      if (type === '20') {
        // A public service is done, not decided: the 办结通知书 says so.
        return {
          title,
          addressee,
          paragraphs: [
            `${intro}现已办理完结。`,
            ...(content.opinion.trim() ? [`办理结果：${sentence(content.opinion)}`] : []),
          ],
          closing: '特此通知。',
          handledBy: decidedBy,
        };
      }
      if (input.matterTypeCode === '07' && /证明$/.test(title)) {
        // A 证明 certifies what the review found, in its own words: 兹证明 …, 特此证明。
        const application = applicationOf(input, undefined).replace(/^你（单位）/, input.applicantName);
        return {
          title,
          addressee,
          paragraphs: [
            // The reviewer's opinion often begins as the sentence does (经核实，…): said once.
            `兹证明：经本机关审查核实，${sentence(content.opinion.replace(/^经(本机关)?(审查)?(核实|审查)[，,]\s*/, '') || '所申请证明的情况属实')}`,
            `本证明依${application}出具。`,
          ],
          closing: '特此证明。',
          handledBy: decidedBy,
        };
      }
      const paragraphs = [
        `${intro}经审查，申请符合规定条件、标准，${decisionBasis(input, '第三十八条第一款')}本机关决定${GRANTED[type] ?? '予以批准'}。`,
      ];
      const grant = content.grant;
      const rows: [string, string][] = [];
      if (input.matterTypeCode === '05') {
        if (grant?.amount) rows.push(['给付金额', grant.amount]);
        if (grant?.form) rows.push(['给付方式', grant.form]);
        if (grant?.from) rows.push(['给付起始日期', chineseDate(grant.from)]);
      }
      if (content.opinion.trim()) paragraphs.push(`审查意见：${sentence(content.opinion)}`);
      return {
        title,
        addressee,
        paragraphs,
        ...(rows.length > 0 ? { rows } : {}),
        closing: '特此决定。',
        handledBy: decidedBy,
      };
    }
    case 'extension-notice':
      return {
        title,
        addressee,
        paragraphs: [
          `${applicationOf(input, undefined)}，本机关已依法受理。因${content.reason.replace(/[。.]$/, '')}，` +
            '不能在承诺期限内作出决定。',
          `经本机关批准（批准人：${content.approvedBy.name ?? '本机关负责人'}），${basis(input, '第四十二条第一款')}，` +
            `办理期限延长${content.extraWorkingDays}个工作日，本机关将于${dueDateOf(content.committedDueDate, content.provisional)}前作出决定。`,
        ],
        closing: '特此告知。',
        handledBy,
      };
    case 'special-procedure-notice': {
      const expected = content.expectedWorkingDays
        ? `预计需要${content.expectedWorkingDays}个工作日`
        : '所需时间将另行告知';
      return {
        title,
        addressee,
        paragraphs: [
          `${applicationOf(input, undefined)}，本机关已依法受理。因${content.reason.replace(/[。.]$/, '')}，需要进行${content.procedure}。`,
          (ART_45_PROCEDURES.includes(content.procedure)
            ? `${basis(input, '第四十五条')}，`
            : input.legalBasis
              ? `依照${input.legalBasis}的规定，`
              : '') +
            `${content.procedure}所需时间不计算在办理期限内，${expected}。` +
            `${content.procedure}结束后，本机关将继续办理，并告知你重新计算的办结日期。`,
        ],
        closing: '特此告知。',
        handledBy,
      };
    }
    case 'delivery-receipt': {
      const delivered = context.delivered
        ? `${context.delivered.title}${context.delivered.number ? `（${context.delivered.number}）` : ''}`
        : '办理结果';
      return {
        title,
        paragraphs: [],
        rows: [
          ['受送达人', input.applicantName],
          ['送达文书', delivered],
          ['办件编号', input.receiptNumber],
          ['申请事项', input.matterName],
          ['送达方式', DELIVERY_WORDS[content.method]],
          ...(content.method === 'express' && content.carrier
            ? ([
                ['快递公司', content.carrier],
                ['快递单号', content.trackingNumber ?? ''],
              ] as [string, string][])
            : []),
          ['签收人', content.recipient],
          ['送达日期', chineseDate(content.deliveredOn)],
          ['送达人', content.deliveredBy ?? handler],
        ],
        handledBy:
          content.method === 'electronic'
            ? `电子送达：已于${chineseDate(content.deliveredOn)}向申请人送达电子文书`
            : `签收确认：${content.recipient}已于${chineseDate(content.deliveredOn)}签收`,
      };
    }
  }
}
