// One concluded case of the past as OneSeal would have recorded it: the application (identity encrypted as intake
// keeps it), the routed case, its review tasks, the messages sent, a rating now and then, and every event of its
// audit stream (masked as audit masks them, chained with the audit service's key). Which matters, towns, people and
// outcomes, and when, is drawn at random in proportions a town's service center sees: most cases approved, some
// refused or withdrawn, a few late. Pure: the loader decides where the rows go.
import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../../local/local-system.mjs';

const require = createRequire(import.meta.url);
const contracts = require(join(root, 'libs/contracts/dist'));
const {
  formatTypedCode,
  idNumberTail,
  lookupDigest,
  phoneTail,
  PROGRESS_QUERY_CODE_GROUPS,
  residentIdCheckCharacter,
} = require(join(root, 'libs/domain/dist'));
const { keyedEventHash, GENESIS_HASH } = require(join(root, 'services/audit/dist/event-log/event-hash'));
const { PersonalDataCipher } = require(join(root, 'services/intake/dist/personal-data/personal-data-cipher'));
const { progressQueryDigest } = require(
  join(root, 'services/routing/dist/applicant-progress/progress-query-digest'),
);

const DAY = 86_400_000;
const MINUTE = 60_000;
const BEIJING = 8 * 3_600_000;

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎',
];
const GIVEN = [...'建国秀英志强丽华玉兰海燕文明桂芳俊杰晓东红梅永军春生淑珍德胜金凤小平国庆爱民翠花宏伟'];

/** A source of randomness the loader can seed (tests) or not (the bench). */
export function randomSource(seed) {
  if (seed === undefined) return Math.random;
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const between = (random, low, high) => low + Math.floor(random() * (high - low + 1));
const personName = (random) =>
  pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.6 ? pick(random, GIVEN) : '');

