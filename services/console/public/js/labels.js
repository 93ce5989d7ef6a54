/** Chinese words for the codes the services answer with; an unknown code is shown as it is. */

export const CASE_STAGES = {
  'pre-acceptance': '待受理',
  'in-progress': '办理中',
  'awaiting-correction': '待补正',
  suspended: '特别程序（计时中止）',
  sealing: '用印中',
  delivering: '送达中',
  concluded: '已办结',
};

/** The supervision read model has its own stages (routing.routed_cases), not the workflow's. */
export const SUPERVISED_STAGES = {
  routed: '已分派（未受理）',
  'in-progress': '办理中',
  'awaiting-correction': '待补正',
  suspended: '特别程序',
  refused: '不予受理/不予许可',
  concluded: '已办结',
  delivered: '已送达',
};

export const OUTCOMES = {
  approve: '通过',
  return: '退回上一环节',
  'request-correction': '要求补正',
  reject: '不予通过',
};

/**
 * What each step's choices are called there (the services' STEP_OUTCOMES; the inbox sends the open step's own list):
 * a review's refusal is only a recommendation (拟不予), and only 受理 refuses to accept.
 */
const STEP_WORDS = {
  'pre-acceptance': { approve: '报送', 'request-correction': '补正' },
  acceptance: { approve: '受理', reject: '不予受理', 'request-correction': '补正' },
  review: { approve: '通过（拟同意）', return: '退回', reject: '拟不予' },
  decision: { approve: '准予', reject: '不予', return: '退回' },
  delivery: { approve: '已送达' },
};

function stepRole(stepName, level) {
  if (stepName === '代办' || (stepName === '初审' && level === 'village')) return 'pre-acceptance';
  if (stepName === '受理') return 'acceptance';
  if (stepName === '决定') return 'decision';
  if (stepName === '送达') return 'delivery';
  return 'review';
}

/** An outcome in the words of the step it was taken at (受理 → 不予受理, 审核 → 拟不予, 决定 → 不予). */
export const outcomeWord = (stepName, outcome, level) =>
  STEP_WORDS[stepRole(stepName, level)][outcome] ?? label(OUTCOMES, outcome);

/** 常用意见: the opinions a desk writes most, one click from the opinion box. */
export const COMMON_OPINIONS = {
  'pre-acceptance': {
    approve: ['材料已收齐，报乡镇便民服务中心受理'],
    'request-correction': ['申请材料不齐全，请按补正告知书一次性补齐'],
  },
  acceptance: {
    approve: ['申请材料齐全，符合法定形式，予以受理', '申请人按要求提交了全部补正材料，予以受理'],
    reject: ['申请事项依法不需要取得行政许可', '申请事项不属于本机关职权范围，请向有关行政机关申请'],
    'request-correction': ['申请材料不齐全，请按补正告知书一次性补齐'],
  },
  review: {
    approve: ['经审核，申请材料真实有效，符合条件，拟同意', '经入户核查，情况属实，拟同意'],
    return: ['材料登记有误，请核对后重新办理'],
    reject: ['经审核，不符合规定条件，拟不予'],
  },
  decision: {
    approve: ['同意', '经研究，准予'],
    reject: ['经研究，不符合规定条件，不予'],
    return: ['请补充核实后重新审核'],
  },
  delivery: { approve: ['已送达申请人'] },
};

export const commonOpinionsOf = (stepName, outcome, level) =>
  COMMON_OPINIONS[stepRole(stepName, level)][outcome] ?? [];

export const WARNINGS = { yellow: '黄牌预警', red: '红牌预警', statutory: '超法定时限' };

export const CHANNELS = {
  'village-agent': '帮办代办',
  'town-window': '窗口受理',
  kiosk: '自助终端',
  'provincial-portal': '省政务服务平台（一网通办）',
  online: '网上申请',
};

/** What a 差评 is about (the services' RATING_CATEGORIES). */
export const RATING_CATEGORIES = {
  attitude: '服务态度',
  efficiency: '办事效率',
  materials: '材料要求',
  process: '办理流程',
  environment: '服务环境',
  online: '网上办理',
  other: '其他',
};

export const SERVICE_EVENTS = { case: '办件评价', acceptance: '窗口受理', delivery: '结果领取' };

/** The hall's business lines (the services' QUEUE_CATEGORIES), the appointment line apart. */
export const QUEUE_CATEGORIES = {
  'social-security': '社保医保',
  'social-assistance': '民政救助',
  health: '卫生健康',
  rural: '农业农村与住房',
  general: '综合事务',
};

export const APPOINTMENT_STATUSES = { booked: '已预约', arrived: '已签到', cancelled: '已取消' };

export const REVISIT_METHODS = { phone: '电话回访', visit: '上门回访', sms: '短信回访' };

/** The carriers a result is posted by (the services' EXPRESS_CARRIERS). */
export const EXPRESS_CARRIERS = [
  '中国邮政EMS',
  '顺丰速运',
  '京东物流',
  '中通快递',
  '圆通速递',
  '韵达快递',
  '申通快递',
  '极兔速递',
];

export const DELIVERY_METHODS = { 'pick-up': '窗口领取', express: '邮寄送达', electronic: '电子送达' };

