import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { recalculateDeadlinesSignal, type CalendarChange } from '@oneseal/contracts';
import { takeUpLeftRuns, timeOrderedUuid } from '@oneseal/database';
import { TEMPORAL_CLIENT } from '@oneseal/temporal';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

/** What a calendar change is doing to the open cases: how many there were, how many took it so far. */
export interface Recalculation {
  id: string;
  description: string;
  /** The county whose days changed; null for the national arrangement (every county's cases). */
  county: string | null;
  requestedBy: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'done';
  openCases: number;
  signalled: number;
  /** Cases the engine could not be asked now (busy or down): saving the change again asks them. */
  unreachable: number;
}

/** Open cases asked at a time; a page's progress is written before the next. */
const PAGE = 500;
/** Enough to keep the engine busy without queueing thousands of calls at once. */
const PARALLEL_SIGNALS = 16;
/** A run not heard of for this long was left by a process that stopped: another takes it up. */
const LEFT_AFTER_SECONDS = 60;
const SWEEP_MS = 30_000;
/** How often a run on a page says it is still held. */
const HEARTBEAT_MS = 10_000;
/** A case the engine cannot take the change from within this is counted unreachable (saving again tells it). */
const SIGNAL_DEADLINE_MS = 10_000;

const COLUMNS = `id, change->>'description' AS description, county, requested_by_name AS "requestedBy",
  started_at AS "startedAt", finished_at AS "finishedAt", status, open_cases AS "openCases", signalled, unreachable`;

interface RecalculationRow extends Omit<Recalculation, 'startedAt' | 'finishedAt'> {
  startedAt: Date;
  finishedAt: Date | null;
}

