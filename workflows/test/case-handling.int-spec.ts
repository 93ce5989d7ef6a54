import { randomUUID } from 'node:crypto';
import { deriveRoute, WorkingDayCalendar } from '@oneseal/domain';
import { deadlinesOn, eventually } from '@oneseal/testing';
import {
  CASE_REFUSALS,
  caseStatusQuery,
  decideStepUpdate,
  extendUpdate,
  recalculateDeadlinesSignal,
  retryStalledStepUpdate,
  supplyCorrectionUpdate,
  type CurrentStep,
  type DeadlineRequest,
  withdrawUpdate,
} from '@oneseal/contracts';
import { cstDate } from '../src/case-handling/case-time';
import {
  CaseHarness,
  DAY,
  addDays,
  BadData,
  caseInput,
  decide,
  ended,
  failedInHistory,
  flagged,
  openTask,
  recordingActivities,
  refusalOf,
  refusingNoticeAndHandOver,
  refusingOnce,
  type CaseHandle,
  type Recording,
} from './support/case-harness';

/**
 * The official calendar with a three-day holiday starting the day after `today`, so every deadline in these
 * tests crosses a holiday whatever day they run on (the official 2026 holidays are covered by the calendar's own
 * tests).
 */
function calendarWithHolidayAfter(today: string): WorkingDayCalendar {
  const holidays = [1, 2, 3].map((offset) => addDays(today, offset));
  let calendar = WorkingDayCalendar.official();
  for (const year of new Set(holidays.map((date) => Number(date.slice(0, 4))))) {
    calendar = calendar.withYear({
      year,
      holidays: holidays.filter((date) => date.startsWith(String(year))),
      makeUpWorkdays: [],
      source: 'test holiday',
    });
  }
  return calendar;
}

/** A case accepted while its 受理通知书 is held, with 审核's task open: the work a test does with it. */
type WhileTheNoticeIsHeld<T> = (
  handle: CaseHandle,
  review: Recording['opened'][number],
  letTheNoticeOut: () => void,
) => Promise<T>;

/**
 * Holds every 受理通知书 the seal activity is asked for, starts a case, accepts it and waits for 审核's task, then runs
 * the test's work; the notice is let out when the work says so, and however it ends (workers stopping wait for a
 * held activity).
 */
async function withTheNoticeHeld<T>(
  harness: CaseHarness,
  recording: Recording,
  work: WhileTheNoticeIsHeld<T>,
): Promise<T> {
  const issueDocument = recording.seal.issueDocument;
  let letOut: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (letOut = resolve));
  recording.seal.issueDocument = async (input) => {
    if (input.content.kind === 'acceptance-notice') await held;
    return issueDocument(input);
  };
  return harness.withWorkers(recording, async () => {
    try {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve'); // 受理
      // The approval service has put 审核 in the reviewer's inbox while the seal service still makes the notice.
      const review = await eventually('审核 opened', async () =>
        recording.opened.find((task) => task.stepName === '审核'),
      );
      return await work(handle, review, () => letOut());
    } finally {
      letOut();
    }
  });
}

