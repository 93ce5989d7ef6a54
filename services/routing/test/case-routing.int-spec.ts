import { randomBytes, randomUUID } from 'node:crypto';
import { TOPICS, type ApplicationSubmittedV1, type EventEnvelope } from '@oneseal/contracts';
import { TemporalConnection } from '@oneseal/temporal';
import { caseEnvelope, engineEndpoints, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import type { Client } from '@temporalio/client';
import { progressQueryDigest } from '../src/applicant-progress/progress-query-digest';
import { CaseRoutingService } from '../src/cases/case-routing.service';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { endStartedWorkflows } from './support/started-workflows';

// Receipt numbers are unique per county, as intake issues them (the suite has a database of its own).
let receipts = 0;

function submittedEvent(): EventEnvelope<ApplicationSubmittedV1> {
  const caseId = randomUUID();
  receipts += 1;
  return caseEnvelope(
    caseId,
    'intake.application-submitted',
    {
      caseId,
      matterCode: 'ZZ-T-001',
      matterName: '老年人高龄补贴发放',
      matterVersion: 1,
      matterLevel: 'town',
      handlingMode: '乡级负责受理',
      countyUnitCode: '140525-mz',
      channel: 'town-window',
      applicantName: '王五',
      applicantPhone: '13900000001',
      receiptNumber: `140525-20261123-${String(receipts).padStart(6, '0')}`,
      progressQueryCode: 'K7QM-3XPD-9RTA',
      caseKind: '承诺件',
      committedLimitWorkingDays: 10,
      statutoryLimitWorkingDays: 20,
      deliveryMethod: 'pick-up',
      submittedAt: new Date().toISOString(),
    },
    { actor: { kind: 'service', id: 'intake' } },
  );
}

describe('routing a submitted application (real PostgreSQL and Temporal)', () => {
  let suite: SuiteDataSource;
  let connection: TemporalConnection;
  let temporal: Client;
  let routing: CaseRoutingService;
  const started: string[] = [];

  beforeAll(async () => {
    suite = await openSuiteDataSource('routing', { schema: ROUTING_SCHEMA, entities: [RoutedCase] });
    const { temporalAddress, temporalNamespace } = engineEndpoints();
    // The service's own kind of connection (TemporalConnection): routing asks to start its cases eagerly.
    connection = await TemporalConnection.open({ address: temporalAddress, namespace: temporalNamespace });
    temporal = connection.client;
    routing = new CaseRoutingService(suite.dataSource, temporal, {
      correctionWaitWorkingDays: 30,
      applicantLookupKey: randomBytes(32),
    });
  });

  afterAll(async () => {
    await endStartedWorkflows(temporal, started);
    await connection?.close();
    await suite?.close();
  });

  async function outboxFor(caseId: string) {
    return (await suite.dataSource.query(
      `SELECT topic, envelope FROM routing.outbox WHERE message_key = $1`,
      [caseId],
    )) as {
      topic: string;
      envelope: { payload: { workflowId: string; workflowRunId: string }; causationId: string };
    }[];
  }

  it('starts one workflow per case and announces it once, however often the event is redelivered', async () => {
    const event = submittedEvent();
    const caseId = event.payload.caseId;
    started.push(caseId);

    await expect(routing.routeCase(event)).resolves.toBe('processed');
    await expect(routing.routeCase(event)).resolves.toBe('duplicate');

    const description = await temporal.workflow.getHandle(caseId).describe();
    expect(description.type).toBe('caseHandlingWorkflow');
    expect(description.status.name).toBe('RUNNING');

    const routed = await suite.dataSource.getRepository(RoutedCase).findBy({ caseId });
    expect(routed).toHaveLength(1);
    expect(routed[0].workflowRunId).toBe(description.runId);
    // The applicant's 查询码 is kept only as its digest.
    expect(routed[0]).toEqual(
      expect.objectContaining({
        matterName: '老年人高龄补贴发放',
        progressQuerySha256: progressQueryDigest(event.payload.receiptNumber, 'K7QM-3XPD-9RTA'),
      }),
    );
    expect(JSON.stringify(routed[0])).not.toContain('K7QM');

    const outbox = await outboxFor(caseId);
    expect(outbox).toHaveLength(1);
    expect(outbox[0].topic).toBe(TOPICS.caseRoutedV1);
    expect(outbox[0].envelope.causationId).toBe(event.id);
    expect(outbox[0].envelope.payload.workflowRunId).toBe(description.runId);
  });

  it('recovers when a previous attempt started the workflow but died before recording it', async () => {
    const event = submittedEvent();
    const caseId = event.payload.caseId;
    started.push(caseId);
    // The first attempt's workflow start, without its database commit.
    await routing.routeCase(event);
    await suite.dataSource.query(`DELETE FROM routing.outbox WHERE message_key = $1`, [caseId]);
    await suite.dataSource.query(`DELETE FROM routing.routed_cases WHERE case_id = $1`, [caseId]);
    await suite.dataSource.query(`DELETE FROM routing.processed_events WHERE event_id = $1`, [event.id]);

    await expect(routing.routeCase(event)).resolves.toBe('processed');
    const description = await temporal.workflow.getHandle(caseId).describe();
    const outbox = await outboxFor(caseId);
    expect(outbox).toHaveLength(1);
    expect(outbox[0].envelope.payload.workflowRunId).toBe(description.runId);
  });

  it('never starts a routed case again, even from a re-published submission under a new envelope after it ended', async () => {
    const event = submittedEvent();
    const caseId = event.payload.caseId;
    started.push(caseId);
    await expect(routing.routeCase(event)).resolves.toBe('processed');
    const first = await temporal.workflow.getHandle(caseId).describe();
    await temporal.workflow.getHandle(caseId).terminate('the case ended');

    // The same submission published again (a new envelope id: processOnce alone would not recognise it).
    const republished = { ...event, id: randomUUID() };
    await expect(routing.routeCase(republished)).resolves.toBe('duplicate');
    const after = await temporal.workflow.getHandle(caseId).describe();
    expect(after.runId).toBe(first.runId);
    expect(after.status.name).toBe('TERMINATED');
    expect(await outboxFor(caseId)).toHaveLength(1);
  });
});
