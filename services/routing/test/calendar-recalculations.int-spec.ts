import { randomUUID } from 'node:crypto';
import { recalculateDeadlinesSignal } from '@oneseal/contracts';
import { engineEndpoints, eventually, openSuiteDataSource, type SuiteDataSource } from '@oneseal/testing';
import { TemporalConnection } from '@oneseal/temporal';
import type { Client } from '@temporalio/client';
import { CalendarRecalculations } from '../src/calendar/calendar-recalculations';
import { RoutedCase } from '../src/cases/routed-case.entity';
import { ROUTING_SCHEMA } from '../src/config/routing.env';
import { endStartedWorkflows } from './support/started-workflows';

/**
 * A calendar change told to every open case of a county, as a run that goes on in the service: the open cases of
 * the county are asked (real Temporal workflows, never run by a worker here), the ended ones and other counties'
 * are not, and a run left by a stopped process is taken up where it got to.
 */
describe('telling the open cases of a calendar change (real PostgreSQL and Temporal)', () => {
  let suite: SuiteDataSource;
  let connection: TemporalConnection;
  let temporal: Client;
  const taskQueue = `calendar-recalculations-${randomUUID().slice(0, 8)}`;
  const started: string[] = [];
  const admin = { id: 'zz-admin-id', name: '泽州县管理员' };
  const change = {
    description: '本县工作日调整：2026-12-07 放假（停电）',
    changedAt: new Date().toISOString(),
  };

  /** A routed case, with a running workflow unless it has ended (or its workflow is gone). */
  async function routedCase(county: string, state: 'open' | 'concluded' | 'workflow gone'): Promise<string> {
    const caseId = randomUUID();
    if (state !== 'workflow gone') {
      await temporal.workflow.start('caseHandlingWorkflow', { taskQueue, workflowId: caseId, args: [] });
      started.push(caseId);
    }
    await suite.dataSource.query(
      `INSERT INTO routing.routed_cases (case_id, county, town, matter_code, workflow_id, workflow_run_id, routed_at,
                                         stage, concluded_at)
       VALUES ($1, $2, $3, 'ZZ-T-007', $5, 'r', now() - interval '1 hour', 'in-progress', $4)`,
      [caseId, county, `${county}100`, state === 'concluded' ? new Date() : null, caseId],
    );
    return caseId;
  }

  async function signalsOf(workflowId: string): Promise<number> {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter(
      (event) =>
        event.workflowExecutionSignaledEventAttributes?.signalName === recalculateDeadlinesSignal.name,
    ).length;
  }

  beforeAll(async () => {
    suite = await openSuiteDataSource('calendar-recalculations', {
      schema: ROUTING_SCHEMA,
      entities: [RoutedCase],
    });
    const { temporalAddress, temporalNamespace } = engineEndpoints();
    connection = await TemporalConnection.open({ address: temporalAddress, namespace: temporalNamespace });
    temporal = connection.client;
  });

  afterAll(async () => {
    await endStartedWorkflows(temporal, started);
    await connection?.close();
    await suite?.close();
  });

  it('tells each open case of the county once, records how many, and leaves ended and other counties’ cases be', async () => {
    const open = [await routedCase('140525', 'open'), await routedCase('140525', 'open')];
    const ended = await routedCase('140525', 'concluded');
    // Its workflow ended since the read model last heard of it: not found, so neither told nor unreachable.
    await routedCase('140525', 'workflow gone');
    const elsewhere = await routedCase('140521', 'open');
    const recalculations = new CalendarRecalculations(suite.dataSource, temporal);

    const run = await recalculations.start(change, '140525', admin);
    // Answered at once, before the cases are told.
    expect(run).toEqual(
      expect.objectContaining({ county: '140525', description: change.description, requestedBy: admin.name }),
    );
    expect(run.openCases).toBe(3);
    await recalculations.settled();
    expect(await recalculations.find(run.id)).toEqual(
      expect.objectContaining({ status: 'done', openCases: 3, signalled: 2, unreachable: 0 }),
    );
    expect(await Promise.all(open.map(signalsOf))).toEqual([1, 1]);
    expect(await signalsOf(ended)).toBe(0);
    expect(await signalsOf(elsewhere)).toBe(0);
  });

  it('takes up a run its process left, from the case it had got to', async () => {
    const cases = [
      await routedCase('140581', 'open'),
      await routedCase('140581', 'open'),
      await routedCase('140581', 'open'),
    ].sort();
    const left = randomUUID();
    // Told the first case, then its process stopped two minutes ago.
    await suite.dataSource.query(
      `INSERT INTO routing.calendar_recalculations
              (id, county, change, requested_by, requested_by_name, open_cases, signalled, after_case_id, runner,
               started_at, heard_at)
       VALUES ($1, '140581', $2, 'x', '高平市管理员', 3, 1, $3, $4, now(), now() - interval '2 minutes')`,
      [left, JSON.stringify(change), cases[0], randomUUID()],
    );
    const recalculations = new CalendarRecalculations(suite.dataSource, temporal);
    recalculations.onApplicationBootstrap();
    await eventually('the left run done', async () =>
      (await recalculations.find(left))?.status === 'done' ? true : undefined,
    );
    await recalculations.onModuleDestroy();
    expect(await recalculations.find(left)).toEqual(
      expect.objectContaining({ status: 'done', openCases: 3, signalled: 3 }),
    );
    expect(await Promise.all(cases.map(signalsOf))).toEqual([0, 1, 1]);
  });

  it('is taken up by one process only when two look for left runs at once: each case told once, counted once', async () => {
    const cases = [await routedCase('140524', 'open'), await routedCase('140524', 'open')];
    const left = randomUUID();
    await suite.dataSource.query(
      `INSERT INTO routing.calendar_recalculations
              (id, county, change, requested_by, requested_by_name, open_cases, runner, heard_at)
       VALUES ($1, '140524', $2, 'x', '陵川县管理员', 2, $3, now() - interval '2 minutes')`,
      [left, JSON.stringify(change), randomUUID()],
    );
    const replicas = [
      new CalendarRecalculations(suite.dataSource, temporal),
      new CalendarRecalculations(suite.dataSource, temporal),
    ];
    for (const replica of replicas) replica.onApplicationBootstrap();
    await eventually('the left run done', async () =>
      (await replicas[0].find(left))?.status === 'done' ? true : undefined,
    );
    await Promise.all(replicas.map((replica) => replica.onModuleDestroy()));
    expect(await replicas[0].find(left)).toEqual(expect.objectContaining({ signalled: 2, unreachable: 0 }));
    expect(await Promise.all(cases.map(signalsOf))).toEqual([1, 1]);
  });

  it('lists the national changes and the county’s own to its administrator, every one to the platform’s', async () => {
    const national = new CalendarRecalculations(suite.dataSource, temporal);
    const run = await national.start({ ...change, description: '2027年全国节假日安排' }, undefined, admin);
    await national.settled();
    const countyView = await national.latest('140525');
    expect(countyView.map((listed) => listed.county ?? '全国')).not.toContain('140581');
    expect(countyView[0]).toEqual(expect.objectContaining({ id: run.id, county: null, status: 'done' }));
    expect((await national.latest(undefined)).map((listed) => listed.county)).toContain('140581');
  });
});
