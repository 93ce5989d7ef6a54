import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { EventEnvelope } from '@oneseal/contracts';
import { SeededPlaceNames } from '@oneseal/domain';
import { caseEnvelope } from '@oneseal/testing';
import type { ApplicantContact } from '../contacts/applicant-contact';
import {
  caseConcludedRule,
  correctionRequestedRule,
  deadlineWarningRule,
  documentStampedRule,
  NOTIFICATION_RULES,
  ratingAnsweredRule,
  reviewTaskOpenedRule,
  serviceRatedRule,
  supervisionAnsweredRule,
  supervisionOrderedRule,
} from './notification-rules';

const places = SeededPlaceNames.fromSeeds(resolve(__dirname, '../../../../seeds'));
const caseId = randomUUID();
const applicant: ApplicantContact = {
  caseId,
  county: '140525',
  town: '140525100',
  applicantName: '王五',
  phone: '13900000001',
  receiptNumber: '140525-20261123-000001',
  matterName: '临时救助',
  deliveryMethod: 'electronic',
  progressQueryCode: 'K7QM-3XPD-9RTA',
};

const event = <TPayload>(payload: TPayload): EventEnvelope<TPayload> => caseEnvelope(caseId, 'test', payload);

describe('who is told what, by event', () => {
  it('has one rule per topic', () => {
    const topics = NOTIFICATION_RULES.map((rule) => rule.contract.topic);
    expect(new Set(topics).size).toBe(topics.length);
  });

  it('sends the applicant a 补正 request by SMS, quoting the receipt number the submission gave', () => {
    const [message] = correctionRequestedRule.plan(
      event({
        caseId,
        missingMaterials: ['申请表'],
        requestedAt: new Date().toISOString(),
        supplyBy: '2026-12-20',
      }),
      applicant,
    );
    expect(message).toEqual(
      expect.objectContaining({ recipientKind: 'applicant', recipient: '13900000001', channel: 'sms' }),
    );
    expect(message.message.body).toContain('140525-20261123-000001需补正：申请表');
  });

  it('tells the applicant by SMS that their 差评 was answered, where to read it', () => {
    const [message] = ratingAnsweredRule.plan(
      event({ caseId, measures: '增设综合窗口', answeredAt: new Date().toISOString() }),
      applicant,
    );
    expect(message).toEqual(
      expect.objectContaining({ recipientKind: 'applicant', recipient: '13900000001', channel: 'sms' }),
    );
    expect(message.message.body).toBe(
      '您对办件140525-20261123-000001的评价，办理单位已答复整改情况，请在“我的办件”或办件查询中查看。',
    );
  });

  it('gives the verification code of an electronic result', () => {
    const [message] = documentStampedRule.plan(
      event({
        caseId,
        documentId: randomUUID(),
        sealId: 'seal-1',
        stampId: randomUUID(),
        documentSm3: '0'.repeat(64),
        verificationCode: 'K7Q2-9XZ4',
        stampedAt: new Date().toISOString(),
      }),
      applicant,
    );
    expect(message.message.body).toContain('电子文书核验码K7Q2-9XZ4');
  });

  it('says 办结 only of a case that ended without a decision to hand over', () => {
    const plan = (result: '退回' | '不予许可' | '准予' | '撤件') =>
      caseConcludedRule.plan(
        event({ caseId, result, concludedAt: new Date().toISOString(), onTime: true }),
        applicant,
      );
    // 不予受理 was told at once; a decision is told when it is ready and when it is handed over.
    expect(plan('退回')).toEqual([]);
    expect(plan('不予许可')).toEqual([]);
    expect(plan('准予')).toEqual([]);
    expect(plan('撤件')[0].message.body).toContain('办理结果：申请人撤回申请');
  });

  it('warns the unit that owns the deadline, by the case’s receipt number when known', () => {
    const warning = event({
      caseId,
      scope: 'step' as const,
      stepName: '审核',
      severity: 'red' as const,
      unitCode: '140525100-review',
      dueDate: '2026-12-01',
      raisedAt: new Date().toISOString(),
    });
    const [known] = deadlineWarningRule.plan(warning, applicant, places);
    expect(known).toEqual(
      expect.objectContaining({
        recipientKind: 'staff-unit',
        recipient: '140525100-review',
        channel: 'inbox',
      }),
    );
    expect(known.message.template).toBe('deadlineRed');
    expect(known.message.body).toContain('140525-20261123-000001 审核环节已超过承诺期限');
    const [unknown] = deadlineWarningRule.plan(warning, null, places);
    expect(unknown.message.body).toContain(`办件 ${caseId.slice(0, 8)} 审核环节`);
  });

  it('tells a unit of its new task by the 办件编号 and matter, though the application’s event is not read yet', () => {
    const opened = {
      caseId,
      taskId: randomUUID(),
      stepName: '受理',
      level: 'town' as const,
      unitCode: '140525100-window',
      openedAt: new Date().toISOString(),
    };
    const [carried] = reviewTaskOpenedRule.plan(
      event({ ...opened, receiptNumber: '140525-20261207-002015', matterName: '婚姻生育情况证明' }),
      null,
      places,
    );
    expect(carried).toEqual(
      expect.objectContaining({
        recipientKind: 'staff-unit',
        recipient: '140525100-window',
        channel: 'inbox',
      }),
    );
    expect(carried.message.body).toBe(
      '您有一件新的待办（婚姻生育情况证明）：办件 140525-20261207-002015 待受理，请及时办理。',
    );
    expect(carried.message.body).not.toContain(caseId.slice(0, 8));
    // A task opened by a case that began before the task's event carried them: from the application, once read.
    const [earlier] = reviewTaskOpenedRule.plan(event(opened), applicant, places);
    expect(earlier.message.body).toContain('（临时救助）：办件 140525-20261123-000001 待受理');
  });

  it('escalates late work (督办) to whoever oversees the late unit, and a statutory overrun to the county too', () => {
    const warning = (severity: 'yellow' | 'red' | 'statutory', unitCode: string) =>
      event({
        caseId,
        scope: 'step' as const,
        stepName: '审核',
        severity,
        unitCode,
        dueDate: '2026-12-01',
        raisedAt: new Date().toISOString(),
      });
    const told = (severity: 'yellow' | 'red' | 'statutory', unitCode: string) =>
      deadlineWarningRule
        .plan(warning(severity, unitCode), applicant, places)
        .map((m) => `${m.recipient}:${m.message.template}`);

    expect(told('yellow', '140525100-review')).toEqual(['140525100-review:deadlineYellow']);
    expect(told('red', '140525100-review')).toEqual([
      '140525100-review:deadlineRed',
      '140525100-approval:escalationRed',
    ]);
    expect(told('red', '140525100201-station')).toEqual([
      '140525100201-station:deadlineRed',
      '140525100-approval:escalationRed',
    ]);
    expect(told('red', '140525-mz')).toEqual(['140525-mz:deadlineRed', '140525-supervision:escalationRed']);
    expect(told('red', '140525100-approval')).toEqual([
      '140525100-approval:deadlineRed',
      '140525-supervision:escalationRed',
    ]);
    expect(told('statutory', '140525100-review')).toEqual([
      '140525100-review:deadlineStatutory',
      '140525100-approval:escalationStatutory',
      '140525-supervision:escalationStatutory',
    ]);
    const [, escalated] = deadlineWarningRule.plan(warning('red', '140525100-review'), applicant, places);
    expect(escalated.message.body).toBe(
      '督办：办件 140525-20261123-000001 审核环节已超过承诺期限（2026年12月1日），承办单位 南村镇便民服务中心审核岗，请督促办理。',
    );
  });

  it('tells the town’s leader of a 差评 to follow up, and nobody of a good rating', () => {
    const rated = (score: 1 | 2 | 3 | 4 | 5, comment?: string) =>
      serviceRatedRule.plan(
        event({ caseId, score, comment, ratedAt: new Date().toISOString() }),
        applicant,
        places,
      );
    const [told, ...others] = rated(2, '窗口等候时间较长');
    expect(others).toEqual([]);
    expect(told).toEqual(
      expect.objectContaining({ recipientKind: 'staff-unit', recipient: '140525100-approval' }),
    );
    expect(told.message.body).toBe(
      '差评待整改：办件 140525-20261123-000001（临时救助）申请人评价为不满意：窗口等候时间较长。请核实整改，在监察中回复并回访。',
    );
    expect(rated(3)).toEqual([]);
    expect(rated(5)).toEqual([]);
    // A counter rating with its reasons and the 整改 deadline.
    const [atCounter] = serviceRatedRule.plan(
      event({
        caseId,
        score: 1,
        ratedAt: new Date().toISOString(),
        serviceEvent: 'acceptance',
        channel: 'window-pad',
        categories: ['attitude', 'efficiency'],
        rectifyBy: '2026-12-25',
      }),
      applicant,
      places,
    );
    expect(atCounter.message.body).toBe(
      '差评待整改：办件 140525-20261123-000001（临时救助）窗口受理环节申请人评价为非常不满意：服务态度、办事效率。请于 2026-12-25 前核实整改，在监察中回复并回访。',
    );
  });

  it('tells the unit holding a case of a 督办, and the town’s leader who answers for it; a bureau answers for itself', () => {
    const order = (unitCode: string) =>
      event({
        orderId: randomUUID(),
        caseId,
        kind: '督办' as const,
        unitCode,
        requirement: '请于期限前办结并说明超期原因',
        answerBy: '2026-12-10',
        orderedAt: new Date().toISOString(),
      });
    const atReview = supervisionOrderedRule.plan(order('140525100-review'), applicant, places);
    expect(atReview.map((message) => message.recipient)).toEqual(['140525100-review', '140525100-approval']);
    expect(atReview[0].message.body).toBe(
      '督办：办件 140525-20261123-000001（临时救助）现由南村镇便民服务中心审核岗办理，要求：请于期限前办结并说明超期原因。请于 2026-12-10 前办理，并由分管领导（县直部门为本部门）答复。',
    );
    expect(
      supervisionOrderedRule.plan(order('140525-mz'), applicant, places).map((message) => message.recipient),
    ).toEqual(['140525-mz']);
    // The inbox keeps the whole requirement: only SMS variables are cut to the provider's length.
    const long =
      '请于期限前办结，并书面说明超期原因、责任人和整改措施，同时抄报县行政审批服务管理局和县纪委监委派驻纪检监察组';
    const [told] = supervisionOrderedRule.plan(
      { ...order('140525100-review'), payload: { ...order('140525100-review').payload, requirement: long } },
      applicant,
      places,
    );
    expect(told.message.body).toContain(long);
  });

  it('brings the answer to a 督办 or 催办 back to the county’s 电子监察, naming which', () => {
    const answered = caseEnvelope(
      caseId,
      'routing.supervision-answered',
      {
        orderId: randomUUID(),
        caseId,
        kind: '催办' as const,
        answer: '已督促审核岗当日办结',
        answeredAt: new Date().toISOString(),
      },
      { actor: { kind: 'person', id: 'leader', name: '南村镇分管领导' } },
    );
    const [message] = supervisionAnsweredRule.plan(answered, applicant, places);
    expect(message).toEqual(expect.objectContaining({ recipient: '140525-supervision', channel: 'inbox' }));
    expect(message.message.body).toBe(
      '催办已答复：办件 140525-20261123-000001（临时救助）南村镇分管领导答复：已督促审核岗当日办结',
    );
  });
});