describe('case handling workflow (Temporal time-skipping test server)', () => {
  let harness: CaseHarness;

  beforeAll(async () => {
    harness = await CaseHarness.create();
  });

  afterAll(async () => {
    await harness?.teardown();
  });

  const envToday = async () => cstDate(await harness.env.currentTimeMs());

  it('walks the route: accepts with a committed date, decides, stamps once, concludes and delivers', async () => {
    const recording = recordingActivities();
    const input = caseInput();
    let markers: string[] = [];
    let searchAttributeUpdates = 0;
    const result = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, input);
      for (const kind of ['受理', '审核', '决定', '送达']) {
        const step = await decide(handle, 'approve');
        expect(step.kind).toBe(kind);
      }
      const status = await ended(handle);
      const events = (await handle.fetchHistory()).events ?? [];
      markers = events.flatMap((event) => event.markerRecordedEventAttributes?.markerName ?? []);
      searchAttributeUpdates = events.filter(
        (event) => event.upsertWorkflowSearchAttributesEventAttributes,
      ).length;
      return status;
    });
    // A case started today asks for one patch (the earlier ones are given): one marker for it, one search-attribute
    // update, and the rest of the markers are its local activities.
    expect(markers.filter((marker) => marker === 'core_patch')).toHaveLength(1);
    expect(searchAttributeUpdates).toBe(1);
    expect(result.result).toBe('准予');
    expect(result.stage).toBe('concluded');
    expect(recording.opened.map((o) => `${o.stepIndex}.${o.visit} ${o.stepName}@${o.unitCode}`)).toEqual([
      '0.1 受理@140525100-window',
      '1.1 审核@140525100-review',
      '2.1 决定@140525100-approval',
      '4.1 送达@140525100-window',
    ]);
    // Every task closed with its decision, in order; 受理's closed by the activity that opened 审核's, 审核's by the
    // one that opened 决定's. 决定 is stamped before 送达 opens: it closes on its own.
    expect(recording.closed.map((task) => task.taskId)).toEqual(recording.opened.map((task) => task.taskId));
    expect(recording.handedOver).toEqual([recording.opened[1].taskId, recording.opened[2].taskId]);
    expect(recording.issued.map((document) => document.content.kind)).toEqual([
      'acceptance-notice',
      'decision',
      'delivery-receipt',
    ]);
    expect(recording.issued[1]).toEqual(
      expect.objectContaining({
        caseId: input.caseId,
        town: '140525100',
        // The town decides this matter: its approval seal goes on the decision.
        issuer: { level: 'town' },
        content: expect.objectContaining({ kind: 'decision', result: '准予' }),
      }),
    );
    expect(result.documents?.map((document) => document.kind)).toEqual([
      'acceptance-notice',
      'decision',
      'delivery-receipt',
    ]);
    expect(result.documentId).toBe(result.documents?.[1].documentId);
    expect(recording.kinds()).toEqual(['accepted', 'concluded', 'delivered']);
    const accepted = recording.milestones[0];
    expect(accepted).toEqual(
      expect.objectContaining({ kind: 'accepted', receiptNumber: input.receiptNumber }),
    );
    expect(result.committedDeadline?.dueDate).toBe(
      accepted.kind === 'accepted' ? accepted.committedDueDate : undefined,
    );
  });

  it('counts the deadlines each turn needs side by side, each once, and opens every task with its own', async () => {
    const recording = recordingActivities();
    const count = recording.cases.computeDeadline;
    let counting = 0;
    const together: number[] = [];
    // Each count takes a moment, as routing's does: counts started together are in flight together.
    recording.cases.computeDeadline = async (request) => {
      counting += 1;
      together.push(counting);
      await new Promise((resolve) => setTimeout(resolve, 150));
      counting -= 1;
      return count(request);
    };
    const input = caseInput();
    const steps: CurrentStep[] = [];
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, input);
      for (let step = 0; step < 4; step += 1) steps.push(await decide(handle, 'approve'));
      await ended(handle);
    });
    // The first step's deadline beside the five days from receipt; at 受理 the committed and statutory limits
    // beside 审核's; 决定's alone; 送达's beside the conclusion. Seven counts, as one after another.
    expect(together).toHaveLength(7);
    expect(Math.max(...together)).toBe(3);
    // Each task opened with the deadline of its own day of opening and its step's budget.
    const expected = await Promise.all(
      steps.map(async (step) => {
        const { dueDate } = await count({
          startDate: step.openedOn,
          workingDays: input.route.steps[step.index].budgetWorkingDays,
          stops: [],
          county: input.county,
        });
        return `${step.kind} ${dueDate}`;
      }),
    );
    expect(recording.opened.map((task) => `${task.stepName} ${task.dueDate}`)).toEqual(expected);
  });

  it('closes 受理 as 审核 opens, then announces the acceptance after the decision, then asks for its notice', async () => {
    const recording = recordingActivities();
    const happened: string[] = [];
    const handOver = recording.approval.handOverReviewTask;
    recording.approval.handOverReviewTask = async (input) => {
      happened.push(`${input.open.stepName} opened`);
      return handOver(input);
    };
    const announce = recording.cases.announce;
    recording.cases.announce = async (milestone) => {
      happened.push(milestone.kind);
      return announce(milestone);
    };
    const issueDocument = recording.seal.issueDocument;
    recording.seal.issueDocument = async (input) => {
      happened.push(input.content.kind);
      return issueDocument(input);
    };
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve'); // 受理
      await eventually('the notice asked for', async () =>
        happened.includes('acceptance-notice') ? true : undefined,
      );
      await harness.finish(handle);
    });
    expect(happened.slice(0, 3)).toEqual(['审核 opened', 'accepted', 'acceptance-notice']);
    // 受理 closed with its decision's time, the acceptance after it: the province's exchange orders them by time.
    const [reception] = recording.closed;
    const accepted = recording.milestones.find((milestone) => milestone.kind === 'accepted');
    expect(recording.handedOver[0]).toBe(recording.opened[1].taskId);
    expect(reception.decidedAt && accepted && reception.decidedAt < accepted.at).toBe(true);
  });

  it('delivered electronically: the decision and its 送达回证 are issued in one activity, the decision the case’s document', async () => {
    const recording = recordingActivities();
    const result = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput({ deliveryMethod: 'electronic' }));
      for (const kind of ['受理', '审核', '决定']) expect((await decide(handle, 'approve')).kind).toBe(kind);
      return ended(handle);
    });
    expect(result.result).toBe('准予');
    expect(recording.issued.map((document) => document.content.kind)).toEqual([
      'acceptance-notice',
      'decision',
      'delivery-receipt',
    ]);
    expect(recording.issuedWithDecision).toEqual(['delivery-receipt']);
    expect(recording.issued[2].content).toEqual(
      expect.objectContaining({ method: 'electronic', deliveredDocumentId: result.documentId }),
    );
    expect(result.documents?.map((document) => document.kind)).toEqual([
      'acceptance-notice',
      'decision',
      'delivery-receipt',
    ]);
    expect(recording.kinds()).toEqual(['accepted', 'concluded', 'delivered']);
  });

  it('counts the committed limit in working days from the day after acceptance, across a holiday', async () => {
    const calendar = calendarWithHolidayAfter(await envToday());
    const recording = recordingActivities(calendar);
    const status = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve');
      await openTask(handle);
      const current = await handle.query(caseStatusQuery);
      await harness.finish(handle);
      return current;
    });
    const expected = calendar.addWorkingDays(status.acceptedOn ?? '', 10);
    const withoutHoliday = WorkingDayCalendar.official().addWorkingDays(status.acceptedOn ?? '', 10);
    expect(expected.kind === 'due' && status.committedDeadline?.dueDate).toBe(
      expected.kind === 'due' ? expected.date : 'unreachable',
    );
    // The holiday moved the date: a calendar that ignored it would have ended earlier.
    expect(
      (status.committedDeadline?.dueDate ?? '') > (withoutHoliday.kind === 'due' ? withoutHoliday.date : ''),
    ).toBe(true);
  });

  it('raises a yellow then a red warning for a late step and for the late case, once each', async () => {
    const calendar = calendarWithHolidayAfter(await envToday());
    const recording = recordingActivities(calendar);
    const step = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(
        recording,
        caseInput({ committedLimitWorkingDays: 3, statutoryLimitWorkingDays: 5 }),
      );
      await decide(handle, 'approve');
      const review = await openTask(handle);
      await harness.env.sleep(30 * DAY);
      await handle.query(caseStatusQuery);
      await harness.finish(handle);
      return review;
    });
    const warnings = recording.milestones.filter((m) => m.kind === 'warning');
    const describe = warnings.map((w) =>
      w.kind === 'warning' ? `${w.scope}:${w.severity}:${w.stepName ?? ''}` : '',
    );
    expect(describe.sort()).toEqual(
      ['case:red:', 'case:statutory:', 'case:yellow:', 'step:red:审核', 'step:yellow:审核'].sort(),
    );
    const stepRed = warnings.find((w) => w.kind === 'warning' && w.scope === 'step' && w.severity === 'red');
    const due = calendar.addWorkingDays(step.openedOn, 5);
    expect(recording.opened[1].dueDate).toBe(due.kind === 'due' ? due.date : undefined);
    expect(stepRed?.kind === 'warning' && stepRed.dueDate).toBe(recording.opened[1].dueDate);
  });

  it('补正 comes before 受理 and once only: the clock stops, and the committed limit runs from the 受理 after it', async () => {
    const calendar = WorkingDayCalendar.official();
    const recording = recordingActivities(calendar);
    const status = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'request-correction', {
        opinion: '缺户口簿',
        missingMaterials: ['户口簿复印件', '收入证明'],
      });
      await harness.env.sleep(4 * DAY);
      await handle.executeUpdate(supplyCorrectionUpdate, {
        args: [{ handlerId: 'clerk-1', suppliedMaterials: ['户口簿复印件', '收入证明'] }],
      });
      const reopened = await openTask(handle);
      expect(reopened.kind).toBe('受理');
      expect(reopened.visit).toBe(2);
      // 行政许可法 art. 32: everything missing is asked for at once; a second 补正 is refused.
      expect(
        await refusalOf(
          handle.executeUpdate(decideStepUpdate, {
            args: [
              {
                taskId: reopened.taskId ?? '',
                outcome: 'request-correction',
                handlerId: 'clerk-受理',
                opinion: '还缺',
                missingMaterials: ['结婚证'],
              },
            ],
          }),
        ),
      ).toBe(CASE_REFUSALS.outcomeNotForStep);
      await decide(handle, 'approve');
      await openTask(handle);
      const accepted = await handle.query(caseStatusQuery);
      await harness.finish(handle);
      return accepted;
    });
    const stop = status.clockStops[0];
    expect(stop).toEqual(expect.objectContaining({ reason: '补正', to: status.acceptedOn }));
    const expected = calendar.addWorkingDays(status.acceptedOn ?? '', 10);
    expect(status.committedDeadline?.dueDate).toBe(expected.kind === 'due' ? expected.date : undefined);
    expect(recording.kinds()).toEqual(['correction-requested', 'correction-supplied', 'accepted']);
    const requested = recording.milestones[0];
    expect(requested.kind === 'correction-requested' && requested.missingMaterials).toEqual([
      '户口簿复印件',
      '收入证明',
    ]);
  });

  it('deems a case accepted from receipt when nobody accepted it nor asked a 补正 within five working days', async () => {
    const calendar = WorkingDayCalendar.official();
    const recording = recordingActivities(calendar);
    const { status, waiting } = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      const acceptance = await openTask(handle);
      expect(acceptance.kind).toBe('受理');
      await harness.env.sleep(10 * DAY);
      const next = await openTask(handle);
      expect(next.kind).toBe('审核');
      const seen = await handle.query(caseStatusQuery);
      await harness.finish(handle);
      return { status: seen, waiting: acceptance };
    });
    expect(status.deemedAccepted).toBe(true);
    expect(status.acceptedOn).toBe(status.receivedOn);
    const fifth = calendar.addWorkingDays(status.receivedOn ?? '', 5);
    expect(status.deemedAcceptanceOn).toBe(fifth.kind === 'due' ? fifth.date : undefined);
    const committed = calendar.addWorkingDays(status.receivedOn ?? '', 10);
    expect(status.committedDeadline?.dueDate).toBe(committed.kind === 'due' ? committed.date : undefined);
    // The 受理 task left the window's inbox; nobody decided it.
    expect(recording.cancelled).toContain(waiting.taskId);
    expect(status.history.map((record) => record.kind)).not.toContain('受理');
    const accepted = recording.milestones.find((milestone) => milestone.kind === 'accepted');
    expect(accepted).toEqual(expect.objectContaining({ deemed: true }));
    // The applicant is told in writing: a 受理通知书 that says the case counts as accepted from receipt.
    expect(recording.issued.map(({ content }) => content)).toEqual([
      expect.objectContaining({
        kind: 'acceptance-notice',
        receivedOn: status.receivedOn,
        acceptedOn: status.receivedOn,
        committedDueDate: status.committedDeadline?.dueDate,
        deemed: true,
        decidingOrgan: { level: 'town' },
      }),
    ]);
    // A date in a year whose holidays are not published is marked so on paper too.
    expect(recording.issued[0].content).toEqual(
      status.committedDeadline?.provisional
        ? expect.objectContaining({ provisional: true })
        : expect.not.objectContaining({ provisional: true }),
    );
  });

  it('counts the five days from the town’s receipt, never deems an information service, nor a village station’s days', async () => {
    const recording = recordingActivities();
    const viaVillage = deriveRoute(
      { code: 'ZZ-T-007', level: 'town', handlingMode: '' },
      { town: '140525100', village: '140525100201', countyUnitCode: '140525-mz' },
    );
    const information = deriveRoute(
      { code: 'ZZ-T-018', level: 'town', handlingMode: '' },
      { town: '140525100', countyUnitCode: '140525-mz', informationOnly: true },
    );
    await harness.withWorkers(recording, async () => {
      // Ten days at the village station: the town has received nothing, so nothing is deemed.
      const filed = await harness.start(recording, caseInput({ route: viaVillage }));
      expect((await openTask(filed)).kind).toBe('代办');
      await harness.env.sleep(10 * DAY);
      const atStation = await filed.query(caseStatusQuery);
      expect(atStation.currentStep?.kind).toBe('代办');
      expect(atStation.receivedOn).toBeUndefined();
      // Handed to the town: the days run from the day its window got it.
      await decide(filed, 'approve');
      const atWindow = await openTask(filed);
      expect(atWindow.kind).toBe('受理');
      expect((await filed.query(caseStatusQuery)).receivedOn).toBe(atWindow.openedOn);
      await harness.finish(filed);

      // An information service is answered at the window; however long it waits, it is not "accepted" by law.
      const asked = await harness.start(recording, caseInput({ route: information }));
      expect((await openTask(asked)).kind).toBe('受理');
      await harness.env.sleep(10 * DAY);
      const waiting = await asked.query(caseStatusQuery);
      expect(waiting.stage).toBe('pre-acceptance');
      expect(waiting.deemedAcceptanceOn).toBeUndefined();
      await harness.finish(asked);
    });
  });

  it('is not deemed accepted once a 补正 was asked for in time', async () => {
    const recording = recordingActivities();
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput({ correctionWaitWorkingDays: 30 }));
      await decide(handle, 'request-correction', { opinion: '缺收入证明', missingMaterials: ['收入证明'] });
      await harness.env.sleep(10 * DAY);
      const status = await handle.query(caseStatusQuery);
      expect(status.stage).toBe('awaiting-correction');
      expect(status.acceptedOn).toBeUndefined();
      await handle.executeUpdate(withdrawUpdate, { args: [{ requestedBy: 'clerk-1', reason: '测试结束' }] });
      await ended(handle);
    });
    expect(recording.kinds()).toEqual(['correction-requested', 'concluded']);
  });

  it('a review cannot refuse: its 拟不予 goes to the decider, who alone grants or refuses', async () => {
    const recording = recordingActivities();
    const result = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve');
      const review = await openTask(handle);
      for (const outcome of ['request-correction', 'approve-and-seal'] as const) {
        expect(
          await refusalOf(
            handle.executeUpdate(decideStepUpdate, {
              args: [
                {
                  taskId: review.taskId ?? '',
                  outcome: outcome as 'request-correction',
                  handlerId: 'clerk-审核',
                  opinion: '—',
                  missingMaterials: ['x'],
                },
              ],
            }),
          ),
        ).toBe(CASE_REFUSALS.outcomeNotForStep);
      }
      await decide(handle, 'reject', { opinion: '家庭收入超过救助标准，拟不予救助' });
      const decision = await openTask(handle);
      expect(decision.kind).toBe('决定');
      const seen = await handle.query(caseStatusQuery);
      expect(seen.history.map((record) => [record.kind, record.outcome])).toEqual([
        ['受理', 'approve'],
        ['审核', 'reject'],
      ]);
      await decide(handle, 'approve', { opinion: '经核实符合救助条件，准予' });
      await decide(handle, 'approve');
      return ended(handle);
    });
    expect(result.result).toBe('准予');
    expect(
      recording.issued.filter(({ content }) => content.kind === 'decision').map(({ content }) => content),
    ).toEqual([expect.objectContaining({ result: '准予' })]);
  });

  it('keeps review and decision apart: whoever reviewed a case cannot decide it, nor take a pair the county separates', async () => {
    const recording = recordingActivities();
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput({ separatedSteps: [['受理', '审核']] }));
      await decide(handle, 'approve', { handlerId: 'wang' });
      const review = await openTask(handle);
      const byWang = await refusalOf(
        handle.executeUpdate(decideStepUpdate, {
          args: [{ taskId: review.taskId ?? '', outcome: 'approve', handlerId: 'wang', opinion: '同意' }],
        }),
      );
      expect(byWang).toBe(CASE_REFUSALS.dutiesNotSeparated);
      await decide(handle, 'approve', { handlerId: 'li' });
      const decision = await openTask(handle);
      const byLi = await refusalOf(
        handle.executeUpdate(decideStepUpdate, {
          args: [{ taskId: decision.taskId ?? '', outcome: 'approve', handlerId: 'li', opinion: '同意' }],
        }),
      );
      expect(byLi).toBe(CASE_REFUSALS.dutiesNotSeparated);
      // The window's clerk who accepted it may decide it: only the county's pairs and review-decision are apart.
      await decide(handle, 'approve', { handlerId: 'wang' });
      await harness.finish(handle);
    });
  });

  it('送达 records how, to whom and when the result was handed over, and nothing else', async () => {
    const recording = recordingActivities();
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      for (let step = 0; step < 3; step += 1) await decide(handle, 'approve');
      const delivery = await openTask(handle);
      expect(delivery.kind).toBe('送达');
      const send = (extra: object) =>
        handle.executeUpdate(decideStepUpdate, {
          args: [
            { taskId: delivery.taskId ?? '', handlerId: 'clerk-送达', opinion: '已送达', ...extra },
          ] as never,
        });
      expect(await refusalOf(send({ outcome: 'approve' }))).toBe(CASE_REFUSALS.decisionIncomplete);
      expect(await refusalOf(send({ outcome: 'reject' }))).toBe(CASE_REFUSALS.outcomeNotForStep);
      await send({
        outcome: 'approve',
        delivery: { method: 'pick-up', recipient: '张三', deliveredOn: '2026-12-10' },
      });
      await ended(handle);
    });
    const delivered = recording.milestones.find((milestone) => milestone.kind === 'delivered');
    expect(delivered).toEqual(
      expect.objectContaining({ method: 'pick-up', recipient: '张三', deliveredOn: '2026-12-10' }),
    );
  });

  it('上门送达 prints the one who carried the result home as the 送达人, not the clerk who recorded it', async () => {
    const recording = recordingActivities();
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      for (let step = 0; step < 3; step += 1) await decide(handle, 'approve');
      await decide(handle, 'approve', {
        delivery: { method: 'home', recipient: '赵大爷', deliveredOn: '2026-12-10', deliveredBy: '王五' },
      });
      await ended(handle);
    });
    const receipt = recording.issued.find(({ content }) => content.kind === 'delivery-receipt');
    expect(receipt?.content).toEqual(
      expect.objectContaining({ method: 'home', recipient: '赵大爷', deliveredBy: '王五' }),
    );
  });

  it('refuses a 补正 nobody asked for, and a 补正 request that lists nothing', async () => {
    const recording = recordingActivities();
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      const step = await openTask(handle);
      expect(
        await refusalOf(
          handle.executeUpdate(supplyCorrectionUpdate, {
            args: [{ handlerId: 'clerk-1', suppliedMaterials: ['收入证明'] }],
          }),
        ),
      ).toBe(CASE_REFUSALS.noCorrectionPending);
      expect(
        await refusalOf(
          handle.executeUpdate(decideStepUpdate, {
            args: [
              { taskId: step.taskId ?? '', outcome: 'request-correction', handlerId: 'x', opinion: '缺' },
            ],
          }),
        ),
      ).toBe(CASE_REFUSALS.decisionIncomplete);
      await harness.finish(handle);
    });
  });

  it('不予受理 at the window ends the case with the reason, before any clock starts', async () => {
    const recording = recordingActivities();
    const result = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'reject', {
        opinion: '不属于本中心受理范围',
        referTo: '泽州县人力资源和社会保障局',
      });
      return ended(handle);
    });
    expect(result.result).toBe('退回');
    expect(result.acceptedOn).toBeUndefined();
    expect(recording.kinds()).toEqual(['refused', 'concluded']);
    const refused = recording.milestones[0];
    expect(refused.kind === 'refused' && refused.reason).toBe('不属于本中心受理范围');
    // The 不予受理决定书 by the town, telling the applicant where to apply instead.
    expect(recording.issued.map(({ issuer, content }) => ({ issuer, content }))).toEqual([
      {
        issuer: { level: 'town' },
        content: {
          kind: 'non-acceptance',
          reason: '不属于本中心受理范围',
          referTo: '泽州县人力资源和社会保障局',
        },
      },
    ]);
  });

  it('a withdrawal before the decision ends the case as 撤件; after the decision it is refused', async () => {
    const recording = recordingActivities();
    const result = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve');
      const open = await openTask(handle);
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: 'applicant', reason: '不再需要' }],
      });
      const finished = await ended(handle);
      expect(recording.cancelled).toEqual([open.taskId]);
      return finished;
    });
    expect(result.result).toBe('撤件');

    const late = recordingActivities();
    await harness.withWorkers(late, async () => {
      const handle = await harness.start(late, caseInput());
      await decide(handle, 'approve');
      await decide(handle, 'approve');
      await decide(handle, 'approve');
      await openTask(handle); // 送达
      expect(
        await refusalOf(
          handle.executeUpdate(withdrawUpdate, { args: [{ requestedBy: 'applicant', reason: '晚了' }] }),
        ),
      ).toBe(CASE_REFUSALS.alreadyDecided);
      await harness.finish(handle);
    });
  });

  it('an approved extension moves the committed date by the extra working days, once and by ten days at most', async () => {
    const calendar = WorkingDayCalendar.official();
    const recording = recordingActivities(calendar);
    const status = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      expect(
        await refusalOf(
          handle.executeUpdate(extendUpdate, {
            args: [{ extraWorkingDays: 5, reason: '尚未受理', approvedBy: 'leader-1' }],
          }),
        ),
      ).toBe(CASE_REFUSALS.notExtendable);
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(extendUpdate, {
        args: [{ extraWorkingDays: 5, reason: '情况复杂', approvedBy: 'leader-1' }],
      });
      // 行政许可法 art. 42: once, by ten working days at most.
      const again = (extraWorkingDays: number) =>
        refusalOf(
          handle.executeUpdate(extendUpdate, {
            args: [{ extraWorkingDays, reason: '再延', approvedBy: 'leader-1' }],
          }),
        );
      expect(await again(3)).toBe(CASE_REFUSALS.notExtendable);
      expect(await again(11)).toBe(CASE_REFUSALS.extensionInvalid);
      const extended = await eventually('the extension announced', async () =>
        recording.kinds().includes('extended') ? handle.query(caseStatusQuery) : undefined,
      );
      await harness.finish(handle);
      return extended;
    });
    const expected = calendar.addWorkingDays(status.acceptedOn ?? '', 15);
    expect(status.committedDeadline?.dueDate).toBe(expected.kind === 'due' ? expected.date : undefined);
  });

  it('redoes its dates when the calendar changes under it: announces what moved, moves the task, and nothing twice', async () => {
    let calendar = WorkingDayCalendar.official();
    const recording = recordingActivities(calendar);
    const requests: DeadlineRequest[] = [];
    recording.cases.computeDeadline = (request) => {
      requests.push(request);
      return deadlinesOn(calendar)(request);
    };
    const change = (description: string) => ({ description, changedAt: new Date().toISOString() });
    const { before, after } = await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve');
      await openTask(handle);
      const before = await handle.query(caseStatusQuery);
      // The county gives the first working day after acceptance off: every date moves by one working day.
      const dayOff = calendar.addWorkingDays(before.acceptedOn ?? '', 1);
      calendar = calendar.withCountyDays([
        { date: dayOff.kind === 'due' ? dayOff.date : '', working: false, reason: '暴雪停止办公' },
      ]);
      await handle.signal(recalculateDeadlinesSignal, change('本县工作日调整'));
      await eventually('the new dates announced', async () =>
        recording.kinds().includes('rescheduled') ? true : undefined,
      );
      // Nothing changed this time: no second announcement. The extension after it proves the signal was taken.
      await handle.signal(recalculateDeadlinesSignal, change('同样的日历再发一次'));
      await handle.executeUpdate(extendUpdate, {
        args: [{ extraWorkingDays: 1, reason: '情况复杂', approvedBy: 'leader-1' }],
      });
      await eventually('the extension announced', async () =>
        recording.kinds().includes('extended') ? true : undefined,
      );
      const after = await handle.query(caseStatusQuery);
      await harness.finish(handle);
      return { before, after };
    });
    const due = (days: number) => {
      const result = calendar.addWorkingDays(before.acceptedOn ?? '', days);
      return result.kind === 'due' ? result.date : 'none';
    };
    const rescheduled = recording.milestones.filter((milestone) => milestone.kind === 'rescheduled');
    expect(rescheduled).toEqual([
      expect.objectContaining({
        change: '本县工作日调整',
        previousDueDate: before.committedDeadline?.dueDate,
        committedDueDate: due(10),
        previousStatutoryDueDate: before.statutoryDeadline?.dueDate,
        statutoryDueDate: due(20),
        stepName: '审核',
        stepTaskId: before.currentStep?.taskId,
      }),
    ]);
    expect(due(10)).not.toBe(before.committedDeadline?.dueDate);
    const stepDueDate = rescheduled[0]?.kind === 'rescheduled' ? rescheduled[0].stepDueDate : undefined;
    expect(stepDueDate).toBeDefined();
    expect(stepDueDate).not.toBe(before.currentStep?.deadline?.dueDate);
    expect(recording.rescheduled).toEqual([
      expect.objectContaining({ taskId: before.currentStep?.taskId, dueDate: stepDueDate }),
    ]);
    expect(after.committedDeadline?.dueDate).toBe(due(11));
    // Every date was counted on the case's own county's calendar.
    expect(new Set(requests.map((request) => request.county))).toEqual(new Set(['140525']));
  });

  it('a bureau decides what the county keeps: its seal on the decision and the extension, the town on what its window issues', async () => {
    const recording = recordingActivities();
    const route = deriveRoute(
      { code: 'ZZ-T-002', level: 'town', handlingMode: '乡级负责受理' },
      { town: '140525100', countyUnitCode: '140525-mz' },
    );
    const input = caseInput({ route, matterTypeCode: '05', legalBasis: '《社会救助暂行办法》第四十七条' });
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, input);
      await decide(handle, 'approve');
      await openTask(handle);
      await handle.executeUpdate(extendUpdate, {
        args: [
          { extraWorkingDays: 5, reason: '需核对家庭收入', approvedBy: 'mz-head', approvedByName: '王局长' },
        ],
      });
      await decide(handle, 'approve');
      await decide(handle, 'approve', {
        opinion: '符合临时救助条件',
        grant: { amount: '一次性发放 2000 元', form: '打入社会保障卡' },
      });
      await decide(handle, 'approve', {
        delivery: { method: 'pick-up', recipient: '张三', deliveredOn: cstDate(Date.now()) },
      });
      return ended(handle);
    });
    const issued = recording.issued.map(({ content, issuer, handledBy }) => ({
      kind: content.kind,
      issuer,
      handledBy,
    }));
    expect(issued).toEqual([
      {
        kind: 'acceptance-notice',
        issuer: { level: 'town' },
        handledBy: expect.objectContaining({ title: '综合受理窗口' }),
      },
      {
        kind: 'extension-notice',
        issuer: { level: 'county', unitCode: '140525-mz' },
        handledBy: { id: 'mz-head', name: '王局长', title: '县直部门审批人员' },
      },
      {
        kind: 'decision',
        issuer: { level: 'county', unitCode: '140525-mz' },
        handledBy: expect.objectContaining({ title: '县直部门审批人员' }),
      },
      {
        kind: 'delivery-receipt',
        issuer: { level: 'town' },
        handledBy: expect.objectContaining({ title: '综合受理窗口' }),
      },
    ]);
    const decision = recording.issued[2];
    expect(decision).toEqual(
      expect.objectContaining({ matterTypeCode: '05', legalBasis: '《社会救助暂行办法》第四十七条' }),
    );
    expect(decision.content).toEqual(
      expect.objectContaining({
        result: '准予',
        grant: { amount: '一次性发放 2000 元', form: '打入社会保障卡' },
      }),
    );
    const delivery = recording.issued[3].content;
    expect(delivery).toEqual(
      expect.objectContaining({
        method: 'pick-up',
        recipient: '张三',
        deliveredDocumentId: expect.any(String),
      }),
    );
  });

  it('refuses a decision on a task that is not the open one, and a second decision on the same task', async () => {
    const recording = recordingActivities();
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      const step = await openTask(handle);
      expect(
        await refusalOf(
          handle.executeUpdate(decideStepUpdate, {
            args: [{ taskId: randomUUID(), outcome: 'approve', handlerId: 'x', opinion: '—' }],
          }),
        ),
      ).toBe(CASE_REFUSALS.taskNotCurrent);
      await handle.executeUpdate(decideStepUpdate, {
        args: [{ taskId: step.taskId ?? '', outcome: 'approve', handlerId: 'x', opinion: '—' }],
      });
      expect(
        await refusalOf(
          handle.executeUpdate(decideStepUpdate, {
            args: [{ taskId: step.taskId ?? '', outcome: 'reject', handlerId: 'y', opinion: '—' }],
          }),
        ),
      ).toBe(CASE_REFUSALS.taskNotCurrent);
      const next = await openTask(handle);
      expect(next.kind).toBe('审核');
      await harness.finish(handle);
    });
  });

  it('stalls a step that fails on bad data, flagged and on the record, and runs it again once a fix is reported', async () => {
    const recording = recordingActivities();
    // The database refuses the first decision's record (受理's, closed as 审核 opens), as it refused a NUL in an
    // opinion before the edge did.
    recording.approval.handOverReviewTask = refusingOnce(
      'handOverReviewTask',
      '22021',
      recording.approval.handOverReviewTask,
    );
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await expect(
        handle.executeUpdate(retryStalledStepUpdate, { args: [{ handlerId: 'ops', note: '无' }] }),
      ).rejects.toBeDefined();
      await decide(handle, 'approve');
      const stalled = await eventually('the case flagged for attention', async () => {
        const status = await handle.query(caseStatusQuery);
        return status.attention ? status : undefined;
      });
      expect(stalled.attention).toEqual(
        expect.objectContaining({ activity: 'handOverReviewTask', code: '22021' }),
      );
      // The acceptance is announced once 受理 is closed, never before.
      expect(recording.kinds()).not.toContain('accepted');
      // The flag is the workflow's state; the announcement is an activity that may finish a moment later.
      await eventually('the stall announced', async () =>
        recording.kinds().includes('stalled') ? true : undefined,
      );

      await handle.executeUpdate(retryStalledStepUpdate, {
        args: [{ handlerId: 'ops-1', handlerName: '运维值班', note: '已清除意见中的非法字符' }],
      });
      const next = await openTask(handle);
      expect(next.kind).toBe('审核');
      const status = await handle.query(caseStatusQuery);
      expect(status.attention).toBeUndefined();
      expect(recording.closed).toHaveLength(1);
      expect(recording.milestones.find((milestone) => milestone.kind === 'unstalled')).toEqual(
        expect.objectContaining({
          activity: 'handOverReviewTask',
          handlerId: 'ops-1',
          note: '已清除意见中的非法字符',
        }),
      );
      await harness.finish(handle);
    });
  });

  it('opens 审核 while the 受理通知书 is being made, and issues the decision only after the notice', async () => {
    const recording = recordingActivities();
    const result = await withTheNoticeHeld(harness, recording, async (handle, _review, letTheNoticeOut) => {
      expect(recording.issued).toEqual([]);
      expect((await decide(handle, 'approve')).kind).toBe('审核');
      expect((await decide(handle, 'approve')).kind).toBe('决定');
      // 决定 is closed; its decision waits for the notice: nothing is issued, nothing concluded.
      await eventually('决定 closed', async () => (recording.closed.length === 3 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(recording.issued).toEqual([]);
      expect((await handle.query(caseStatusQuery)).stage).not.toBe('concluded');
      letTheNoticeOut();
      expect((await decide(handle, 'approve')).kind).toBe('送达');
      return ended(handle);
    });
    expect(recording.issued.map((document) => document.content.kind)).toEqual([
      'acceptance-notice',
      'decision',
      'delivery-receipt',
    ]);
    // Numbered in the order they were issued: the notice first.
    expect(result.documents?.map((document) => `${document.kind} ${document.number}`)).toEqual([
      'acceptance-notice 测〔2026〕1号',
      'decision 测〔2026〕2号',
      'delivery-receipt 测〔2026〕3号',
    ]);
  });

  it('a case withdrawn while its 受理通知书 is being made ends only once the notice is issued', async () => {
    const recording = recordingActivities();
    const result = await withTheNoticeHeld(harness, recording, async (handle, review, letTheNoticeOut) => {
      await handle.executeUpdate(withdrawUpdate, {
        args: [{ requestedBy: 'applicant', reason: '不再需要' }],
      });
      // The task leaves the reviewer's inbox at once; the case is concluded only after the notice.
      await eventually('审核 cancelled', async () =>
        recording.cancelled.includes(review.taskId) ? true : undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(recording.kinds()).toEqual(['accepted']);
      letTheNoticeOut();
      return ended(handle);
    });
    expect(result.result).toBe('撤件');
    expect(recording.kinds()).toEqual(['accepted', 'concluded']);
    expect(result.documents?.map((document) => document.kind)).toEqual(['acceptance-notice']);
  });

  it('a notice failing on bad data holds back only the documents after it; a second stall waits its turn', async () => {
    const recording = recordingActivities();
    const badNotice = new BadData();
    const badHandOver = new BadData();
    refusingNoticeAndHandOver(recording, badNotice, badHandOver, '23514');
    const attentionOf = async (handle: Parameters<typeof openTask>[0]) =>
      (await handle.query(caseStatusQuery)).attention;
    await harness.withWorkers(recording, async () => {
      const handle = await harness.start(recording, caseInput());
      await decide(handle, 'approve'); // 受理
      expect(await eventually('the notice flagged', () => attentionOf(handle))).toEqual(
        expect.objectContaining({ activity: 'issueDocument', code: '22021' }),
      );
      // The reviewer is not held back by the notice.
      await eventually('审核 opened', async () => recording.opened.find((task) => task.stepName === '审核'));
      await decide(handle, 'approve'); // 审核, whose hand-over to 决定 fails as well
      await failedInHistory(handle, 'handOverReviewTask');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // One flag at a time: the hand-over's stall waits until the notice's is over.
      expect((await attentionOf(handle))?.activity).toBe('issueDocument');

      // The notice's data put right: the retry runs the notice again, and the hand-over that waited with it, which is
      // refused again and flagged in its turn.
      badNotice.putRight = true;
      await handle.executeUpdate(retryStalledStepUpdate, {
        args: [{ handlerId: 'ops-1', handlerName: '运维值班', note: '已更正通知书数据' }],
      });
      expect(await flagged(handle, 'handOverReviewTask')).toEqual(expect.objectContaining({ code: '23514' }));
      await eventually('the notice issued', async () => (recording.issued.length === 1 ? true : undefined));
      expect(badHandOver.refusals).toBe(2);

      badHandOver.putRight = true;
      await handle.executeUpdate(retryStalledStepUpdate, {
        args: [{ handlerId: 'ops-2', note: '已更正待办数据' }],
      });
      await eventually('决定 opened', async () => recording.opened.find((task) => task.stepName === '决定'));
      expect(await attentionOf(handle)).toBeUndefined();
      expect(
        recording.milestones.flatMap((milestone) =>
          milestone.kind === 'stalled' || milestone.kind === 'unstalled'
            ? [`${milestone.kind} ${milestone.activity}`]
            : [],
        ),
      ).toEqual([
        'stalled issueDocument',
        'unstalled issueDocument',
        'stalled handOverReviewTask',
        'unstalled handOverReviewTask',
      ]);
      await harness.finish(handle);
    });
  });
});
