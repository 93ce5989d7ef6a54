import { caseEnvelope } from '@oneseal/testing';
import {
  correctionRequestedStage,
  correctionSuppliedStage,
  deliveredStage,
  extendedStage,
  refusedStage,
  resumedStage,
  stepStage,
  suspendedStage,
} from './stage-records';

const CASE = '3f0c8a2e-5b7d-4c1e-9a6f-2d8b7e4c1a90';
const reference = {
  caseNumber: '140525-20261205-000017',
  matterCode: 'ZZ-T-011',
  matterName: '临时救助',
  county: '140525',
  town: '140525100',
};
const clerk = { actor: { kind: 'person' as const, id: 'u-1', name: '李娜' } };

describe('a case event as the stage the national exchange keeps', () => {
  it('calls the window’s examination 预受理 and every later step 办理, with handler, action and opinion', () => {
    const step = (stepName: string) =>
      stepStage(
        caseEnvelope(CASE, 'approval.step-decided', {
          caseId: CASE,
          taskId: 't',
          stepName,
          level: 'town' as const,
          unitCode: '140525100-window',
          action: '退回' as const,
          handlerId: 'u-1',
          handlerName: '李娜',
          opinion: '缺少户口簿',
          startedAt: '2026-12-05T01:00:00.000Z',
          endedAt: '2026-12-05T02:00:00.000Z',
        }),
        reference,
      );
    expect(step('受理')).toEqual(
      expect.objectContaining({
        stage: '预受理',
        caseNumber: reference.caseNumber,
        handler: '李娜',
        stageTime: '2026-12-05T02:00:00.000Z',
        step: expect.objectContaining({ name: '受理', action: '退回', opinion: '缺少户口簿' }),
      }),
    );
    expect(step('审核').stage).toBe('办理');
  });

  it('lists every missing material of a 补正 with its date, and what was brought', () => {
    const asked = correctionRequestedStage(
      caseEnvelope(CASE, 'routing.correction-requested', {
        caseId: CASE,
        missingMaterials: ['户口簿', '低保证明'],
        requestedAt: '2026-12-05T02:00:00.000Z',
        supplyBy: '2026-12-10',
      }),
      reference,
    );
    expect(asked).toEqual(
      expect.objectContaining({
        stage: '补交补正',
        correction: { materials: ['户口簿', '低保证明'], supplyBy: '2026-12-10' },
      }),
    );
    const brought = correctionSuppliedStage(
      caseEnvelope(CASE, 'routing.correction-supplied', {
        caseId: CASE,
        suppliedMaterials: ['户口簿'],
        suppliedAt: '2026-12-06T02:00:00.000Z',
        dueDateProvisional: false,
      }),
      reference,
    );
    expect(brought).toEqual(
      expect.objectContaining({ stage: '补交受理', correction: { materials: ['户口簿'] } }),
    );
  });

  it('tells 延长审批 (kind 1, days added) from a procedure that stops the clock (kind 2)', () => {
    const extended = extendedStage(
      caseEnvelope(CASE, 'routing.deadline-extended', {
        caseId: CASE,
        extraWorkingDays: 10,
        reason: '需实地核查',
        approvedBy: '王强',
        extendedAt: '2026-12-07T02:00:00.000Z',
        committedDueDate: '2026-12-31',
        dueDateProvisional: false,
      }),
      reference,
    );
    expect(extended).toEqual(
      expect.objectContaining({
        stage: '特别程序开始',
        handler: '王强',
        specialProcedure: {
          kind: 1,
          name: '延长审批',
          reason: '需实地核查',
          workingDays: 10,
          committedDueDate: '2026-12-31',
        },
      }),
    );
    const suspended = suspendedStage(
      caseEnvelope(
        CASE,
        'routing.case-suspended',
        {
          caseId: CASE,
          procedure: '公示' as const,
          reason: '村内公示 7 日',
          handlerId: 'u-1',
          suspendedAt: '2026-12-07T02:00:00.000Z',
          expectedWorkingDays: 5,
        },
        clerk,
      ),
      reference,
    );
    expect(suspended).toEqual(
      expect.objectContaining({
        stage: '特别程序开始',
        handler: '李娜',
        specialProcedure: { kind: 2, name: '公示', reason: '村内公示 7 日', workingDays: 5 },
      }),
    );
    const resumed = resumedStage(
      caseEnvelope(CASE, 'routing.case-resumed', {
        caseId: CASE,
        procedure: '公示' as const,
        resumedAt: '2026-12-16T02:00:00.000Z',
        committedDueDate: '2027-01-08',
        dueDateProvisional: false,
      }),
      reference,
    );
    expect(resumed.specialProcedure).toEqual({ kind: 2, name: '公示', committedDueDate: '2027-01-08' });
  });

  it('gives the refusal’s reason and the 送达 in words, with the tracking number when posted', () => {
    expect(
      refusedStage(
        caseEnvelope(CASE, 'routing.case-refused', {
          caseId: CASE,
          reason: '不属于本镇受理范围',
          handlerId: 'u-1',
          refusedAt: '2026-12-05T03:00:00.000Z',
        }),
        reference,
      ),
    ).toEqual(expect.objectContaining({ stage: '不予受理', refusal: { reason: '不属于本镇受理范围' } }));
    expect(
      deliveredStage(
        caseEnvelope(CASE, 'routing.result-delivered', {
          caseId: CASE,
          method: 'express' as const,
          handlerId: 'u-1',
          deliveredAt: '2026-12-20T03:00:00.000Z',
          carrier: '中国邮政EMS',
          trackingNumber: 'EA123456789CN',
        }),
        reference,
      ).delivery,
    ).toEqual({ method: '邮寄送达', carrier: '中国邮政EMS', trackingNumber: 'EA123456789CN' });
  });
});
