import type { CaseResult, DeliveryMethod, HandoverMethod } from '@oneseal/contracts';
import { chineseDate, resultWording } from '@oneseal/domain';

/**
 * Every message text OneSeal sends, in one place. Each text is registered as is with the SMS provider (the
 * provider only sends approved templates, with `${name}` variables: plain strings here, not JS template
 * literals), and each function below fills one of them.
 * Texts stay short: an SMS of more than 70 characters (the 【signature】 included) is billed as two. Only the
 * receipt with its 查询码 (caseAcceptedWithQueryCode) may take two: the applicant keeps both numbers. A changed text
 * is a new template: the provider approved the old one under its code.
 */
export const TEMPLATE_TEXTS = {
  caseAccepted: '您申请的${matter}已受理，办件编号${receipt}，承诺${dueDate}前办结。',
  caseAcceptedWithQueryCode:
    '您申请的${matter}已受理，办件编号${receipt}，查询码${code}，承诺${dueDate}前办结。',
  correctionRequested: '您的办件${receipt}需补正：${materials}。请于${supplyBy}前补齐，逾期将终止办理。',
  caseRefused: '您的办件${receipt}不予受理，原因：${reason}。',
  caseDecided: '您的办件${receipt}已办结，办理结果：${outcome}。',
  resultReady: '您的办件${receipt}办理结果已出具，${collect}。',
  resultDelivered: '您的办件${receipt}办理结果已${delivery}，感谢您的支持。',
  caseExtended: '您的办件${receipt}经批准延长办理期限${days}个工作日，将于${dueDate}前办结。',
  caseSuspended: '您的办件${receipt}需进行${procedure}，${expected}，所需时间不计入办理期限。',
  caseRescheduled: '您的办件${receipt}因工作日安排调整，承诺办结日期改为${dueDate}。',
  signInCode: '您的登录验证码为${code}，5分钟内有效。请勿告诉他人，工作人员不会向您索要。',
  ratingAnswered: '您对办件${receipt}的评价，办理单位已答复整改情况，请在“我的办件”或办件查询中查看。',
  appointmentBooked:
    '您已预约${day}${slot}到${center}办理${matter}，取号码${code}，到后凭本手机号和取号码取号。',
  homeVisitScheduled:
    '您申请的${kind}（${matter}），帮办代办员${agent}将于${day}上门，请在家等候并备好身份证件。',
  homeVisitRequested:
    '${kind}申请：${village}${name}（${reason}）需办理${matter}${preferred}，请约定上门日期。',
  appointmentReminder:
    '温馨提示：您预约了明天${slot}到${center}办理${matter}，请按时前往。如不能前往请取消预约。',
  taskOpened: '您有一件新的待办${matter}：办件 ${ref} 待${stepName}，请及时办理。',
  deadlineYellow: '黄牌预警：办件 ${ref} ${scope}将于${dueDate}到期，请抓紧办理。',
  deadlineRed: '红牌超期：办件 ${ref} ${scope}已超过承诺期限（${dueDate}），请立即办理。',
  deadlineStatutory: '严重超期：办件 ${ref} ${scope}已超过法定期限（${dueDate}），请立即办理并说明原因。',
  dissatisfiedRating:
    '差评待整改：办件 ${ref}（${matter}）${event}申请人评价为${score}：${reason}。${deadline}核实整改，在监察中回复并回访。',
  escalationRed: '督办：办件 ${ref} ${scope}已超过承诺期限（${dueDate}），承办单位 ${unit}，请督促办理。',
  supervisionOrdered:
    '${kind}：办件 ${ref}（${matter}）现由${step}办理，要求：${requirement}。请于 ${answerBy} 前办理，并由分管领导（县直部门为本部门）答复。',
  supervisionAnswered: '${kind}已答复：办件 ${ref}（${matter}）${who}答复：${answer}',
  noticeIssued: '${issuer}印发《${title}》（${number}），已向社会公开，请认真对照、抓好落实。',
  escalationStatutory:
    '严重超期督办：办件 ${ref} ${scope}已超过法定期限（${dueDate}），承办单位 ${unit}，请督促办理并说明原因。',
} as const;

export type TemplateName = keyof typeof TEMPLATE_TEXTS;

/** Templates sent to applicants by SMS: each needs a code approved by the SMS provider. */
export const SMS_TEMPLATES = [
  'caseAccepted',
  'caseAcceptedWithQueryCode',
  'correctionRequested',
  'caseRefused',
  'caseDecided',
  'resultReady',
  'resultDelivered',
  'caseExtended',
  'caseSuspended',
  'caseRescheduled',
  'signInCode',
  'ratingAnswered',
  'appointmentBooked',
  'appointmentReminder',
  'homeVisitScheduled',
] as const satisfies readonly TemplateName[];
export type SmsTemplateName = (typeof SMS_TEMPLATES)[number];

