import { Logger } from '@nestjs/common';
import { recalculateDeadlinesSignal, type CalendarChange } from '@oneseal/contracts';
import type { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';

/** What a calendar change did to the open cases: how many there were, and how many took the change. */
export interface Recalculation {
  openCases: number;
  signalled: number;
  /** Cases that could not be reached now (the engine busy or down); listed so the change can be sent again. */
  failed: string[];
}

/** Enough to keep the engine busy without queueing thousands of calls at once. */
const PARALLEL_SIGNALS = 16;

const logger = new Logger('CalendarRecalculation');

/**
 * Tells every open case (of one county, or all) that the calendar changed: each redoes its dates on the new
 * calendar and puts on its record the ones that moved. A case that ended meanwhile simply is not found.
 */
export async function recalculateOpenCases(
  db: DataSource,
  temporal: Client,
  change: CalendarChange,
  county?: string,
): Promise<Recalculation> {
  const rows = (await db.query(
    `SELECT workflow_id FROM routing.routed_cases
      WHERE concluded_at IS NULL AND ($1::char(6) IS NULL OR county = $1)
      ORDER BY routed_at`,
    [county ?? null],
  )) as { workflow_id: string }[];
  const failed: string[] = [];
  let signalled = 0;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const { workflow_id: workflowId } = rows[next++];
      try {
        await temporal.workflow.getHandle(workflowId).signal(recalculateDeadlinesSignal, change);
        signalled += 1;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) continue; // ended since the read model last heard of it
        logger.warn(`could not signal case ${workflowId}: ${(error as Error).message}`);
        failed.push(workflowId);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_SIGNALS }, worker));
  logger.log(
    `calendar change "${change.description}": ${signalled} of ${rows.length} open case(s) recalculating` +
      (failed.length ? `, ${failed.length} unreachable` : ''),
  );
  return { openCases: rows.length, signalled, failed };
}