/** A stable id for a person of the past, from who and where they were (the same clerk handles many cases). */
export function stableUuid(text) {
  const hex = createHash('md5').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 公民身份号码 (GB 11643) born in the county, with a valid check digit. */
function residentId(random, county) {
  const born = new Date(
    Date.UTC(between(random, 1940, 2004), between(random, 0, 11), between(random, 1, 28)),
  );
  const first17 = `${county}${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(between(random, 1, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** A code people type (查询码, 核验码) as the services make them, from the run's random source. */
const code = (random, groups) =>
  formatTypedCode(
    Uint8Array.from({ length: groups * 4 }, () => Math.floor(random() * 256)),
    groups,
  );
const hex = (random, length) =>
  Array.from({ length }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');

/** Beijing calendar date (YYYY-MM-DD) of an instant. */
const beijingDate = (ms) => new Date(ms + BEIJING).toISOString().slice(0, 10);

/** The next working moment at or after `ms` (Monday–Friday, 08:30–17:30 Beijing); holidays are not modelled. */
function workingMoment(ms) {
  let t = ms;
  for (;;) {
    const local = new Date(t + BEIJING);
    const day = local.getUTCDay();
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    if (day === 0 || day === 6 || minutes >= 17 * 60 + 30) {
      t = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1, 8, 30) - BEIJING;
      continue;
    }
    if (minutes < 8 * 60 + 30)
      return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 8, 30) - BEIJING;
    return t;
  }
}

/** The date `workingDays` working days (Monday–Friday) after the day of `ms`. */
function afterWorkingDays(ms, workingDays) {
  const local = new Date(ms + BEIJING);
  let date = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  for (let left = workingDays; left > 0; ) {
    date += DAY;
    const day = new Date(date).getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return new Date(date).toISOString().slice(0, 10);
}

const iso = (ms) => new Date(ms).toISOString();
const contractOf = new Map(contracts.EVENT_CONTRACTS.map((contract) => [contract.type, contract]));

/**
 * The people of a town's service center in the past: two at each window role, the same ones across the town's
 * cases, so workload per person means something.
 */
export function townStaff(town, random) {
  const staff = {};
  for (const role of ['受理', '审核', '决定']) {
    staff[role] = [1, 2].map((n) => ({
      id: stableUuid(`oneseal-history:${town.code}:${role}:${n}`),
      name: personName(random),
    }));
  }
  return staff;
}

/**
 * When a case filed at `submittedAt` moved: accepted, reviewed, then decided (a few `late`, past their committed date)
 * or withdrawn as its `outcome` says; `quickest` when it has to be over soon (the fastest a town handles one).
 */
function caseTimeline(random, submittedAt, outcome, late, quickest) {
  const span = (low, high) => (quickest ? low : between(random, low, high));
  const acceptedAt = submittedAt + span(2, 40) * MINUTE;
  const reviewOpenedAt = acceptedAt + span(1, 5) * 1000;
  const reviewDecidedAt = workingMoment(reviewOpenedAt + span(30, late ? 9000 : 2600) * MINUTE);
  const leaderOpenedAt = reviewDecidedAt + 1000;
  const leaderDecidedAt = workingMoment(leaderOpenedAt + span(20, late ? 7000 : 1400) * MINUTE);
  const withdrawnAt = workingMoment(reviewOpenedAt + span(60, 2000) * MINUTE);
  const settled = span(20, 90) * 1000;
  return {
    acceptedAt,
    reviewOpenedAt,
    reviewDecidedAt,
    leaderOpenedAt,
    leaderDecidedAt,
    withdrawnAt,
    concludedAt: (outcome === 'withdrawn' ? withdrawnAt : leaderDecidedAt) + settled,
  };
}

/**
 * Builds one case. `context`: { town, matter, staff, seal, organ, keys: { personalData, lookup, chain }, submittedAt
 * (ms), latest (ms: nothing of the case after it; the load's start), receiptNumber, documentNumber(year) → n, runId,
 * index }.
 */
export function historicalCase(context, random) {
  const { town, matter, staff, keys } = context;
  const caseId = randomUUID();
  const county = town.county;
  const applicantName = personName(random);
  const idNumber = residentId(random, county);
  const phone = `1${pick(random, ['3', '5', '7', '8', '9'])}${String(between(random, 0, 999_999_999)).padStart(9, '0')}`;
  const queryCode = code(random, PROGRESS_QUERY_CODE_GROUPS);
  const receiptNumber = context.receiptNumber;
  const units = {
    受理: `${town.code}-window`,
    审核: `${town.code}-review`,
    决定: `${town.code}-approval`,
    用印: `${town.code}-seal`,
    送达: `${town.code}-window`,
  };
  const fate = random();
  const outcome = fate < 0.9 ? 'approved' : fate < 0.94 ? 'refused' : 'withdrawn';
  const submittedAt = context.submittedAt;
  // A case of the past is over by `latest` (the load's start): one filed in the last weeks is drawn again, quicker,
  // until it is (its conclusion, delivery and a day for a 差评's answer), and rated only if that still fits.
  const latest = context.latest ?? Number.POSITIVE_INFINITY;
  let timeline;
  for (let attempt = 0; ; attempt += 1) {
    timeline = caseTimeline(random, submittedAt, outcome, attempt === 0 && random() < 0.05, attempt >= 10);
    if (timeline.concludedAt + MINUTE <= latest || attempt >= 10) break;
  }
  const { acceptedAt, reviewOpenedAt, reviewDecidedAt, leaderOpenedAt, leaderDecidedAt, withdrawnAt } =
    timeline;
  const { concludedAt } = timeline;
  const dueDate = afterWorkingDays(acceptedAt, matter.committedLimitWorkingDays);
  const onTime = beijingDate(concludedAt) <= dueDate;
  const result = { approved: '准予', refused: '不予许可', withdrawn: '撤件' }[outcome];

  const person = (role) => pick(random, staff[role]);
  const window = person('受理');
  const reviewer = person('审核');
  const leader = person('决定');

  // ---- the audit stream: envelopes in the order the services published them --------------------------------
  const events = [];
  const emit = (type, at, actor, payload, causationId) => {
    const envelope = {
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: iso(at),
      subject: caseId,
      county,
      town: town.code,
      actor,
      correlationId: caseId,
      ...(causationId ? { causationId } : {}),
      payload: { caseId, ...payload },
    };
    events.push(envelope);
    return envelope;
  };
  const service = (id) => ({ kind: 'service', id });
  const personActor = (who) => ({ kind: 'person', id: who.id, name: who.name });

  const notifications = [];
  const notify = (cause, at, { recipientKind, recipient, template, body, params }) => {
    const id = randomUUID();
    const channel = recipientKind === 'applicant' ? 'sms' : 'inbox';
    notifications.push({
      id,
      case_id: caseId,
      recipient_kind: recipientKind,
      recipient,
      template,
      body,
      source_event_id: cause.id,
      created_at: iso(at),
      channel,
      template_params: JSON.stringify(params),
      county,
      town: town.code,
      correlation_id: caseId,
      status: 'sent',
      attempts: 1,
      next_attempt_at: null,
      last_error: null,
      provider: 'history-generator',
      provider_message_id: `history-${id}`,
      sent_at: iso(at + 20),
    });
    emit(
      'notification.notification-sent',
      at + 25,
      service('notification'),
      {
        notificationId: id,
        recipientKind,
        channel,
        template,
        sentAt: iso(at + 20),
      },
      cause.id,
    );
  };

  const tasks = [];
  const openTask = (stepName, stepIndex, at, due) => {
    const task = {
      id: randomUUID(),
      case_id: caseId,
      county,
      town: town.code,
      step_name: stepName,
      level: 'town',
      unit_code: units[stepName],
      status: 'open',
      opened_at: iso(at),
      step_index: stepIndex,
      visit: 1,
      outcome: null,
      handler_id: null,
      opinion: null,
      decided_at: null,
      due_date: due,
      claimed_by: null,
      claimed_at: null,
      cancel_reason: null,
      handler_name: null,
      claimed_by_name: null,
      receipt_number: receiptNumber,
      matter_name: matter.name,
      applicant_name: applicantName,
    };
    tasks.push(task);
    const opened = emit('approval.review-task-opened', at + 5, service('approval'), {
      taskId: task.id,
      stepName,
      level: 'town',
      unitCode: units[stepName],
      openedAt: iso(at),
      dueDate: due,
    });
    notify(opened, at + 60, {
      recipientKind: 'staff-unit',
      recipient: units[stepName],
      template: 'taskOpened',
      body: `您有一件新的待办（${matter.name}）：办件 ${receiptNumber} 待${stepName}，请及时办理。`,
      params: { ref: receiptNumber, matter: `（${matter.name}）`, stepName },
    });
    return task;
  };
  const decide = (task, who, at, approve, opinion) => {
    Object.assign(task, {
      status: 'done',
      outcome: approve ? 'approve' : 'reject',
      handler_id: who.id,
      handler_name: who.name,
      opinion,
      decided_at: iso(at),
    });
    emit('approval.step-decided', at + 10, personActor(who), {
      taskId: task.id,
      stepName: task.step_name,
      level: 'town',
      unitCode: task.unit_code,
      action: approve ? '通过' : '其他',
      handlerId: who.id,
      handlerName: who.name,
      opinion,
      startedAt: task.opened_at,
      endedAt: iso(at),
    });
  };
  const stamp = (at, kind, title) => {
    const year = Number(beijingDate(at).slice(0, 4));
    emit('seal.document-stamped', at + 300, service('seal'), {
      documentId: randomUUID(),
      sealId: context.seal,
      stampId: randomUUID(),
      documentSm3: hex(random, 64),
      verificationCode: code(random, 4),
      stampedAt: iso(at),
      kind,
      title,
      number: context.organ.numberPattern
        .replace('{year}', String(year))
        .replace('{n}', String(context.documentNumber(year))),
    });
  };

  const submitted = emit('intake.application-submitted', submittedAt + 200, personActor(window), {
    matterCode: matter.code,
    matterName: matter.name,
    matterVersion: matter.version,
    matterTypeCode: matter.typeCode,
    ...(matter.legalBasis ? { legalBasis: matter.legalBasis } : {}),
    matterLevel: 'town',
    handlingMode: '',
    delegatedToTown: false,
    countyUnitCode: matter.unitCode,
    channel: 'town-window',
    applicantName,
    applicantPhone: phone,
    applicantIdDigest: lookupDigest(keys.lookup, 'id-number', idNumber),
    applicantIdTail: idNumberTail(idNumber),
    caseKind: matter.caseKind,
    committedLimitWorkingDays: matter.committedLimitWorkingDays,
    ...(matter.statutoryLimitWorkingDays
      ? { statutoryLimitWorkingDays: matter.statutoryLimitWorkingDays }
      : {}),
    deliveryMethod: 'electronic',
    receiptNumber,
    progressQueryCode: queryCode,
    submittedAt: iso(submittedAt),
  });
  const workflowRunId = randomUUID();
  emit(
    'routing.case-routed',
    submittedAt + 400,
    service('routing'),
    {
      workflowId: caseId,
      workflowRunId,
      taskQueue: 'oneseal.case-workflows',
    },
    submitted.id,
  );

  const acceptTask = openTask('受理', 0, submittedAt + 600, afterWorkingDays(submittedAt, 2));
  decide(acceptTask, window, acceptedAt - 2000, true, '材料齐全，符合法定形式，予以受理');
  const accepted = emit('routing.case-accepted', acceptedAt, service('routing'), {
    acceptedAt: iso(acceptedAt),
    matterCode: matter.code,
    matterVersion: matter.version,
    receiptNumber,
    committedDueDate: dueDate,
    dueDateProvisional: false,
  });
  notify(accepted, acceptedAt + 500, {
    recipientKind: 'applicant',
    recipient: phone,
    template: 'caseAcceptedWithQueryCode',
    body: `您申请的${matter.name}已受理，办件编号${receiptNumber}，查询码${queryCode}，承诺${dueDate.slice(0, 4)}年${Number(dueDate.slice(5, 7))}月${Number(dueDate.slice(8, 10))}日前办结。`,
    params: { code: queryCode, matter: matter.name, receipt: receiptNumber, dueDate },
  });
  stamp(acceptedAt + 900, 'acceptance-notice', '受理通知书');

  const reviewTask = openTask('审核', 1, reviewOpenedAt, afterWorkingDays(reviewOpenedAt, 5));
  let lastOpenedAt = reviewOpenedAt;
  let decidedBy = window;
  if (outcome === 'withdrawn') {
    Object.assign(reviewTask, { status: 'cancelled', cancel_reason: '申请人撤回申请' });
  } else {
    decide(reviewTask, reviewer, reviewDecidedAt, true, '经审核，符合办理条件');
    const leaderTask = openTask('决定', 2, leaderOpenedAt, afterWorkingDays(leaderOpenedAt, 4));
    lastOpenedAt = leaderOpenedAt;
    decidedBy = leader;
    decide(
      leaderTask,
      leader,
      leaderDecidedAt,
      outcome === 'approved',
      outcome === 'approved' ? '同意' : '经核查不符合办理条件，不予办理',
    );
    stamp(leaderDecidedAt + 1500, 'decision', outcome === 'approved' ? '办结通知书' : '不予办理决定书');
  }
  const concluded = emit('routing.case-concluded', concludedAt, service('routing'), {
    result,
    concludedAt: iso(concludedAt),
    onTime,
  });
  if (outcome === 'approved') {
    notify(concluded, concludedAt + 400, {
      recipientKind: 'applicant',
      recipient: phone,
      template: 'resultReady',
      body: `您的办件${receiptNumber}办理结果已出具，请留意电子送达。`,
      params: { receipt: receiptNumber, collect: '电子送达' },
    });
    const deliveredAt = concludedAt + 2000;
    const delivered = emit('routing.result-delivered', deliveredAt, service('routing'), {
      method: 'electronic',
      handlerId: 'system',
      deliveredAt: iso(deliveredAt),
    });
    notify(delivered, deliveredAt + 300, {
      recipientKind: 'applicant',
      recipient: phone,
      template: 'resultDelivered',
      body: `您的办件${receiptNumber}办理结果已电子送达，感谢您的支持。`,
      params: { receipt: receiptNumber, delivery: '电子送达' },
    });
    stamp(deliveredAt + 700, 'delivery-receipt', '送达回证');
  } else {
    notify(concluded, concludedAt + 400, {
      recipientKind: 'applicant',
      recipient: phone,
      template: 'caseDecided',
      body: `您申请的${matter.name}（办件编号${receiptNumber}）已办结，结果：${result}。`,
      params: { receipt: receiptNumber, matter: matter.name, result },
    });
  }

  let rating = null;
  const rates = outcome !== 'withdrawn' && random() < 0.3;
  const dissatisfied = rates && random() < 0.05;
  const ratedAt = concludedAt + between(random, 10, 4000) * MINUTE;
  if (rates && ratedAt + (dissatisfied ? DAY : 0) <= latest) {
    const score = dissatisfied ? between(random, 1, 2) : between(random, 4, 5);
    const comment = dissatisfied
      ? pick(random, ['等了很久才办好', '窗口说明不够清楚', '材料要求前后不一致'])
      : null;
    const answerer = pick(random, staff['决定']);
    rating = {
      case_id: caseId,
      county,
      town: town.code,
      score,
      comment,
      rated_at: iso(ratedAt),
      response: dissatisfied ? '已核实情况，向申请人致歉并改进窗口一次性告知' : null,
      responded_by: dissatisfied ? answerer.id : null,
      responded_by_name: dissatisfied ? answerer.name : null,
      responded_at: dissatisfied ? iso(ratedAt + DAY) : null,
    };
    emit('routing.service-rated', ratedAt, service('routing'), {
      score,
      ...(comment ? { comment } : {}),
      ratedAt: iso(ratedAt),
    });
  }

  // ---- read models -------------------------------------------------------------------------------------------
  const cipher = new PersonalDataCipher(keys.personalData);
  const application = {
    id: caseId,
    county,
    town: town.code,
    village_code: null,
    matter_code: matter.code,
    channel: 'town-window',
    applicant_name: applicantName,
    idempotency_key: `oneseal-history:${context.runId}:${context.index}`,
    request_fingerprint: hex(random, 64),
    submitted_at: iso(submittedAt),
    created_at: iso(submittedAt),
    matter_name: matter.name,
    matter_version: matter.version,
    applicant_id_number: cipher.encrypt('applicant_id_number', caseId, idNumber),
    applicant_phone: cipher.encrypt('applicant_phone', caseId, phone),
    materials: JSON.stringify(matter.materials),
    delivery_method: 'electronic',
    delivery_address: null,
    receipt_number: receiptNumber,
    filed_by: window.id,
    filed_by_name: window.name,
    progress_query_code: queryCode,
    form_data: JSON.stringify({}),
    authorisation: null,
    applicant_id_digest: lookupDigest(keys.lookup, 'id-number', idNumber),
  };
  const route = {
    rule: '办理方式为空：乡镇受理、审核、决定，加盖乡镇行政审批服务专用章',
    matterCode: matter.code,
    steps: [
      {
        kind: '受理',
        level: 'town',
        because: '乡镇便民服务中心综合窗口受理（前台综合受理）',
        unitCode: units.受理,
        budgetWorkingDays: 1,
      },
      {
        kind: '审核',
        level: 'town',
        because: '办理方式「空」：审核由乡镇承担',
        unitCode: units.审核,
        budgetWorkingDays: 5,
      },
      {
        kind: '决定',
        level: 'town',
        because: '办理方式「空」：决定由乡镇承担',
        unitCode: units.决定,
        budgetWorkingDays: 4,
      },
      {
        kind: '用印',
        level: 'town',
        because: '加盖乡镇行政审批服务专用章（一枚印章管审批）',
        unitCode: units.用印,
        budgetWorkingDays: 1,
      },
      { kind: '送达', level: 'town', because: '综合窗口出件', unitCode: units.送达, budgetWorkingDays: 10 },
    ],
  };
  const routedCase = {
    case_id: caseId,
    county,
    town: town.code,
    matter_code: matter.code,
    workflow_id: caseId,
    workflow_run_id: workflowRunId,
    routed_at: iso(submittedAt + 400),
    route: JSON.stringify(route),
    receipt_number: receiptNumber,
    stage: outcome === 'approved' ? 'delivered' : 'concluded',
    accepted_at: iso(acceptedAt),
    committed_due_date: dueDate,
    due_date_provisional: false,
    warning: null,
    result,
    on_time: onTime,
    concluded_at: iso(concludedAt),
    updated_at: iso(concludedAt + 3000),
    matter_name: matter.name,
    // As routing keeps it from the submission event: over the code as printed on the receipt.
    progress_query_sha256: progressQueryDigest(receiptNumber, queryCode),
    applicant_name: applicantName,
    applicant_id_tail: idNumberTail(idNumber),
    applicant_id_digest: lookupDigest(keys.lookup, 'id-number', idNumber),
    applicant_phone_tail: phoneTail(phone),
    applicant_phone_digest: lookupDigest(keys.lookup, 'phone', phone),
    village_code: null,
    current_task_id: null,
    current_step: null,
    current_unit: null,
    current_step_opened_at: iso(lastOpenedAt),
    current_step_due_date: null,
    reached_units: `{${[...new Set(tasks.map((task) => task.unit_code))].join(',')}}`,
    matter_type_code: matter.typeCode,
    stalled_since: null,
    stalled_activity: null,
    stalled_message: null,
  };

  // ---- the audit stream as the audit service keeps it: masked, chained, recorded a moment after -------------
  let prevHash = GENESIS_HASH;
  const auditRows = events.map((envelope, position) => {
    const contract = contractOf.get(envelope.type);
    const kept = contracts.withPersonalDataMasked(contract, contracts.withoutCredentials(contract, envelope));
    const hash = keyedEventHash(keys.chain, prevHash, kept);
    const row = {
      stream_id: caseId,
      version: position + 1,
      event_id: envelope.id,
      topic: contract.topic,
      type: envelope.type,
      event_version: 1,
      occurred_at: envelope.occurredAt,
      county,
      town: town.code,
      envelope: JSON.stringify(kept),
      prev_hash: prevHash,
      hash,
      recorded_at: iso(Date.parse(envelope.occurredAt) + 40),
      keyed: true,
    };
    prevHash = hash;
    return row;
  });

  return {
    caseId,
    receiptNumber,
    queryCode,
    decidedBy: decidedBy.name,
    events,
    rows: {
      'intake.applications': [application],
      'routing.routed_cases': [routedCase],
      'routing.service_ratings': rating ? [rating] : [],
      'approval.review_tasks': tasks,
      'notification.notifications': notifications,
      'audit.events': auditRows,
    },
  };
}

export { beijingDate, workingMoment };