/** Templates recorded in a unit's inbox (单位消息) for its staff: every template is either this or an SMS. */
export const INBOX_TEMPLATES = [
  'taskOpened',
  'deadlineYellow',
  'deadlineRed',
  'deadlineStatutory',
  'dissatisfiedRating',
  'escalationRed',
  'escalationStatutory',
  'homeVisitRequested',
  'supervisionOrdered',
  'supervisionAnswered',
  'noticeIssued',
] as const satisfies readonly TemplateName[];
export type InboxTemplateName = (typeof INBOX_TEMPLATES)[number];

/** The provider refuses a variable longer than this (通知短信: 1–35 characters per variable). */
export const MAX_VARIABLE_LENGTH = 35;

export interface RenderedMessage {
  template: TemplateName;
  /** The variables, as the SMS provider receives them. */
  params: Record<string, string>;
  /** The text the recipient reads: the template with its variables filled in. */
  body: string;
}

function clip(value: string): string {
  return value.length <= MAX_VARIABLE_LENGTH ? value : `${value.slice(0, MAX_VARIABLE_LENGTH - 1)}…`;
}

function render(template: TemplateName, params: Record<string, string>): RenderedMessage {
  // The SMS provider refuses long variables; a unit's inbox keeps the whole text (a 督办's requirement, an answer).
  const sms = (SMS_TEMPLATES as readonly TemplateName[]).includes(template);
  const clipped = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, sms ? clip(value) : value]),
  );
  const body = TEMPLATE_TEXTS[template].replace(/\$\{(\w+)\}/g, (_placeholder, name: string) => {
    const value = clipped[name];
    if (value === undefined) throw new Error(`template ${template} has no value for \${${name}}`);
    return value;
  });
  // A value that ends a sentence itself (a reason typed with its 。) is not followed by the template's own.
  return { template, params: clipped, body: body.replace(/([。！？])。/g, '$1') };
}

/** As many materials as fit in one variable, then how many more: 申请表、身份证复印件等5项. */
export function materialsList(materials: readonly string[]): string {
  const all = materials.join('、');
  if (all.length <= MAX_VARIABLE_LENGTH) return all;
  for (let shown = materials.length - 1; shown > 0; shown -= 1) {
    const candidate = `${materials.slice(0, shown).join('、')}等${materials.length}项`;
    if (candidate.length <= MAX_VARIABLE_LENGTH) return candidate;
  }
  return `${clip(materials[0]).slice(0, MAX_VARIABLE_LENGTH - 6)}等${materials.length}项`;
}

// ---- to the applicant (SMS) -----------------------------------------------------------------------------

/** 受理: the receipt, with the 查询码 to follow the case by and the committed completion date. */
export function caseAccepted(input: {
  matterName: string;
  receiptNumber: string;
  /** null for a case filed before codes were given. */
  queryCode: string | null;
  committedDueDate: string;
  /** The date reaches into a year whose holidays are not published yet. */
  provisional?: boolean;
}) {
  const receipt = {
    matter: input.matterName,
    receipt: input.receiptNumber,
    dueDate: dueDateText(input.committedDueDate, input.provisional),
  };
  // A case filed before codes were given has none on its paper receipt either: it gets the receipt without one.
  return input.queryCode
    ? render('caseAcceptedWithQueryCode', { ...receipt, code: input.queryCode })
    : render('caseAccepted', receipt);
}

/** 补正: everything missing at once, and the day by which it must arrive. */
export function correctionRequested(input: {
  receiptNumber: string;
  missingMaterials: readonly string[];
  supplyBy: string;
}) {
  return render('correctionRequested', {
    receipt: input.receiptNumber,
    materials: materialsList(input.missingMaterials),
    supplyBy: chineseDate(input.supplyBy),
  });
}

/** 不予受理, with the reason the window gave. */
export function caseRefused(input: { receiptNumber: string; reason: string }) {
  return render('caseRefused', { receipt: input.receiptNumber, reason: input.reason });
}

/** How each result reads to the applicant; 退回 is absent: the 不予受理 message already said it. */
/** The results that end a case without a decision to hand over: the conclusion is the applicant's last word. */
export type EndingWithoutDelivery = Exclude<CaseResult, '退回' | '准予' | '出证' | '不予许可'>;