/** How a result was handed over (the 送达回证): the ways one may ask for, and 上门送达 by the village agent. */
export const HANDOVER_METHODS = { ...DELIVERY_METHODS, home: '上门送达' };

/** Kept in the services' order (libs/auth ROLES): 人员与岗位 lists its role checkboxes in this order. */
export const ROLE_TITLES = {
  'village-agent': '村（社区）便民服务站帮办代办员',
  'town-window': '镇便民服务中心综合受理窗口',
  'town-reviewer': '镇便民服务中心审核人员',
  'town-leader': '镇分管领导（审批决定）',
  'county-officer': '县直部门审批人员',
  'seal-keeper': '镇行政审批服务专用章管理员',
  supervisor: '县电子监察',
  auditor: '审计人员',
  admin: '县行政审批服务管理局管理员',
};

export const LEVELS = { village: '村', town: '镇', county: '县' };

/** The services that act on their own (an SLA alarm, a routed case), as an audit replay names them. */
export const SERVICE_ACTORS = {
  intake: '收件受理系统',
  routing: '办件流转系统',
  approval: '审批系统',
  seal: '电子印章系统',
  notification: '消息系统',
  audit: '审计系统',
  identity: '账号系统',
};

export const TASK_STATUSES = { open: '待办', done: '已办', cancelled: '已撤销' };

export const NOTIFICATION_STATUSES = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
  cancelled: '已取消',
};

export const RECIPIENT_KINDS = { applicant: '申请人', 'staff-unit': '单位待办' };

/** A unit message's kind, by the template it was written from. */
export const MESSAGE_KINDS = {
  taskOpened: '新待办',
  deadlineYellow: '黄牌预警',
  deadlineRed: '红牌超期',
  deadlineStatutory: '严重超期',
  escalationRed: '督办',
  escalationStatutory: '严重超期督办',
  dissatisfiedRating: '差评整改',
  homeVisitRequested: '上门服务申请',
  supervisionOrdered: '督办催办',
  supervisionAnswered: '督办答复',
  noticeIssued: '考核通报',
};

export const LEDGER_ENTRIES = { stamped: '用印', refused: '拒绝用印' };

/** The applicant's rating of the service (好差评); 2 and below count as dissatisfied and need a reason. */
export const RATING_SCORES = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };

export const SPECIAL_PROCEDURES = ['公示', '入户调查', '听证', '检测', '检验', '检疫', '鉴定', '专家评审'];

/** Event types as events are published today. */
export const EVENT_TYPES = {
  'intake.application-submitted': '提交申请',
  'intake.attachment-added': '上传材料页面',
  'intake.personal-data-viewed': '查看完整个人信息',
  'intake.bureau-registered': '新增县直部门',
  'routing.case-routed': '分派流转',
  'approval.review-task-opened': '生成待办',
  'approval.step-decided': '环节办理',
  'routing.case-accepted': '受理',
  'routing.correction-requested': '要求补正',
  'routing.correction-supplied': '补正已收到',
  'routing.case-suspended': '启动特别程序',
  'routing.case-resumed': '结束特别程序',
  'routing.case-stalled': '办件因数据问题暂停',
  'routing.case-unstalled': '重新执行暂停的环节',
  'routing.deadline-extended': '延长办理时限',
  'routing.deadline-recalculated': '工作日历调整，期限重算',
  'routing.deadline-warning': '时限预警',
  'routing.case-refused': '不予受理',
  'seal.document-stamped': '文书用印',
  'seal.seal-registered': '印章登记备案',
  'seal.seal-activated': '印章启用',
  'seal.seal-retired': '印章停用',
  'seal.notice-issued': '印发通报',
  'routing.result-delivered': '结果送达',
  'routing.service-rated': '办事评价',
  'routing.rating-answered': '差评整改答复',
  'routing.supervision-ordered': '督办催办',
  'routing.supervision-answered': '督办答复',
  'routing.accountability-recorded': '约谈问责',
  'routing.case-concluded': '办结',
  'notification.notification-sent': '发送通知',
};

/** Types events had before they moved to the service that emits them: the audit log keeps them as recorded. */
const FORMER_EVENT_TYPES = {
  'approval.case-accepted': 'routing.case-accepted',
  'approval.correction-requested': 'routing.correction-requested',
  'approval.case-refused': 'routing.case-refused',
};

/** What an event type is called, whichever name it was recorded under. */
export const eventTypeLabel = (type) => label(EVENT_TYPES, FORMER_EVENT_TYPES[type] ?? type);

/** Where a value of a matter's 办事指南 comes from (the guide's `sources`). */
export const GUIDE_SOURCES = {
  'source-document': '依据来源文件',
  'county-default': '县级默认值，待确认',
  'public-source': '取自公开的法律法规和办事指南，待确认',
  administrator: '已由管理员确认',
};

export const label = (labels, code) => (code === null || code === undefined ? '' : (labels[code] ?? code));

/** A raised warning's key, `scope:severity:stepName:dueDate`, as a sentence. */
export function describeWarningKey(key) {
  const [scope, severity, stepName, dueDate] = String(key).split(':');
  const what = scope === 'step' ? `环节「${stepName}」` : '办件';
  return `${what}${label(WARNINGS, severity)}（期限 ${dueDate ?? ''}）`;
}