const recalculationOf = (row: RecalculationRow): Recalculation => ({
  ...row,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

/**
 * Tells every open case (of one county, or all) that the calendar changed: each redoes its dates on the new calendar
 * and puts on its record the ones that moved. At a province's size that is hundreds of thousands of cases, so the
 * telling runs on in the service a page at a time, kept in routing.calendar_recalculations: the administrator's
 * request returns at once, the console follows the run, and a run whose process stopped is taken up from where it
 * got to (a case told twice redoes the same dates; one that ended meanwhile simply is not found).
 */
@Injectable()
export class CalendarRecalculations implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CalendarRecalculations.name);
  /** The runs this process is telling. */
  private readonly running = new Map<string, Promise<void>>();
  private sweeper?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.takeUpLeftRuns(), SWEEP_MS);
    this.sweeper.unref();
    void this.takeUpLeftRuns();
  }

  async onModuleDestroy(): Promise<void> {
    // A run stopped here keeps its place: the next process (or another replica) goes on from it.
    this.stopping = true;
    clearInterval(this.sweeper);
    await Promise.allSettled(this.running.values());
  }

  /** Records the change's run (counting the open cases it will tell) and starts telling them. */
  async start(
    change: CalendarChange,
    county: string | undefined,
    by: { id: string; name: string },
  ): Promise<Recalculation> {
    const lease = timeOrderedUuid();
    const [row] = (await this.dataSource.query(
      `INSERT INTO routing.calendar_recalculations
              (id, county, change, requested_by, requested_by_name, open_cases, runner)
       SELECT $1, $2, $3, $4, $5, count(*), $6 FROM routing.routed_cases
        WHERE concluded_at IS NULL AND ($2::char(6) IS NULL OR county = $2)
       RETURNING ${COLUMNS}`,
      [timeOrderedUuid(), county ?? null, JSON.stringify(change), by.id, by.name, lease],
    )) as RecalculationRow[];
    this.follow(row.id, lease);
    return recalculationOf(row);
  }

  async find(id: string): Promise<Recalculation | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.calendar_recalculations WHERE id = $1`,
      [id],
    )) as RecalculationRow[];
    return row ? recalculationOf(row) : undefined;
  }

  /** The latest runs a person may see: the national ones and, for a county's administrator, the county's own. */
  async latest(county: string | undefined, limit = 10): Promise<Recalculation[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing.calendar_recalculations
        WHERE $1::char(6) IS NULL OR county IS NULL OR county = $1
        ORDER BY started_at DESC LIMIT $2`,
      [county ?? null, limit],
    )) as RecalculationRow[];
    return rows.map(recalculationOf);
  }

  /** Waits for the runs this process is telling (tests; the service stops them on destroy). */
  async settled(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  /** Tells the run's cases while `lease` holds it (a run taken up anew gets a new lease: the old one's writes stop). */
  private follow(id: string, lease: string): void {
    if (this.running.has(id)) return;
    const run = this.run(id, lease)
      .catch((error: unknown) =>
        // Left as it is: the sweep of this or another process takes it up again once it is not heard of.
        this.logger.warn(`calendar recalculation ${id} paused: ${(error as Error).message}`),
      )
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  /** Runs left by a process that stopped, each held from now on under a lease of this one. */
  private async takeUpLeftRuns(): Promise<void> {
    if (this.stopping) return;
    try {
      const { lease, rows } = await takeUpLeftRuns<{ id: string }>(this.dataSource, {
        table: 'routing.calendar_recalculations',
        leftAfterSeconds: LEFT_AFTER_SECONDS,
        returning: 'id',
        held: this.running.keys(),
      });
      for (const { id } of rows) {
        this.logger.log(`taking up calendar recalculation ${id} where it was left`);
        this.follow(id, lease);
      }
    } catch (error) {
      this.logger.warn(`could not look for left calendar recalculations: ${(error as Error).message}`);
    }
  }

  private async run(id: string, lease: string): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const [held] = (await this.dataSource.query(
        `SELECT county, change, after_case_id AS "afterCaseId", started_at AS "startedAt"
           FROM routing.calendar_recalculations WHERE id = $1 AND runner = $2 AND status = 'running'`,
        [id, lease],
      )) as { county: string | null; change: CalendarChange; afterCaseId: string | null; startedAt: Date }[];
      if (!held) return; // done, or taken up by another process
      // Open cases in the order of their ids, from where the run got to; those routed since it began already count
      // their dates on the new calendar.
      const page = (await this.dataSource.query(
        `SELECT case_id AS "caseId", workflow_id AS "workflowId" FROM routing.routed_cases
          WHERE concluded_at IS NULL AND ($1::char(6) IS NULL OR county = $1)
            AND ($2::uuid IS NULL OR case_id > $2) AND routed_at <= $3
          ORDER BY case_id LIMIT $4`,
        [held.county, held.afterCaseId, held.startedAt, PAGE],
      )) as { caseId: string; workflowId: string }[];
      const told = await this.tellHolding(id, lease, page, held.change);
      // Stopped, or the run lost, halfway through the page: its place stays before it, and whoever holds the run
      // tells it again.
      if (!told) return;
      const last = page.at(-1)?.caseId ?? held.afterCaseId;
      const [, updated] = (await this.dataSource.query(
        `UPDATE routing.calendar_recalculations
            SET signalled = signalled + $3, unreachable = unreachable + $4, after_case_id = $5, heard_at = now(),
                status = CASE WHEN $6 THEN 'done' ELSE status END,
                finished_at = CASE WHEN $6 THEN now() ELSE finished_at END
          WHERE id = $1 AND runner = $2 AND after_case_id IS NOT DISTINCT FROM $7`,
        [id, lease, told.signalled, told.unreachable, last, page.length < PAGE, held.afterCaseId],
      )) as [unknown, number];
      if (updated === 0) return; // taken up by another process meanwhile: it goes on from its own place
      if (page.length < PAGE) {
        this.logger.log(`calendar change "${held.change.description}": open cases told (run ${id})`);
        return;
      }
    }
  }

  /**
   * Tells a page of cases while saying every few seconds that the run is still held (a page may take long while the
   * engine is slow); undefined when the service stops or another process took the run up meanwhile.
   */
  private async tellHolding(
    id: string,
    lease: string,
    cases: readonly { workflowId: string }[],
    change: CalendarChange,
  ): Promise<{ signalled: number; unreachable: number } | undefined> {
    let held = true;
    const heartbeat = setInterval(() => {
      this.dataSource
        .query(`UPDATE routing.calendar_recalculations SET heard_at = now() WHERE id = $1 AND runner = $2`, [
          id,
          lease,
        ])
        .then(([, still]: [unknown, number]) => {
          if (still === 0) held = false;
        })
        .catch(() => undefined);
    }, HEARTBEAT_MS);
    try {
      let signalled = 0;
      let unreachable = 0;
      let next = 0;
      const worker = async () => {
        while (next < cases.length && held && !this.stopping) {
          const { workflowId } = cases[next++];
          try {
            await this.temporal.withDeadline(Date.now() + SIGNAL_DEADLINE_MS, () =>
              this.temporal.workflow.getHandle(workflowId).signal(recalculateDeadlinesSignal, change),
            );
            signalled += 1;
          } catch (error) {
            if (error instanceof WorkflowNotFoundError) continue; // ended since the read model last heard of it
            this.logger.warn(`could not signal case ${workflowId}: ${(error as Error).message}`);
            unreachable += 1;
          }
        }
      };
      await Promise.all(Array.from({ length: PARALLEL_SIGNALS }, worker));
      return held && !this.stopping ? { signalled, unreachable } : undefined;
    } finally {
      clearInterval(heartbeat);
    }
  }
}