/**
 * 办结 of a case that ended without a decision to hand over (撤件, 补正不来 …). A decision is not 办结 for the applicant
 * until it is handed over: resultReady and resultDelivered tell them of it.
 */
export function caseDecided(input: { receiptNumber: string; result: EndingWithoutDelivery }) {
  return render('caseDecided', {
    receipt: input.receiptNumber,
    outcome: resultWording(undefined, input.result),
  });
}

/** The sealed result exists; how the applicant gets it depends on the 送达方式 chosen at submission. */
export function resultReady(input: {
  receiptNumber: string;
  deliveryMethod: DeliveryMethod;
  verificationCode: string;
}) {
  const collect: Record<DeliveryMethod, string> = {
    'pick-up': '请携带身份证件到受理窗口领取',
    express: '将通过快递寄送给您',
    electronic: `电子文书核验码${input.verificationCode}`,
  };
  return render('resultReady', { receipt: input.receiptNumber, collect: collect[input.deliveryMethod] });
}

/** 延期 (行政许可法 art. 42): by how much, and the new date. */
export function caseExtended(input: {
  receiptNumber: string;
  extraWorkingDays: number;
  committedDueDate: string;
  provisional?: boolean;
}) {
  return render('caseExtended', {
    receipt: input.receiptNumber,
    days: String(input.extraWorkingDays),
    dueDate: dueDateText(input.committedDueDate, input.provisional),
  });
}

/** The working-day calendar moved the committed date (a year's holidays published, a county's own day). */
export function caseRescheduled(input: {
  receiptNumber: string;
  committedDueDate: string;
  provisional?: boolean;
}) {
  return render('caseRescheduled', {
    receipt: input.receiptNumber,
    dueDate: dueDateText(input.committedDueDate, input.provisional),
  });
}

/** 2027年1月18日（暂定） while that year's holidays are not published: the applicant knows it may move. */
function dueDateText(isoDate: string, provisional: boolean | undefined): string {
  return `${chineseDate(isoDate)}${provisional ? '（暂定）' : ''}`;
}

/** 特别程序 (art. 45): which, and how long it should take. */
export function caseSuspended(input: {
  receiptNumber: string;
  procedure: string;
  expectedWorkingDays?: number;
}) {
  return render('caseSuspended', {
    receipt: input.receiptNumber,
    procedure: input.procedure,
    expected: input.expectedWorkingDays ? `预计${input.expectedWorkingDays}个工作日` : '所需时间另行告知',
  });
}

/** 送达: the result reached the applicant. */
export function resultDelivered(input: {
  receiptNumber: string;
  method: HandoverMethod;
  carrier?: string;
  trackingNumber?: string;
}) {
  const delivery: Record<HandoverMethod, string> = {
    'pick-up': '在窗口领取',
    express:
      input.carrier && input.trackingNumber
        ? `由${input.carrier}寄出（单号${input.trackingNumber}）`
        : '通过快递寄出',
    electronic: '电子送达',
    home: '由帮办代办员上门送达',
  };
  return render('resultDelivered', { receipt: input.receiptNumber, delivery: delivery[input.method] });
}

/** 差评整改: the town answered the applicant's 差评; the answer itself is read where they rated (too long for an SMS). */
export function ratingAnswered(input: { receiptNumber: string }) {
  return render('ratingAnswered', { receipt: input.receiptNumber });
}

/** 预约: the confirmation, with the day and slot as a person reads them (12月7日 09:00-10:00). */
export function appointmentBooked(input: {
  day: string;
  slot: string;
  centerName: string;
  matterName: string;
  checkInCode: string;
}) {
  return render('appointmentBooked', {
    code: input.checkInCode,
    day: chineseDate(input.day).replace(/^\d+年/, ''),
    slot: input.slot,
    center: input.centerName,
    matter: input.matterName,
  });
}

/** 预约: the reminder the evening before. */
export function appointmentReminder(input: { slot: string; centerName: string; matterName: string }) {
  return render('appointmentReminder', {
    slot: input.slot,
    center: input.centerName,
    matter: input.matterName,
  });
}

const HOME_VISIT_KINDS_TEXT = { service: '上门服务', agency: '上门代办' } as const;

/** 上门服务: the day the agent comes. */
export function homeVisitScheduled(input: {
  kind: keyof typeof HOME_VISIT_KINDS_TEXT;
  matterName: string;
  agentName: string;
  visitOn: string;
}) {
  return render('homeVisitScheduled', {
    kind: HOME_VISIT_KINDS_TEXT[input.kind],
    matter: input.matterName,
    agent: input.agentName,
    day: chineseDate(input.visitOn).replace(/^\d+年/, ''),
  });
}

/** 上门服务: a request in the village station's inbox. */
export function homeVisitRequested(input: {
  kind: keyof typeof HOME_VISIT_KINDS_TEXT;
  villageName: string;
  applicantName: string;
  reason: string;
  matterName: string;
  preferredDate?: string;
}) {
  return render('homeVisitRequested', {
    kind: HOME_VISIT_KINDS_TEXT[input.kind],
    village: input.villageName,
    name: input.applicantName,
    reason: input.reason,
    matter: input.matterName,
    preferred: input.preferredDate ? `，希望 ${input.preferredDate} 上门` : '',
  });
}

// ---- to staff (the unit's inbox) ------------------------------------------------------------------------

/** A new task in the unit's inbox. `caseRef` is the receipt number when known. */
export function taskOpened(input: { caseRef: string; matterName?: string; stepName: string }) {
  return render('taskOpened', {
    ref: input.caseRef,
    // Before the submission has reached notification the matter is not known yet: the notice goes without it.
    matter: input.matterName ? `（${input.matterName}）` : '',
    stepName: input.stepName,
  });
}

interface DeadlineInput {
  caseRef: string;
  /** The step's name for a step deadline; absent for the case's own committed limit. */
  stepName?: string;
  dueDate: string;
}

const deadlineParams = (input: DeadlineInput) => ({
  ref: input.caseRef,
  scope: input.stepName ? `${input.stepName}环节` : '',
  dueDate: chineseDate(input.dueDate),
});

/** 差评: the applicant was not satisfied; the town's leader follows it up (整改) and answers on the record. */
export function dissatisfiedRating(input: {
  caseRef: string;
  matterName: string;
  /** Which service was rated: 窗口受理, 结果领取 (the whole case: nothing said). */
  serviceEventText?: string;
  scoreText: string;
  reason: string;
  /** The 整改 deadline; ratings announced before deadlines were kept have none. */
  rectifyBy?: string;
}) {
  return render('dissatisfiedRating', {
    ref: input.caseRef,
    matter: input.matterName,
    event: input.serviceEventText ? `${input.serviceEventText}环节` : '',
    score: input.scoreText,
    reason: input.reason || '未说明原因',
    deadline: input.rectifyBy ? `请于 ${input.rectifyBy} 前` : '请',
  });
}

/** A supervisor's 督办 or 催办 of a case, to the unit holding it and its overseer. */
export function supervisionOrdered(input: {
  kind: string;
  caseRef: string;
  matterName: string;
  /** The unit the case waits at, by its name (南村镇便民服务中心审核岗). */
  where: string;
  requirement: string;
  answerBy: string;
}) {
  return render('supervisionOrdered', {
    kind: input.kind,
    ref: input.caseRef,
    matter: input.matterName,
    step: input.where,
    requirement: input.requirement,
    answerBy: input.answerBy,
  });
}

/** The answer to a 督办, to the county's 电子监察. */
export function supervisionAnswered(input: {
  kind: string;
  caseRef: string;
  matterName: string;
  who: string;
  answer: string;
}) {
  return render('supervisionAnswered', {
    kind: input.kind,
    ref: input.caseRef,
    matter: input.matterName,
    who: input.who,
    answer: input.answer,
  });
}

/** 督办: the late work, as told to whoever oversees the unit that holds it (the unit by its name). */
export function escalation(input: DeadlineInput & { severity: 'red' | 'statutory'; lateUnit: string }) {
  return render(input.severity === 'red' ? 'escalationRed' : 'escalationStatutory', {
    ...deadlineParams(input),
    unit: input.lateUnit,
  });
}

/** 黄牌: the deadline is near. */
export function deadlineYellow(input: DeadlineInput) {
  return render('deadlineYellow', deadlineParams(input));
}

/** 红牌: the committed deadline has passed. */
export function deadlineRed(input: DeadlineInput) {
  return render('deadlineRed', deadlineParams(input));
}

/** The statutory limit (法定时限) has passed: the case is now unlawfully late. */
export function deadlineStatutory(input: DeadlineInput) {
  return render('deadlineStatutory', deadlineParams(input));
}

/** 网上办事登录: the one-time code an applicant signs in with (identity issues it; this service only sends it). */
export function signInCode(input: { code: string }) {
  return render('signInCode', { code: input.code });
}

/** A 通报 the county's 行政审批服务管理局 issued, in each town's inbox: where to read it, to act on it. */
export function noticeIssued(input: { issuerName: string; title: string; number: string }) {
  return render('noticeIssued', { issuer: input.issuerName, title: input.title, number: input.number });
}
