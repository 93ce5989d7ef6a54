import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  BackgroundChecks,
  checkFields,
  type CheckRow,
  type CheckStatus,
} from '../background-checks/background-checks';
import { CheckpointError, CheckpointErrorCode } from './checkpoint.errors';
import {
  CheckpointsService,
  type CheckpointPlace,
  type CheckpointProgress,
  type CheckpointVerdict,
  type ExportedCheckpoints,
} from './checkpoints.service';

/** A check of the signed checkpoints, as the auditor's list shows it: against what, who asked, how far, the verdict. */
export interface CheckpointCheck {
  id: string;
  /** The copy it checks the log against (when it was exported, how many checkpoints it held); null: the stored ones. */
  againstCopy: { exportedAt: string; checkpoints: number } | null;
  requestedBy: { id: string; name: string };
  startedAt: string;
  finishedAt: string | null;
  status: CheckStatus;
  progress: CheckpointProgress;
  /** Once done: the verdict, as GET /audit/checkpoints/verification answers it. */
  verdict: CheckpointVerdict | null;
  /** Why it stopped, when it failed or was interrupted. */
  failure: string | null;
  /** Still running, but its process stopped: the next audit process goes on with it. */
  waitingToGoOn: boolean;
  /**
   * The checkpoints a check taken up (or to be) keeps as checked: it goes on from the next one (0: from the first, as
   * one stopped before its first checkpoint, or left by a version that kept no place).
   */
  goesOnAfter: number;
}

interface CheckpointCheckRow extends CheckRow {
  copy_exported_at: Date | null;
  copy_checkpoints: number | null;
  checkpoints: number;
  checkpoints_checked: number;
  heads: string;
  heads_checked: string;
  verdict: CheckpointVerdict | null;
  /** Where a check of the stored checkpoints could go on from, as last written while it ran. */
  place: CheckpointPlace | null;
}

const OWN_COLUMNS = `copy_exported_at, copy_checkpoints, checkpoints, checkpoints_checked, heads::text AS heads,
  heads_checked::text AS heads_checked, verdict, place`;

/** How far a check is, with the place it could go on from (none before its first checkpoint, or against a copy). */
interface CheckpointReport {
  counts: CheckpointProgress;
  place: CheckpointPlace | null;
}

/**
 * Checks of the log against its signed checkpoints that run on in the audit service whoever watches: after a large
 * load the checkpoints hold a million heads, minutes of lookups. One at a time: asking for the stored checkpoints'
 * check while it runs joins it; any other check asked meanwhile is refused as busy. A check of the stored checkpoints
 * whose process stopped is gone on with by the next audit process, from the checkpoint after the last it checked
 * whole; one against an exported copy is recorded as interrupted (the copy was only in the request).
 */
@Injectable()
export class CheckpointChecks implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly checks: BackgroundChecks<CheckpointCheckRow>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly checkpoints: CheckpointsService,
  ) {
    this.checks = new BackgroundChecks<CheckpointCheckRow>(
      dataSource,
      'audit.checkpoint_checks',
      new Logger('CheckpointChecks'),
      {
        ownColumns: OWN_COLUMNS,
        // From the checkpoint after the last it checked whole; one left before its first, or by a process of a
        // version that wrote no place, from the first.
        goOn: (row, lease) => this.run(row.id, undefined, lease, row.place ?? undefined),
        takenUpSet: `checkpoints = coalesce((place->'progress'->>'checkpoints')::int, checkpoints),
          checkpoints_checked = coalesce((place->'progress'->>'checkpointsChecked')::int, 0),
          heads = coalesce((place->'progress'->>'heads')::bigint, heads),
          heads_checked = coalesce((place->'progress'->>'headsChecked')::bigint, 0)`,
        cannotGoOn: 'copy_exported_at IS NOT NULL',
      },
    );
  }

  /** Starts a check of the stored checkpoints, or of the log against `copy` (refused if signed by another key). */
  async start(by: { id: string; name: string }, copy?: ExportedCheckpoints): Promise<CheckpointCheck> {
    if (copy) this.checkpoints.assertOwnCopy(copy);
    const claimed = await this.checks.claim(
      by,
      {
        copy_exported_at: copy?.exportedAt ?? null,
        copy_checkpoints: copy?.checkpoints.length ?? null,
        // One against a copy is not left to the next process, which would not have the copy: no lease to hold.
        ...(copy ? { runner: null } : {}),
      },
      { where: 'true', params: [] },
      OWN_COLUMNS,
      // A copy is checked on its own: a left check taken up and done meanwhile only frees the place for it.
      { joinsDone: !copy },
    );
    if (!claimed.started) {
      // Two copies are never taken for the same: each is checked on its own.
      if (copy || claimed.row.copy_exported_at !== null)
        throw new CheckpointError(CheckpointErrorCode.CHECK_BUSY);
      return checkOf(claimed.row);
    }
    this.run(claimed.row.id, copy, copy ? undefined : claimed.lease);
    return checkOf(claimed.row);
  }

  /** Starts again the checks a stopped process left (the first look done before the service is ready). */
  onApplicationBootstrap(): Promise<void> {
    return this.checks.takeUpLeftChecks();
  }

  private run(
    id: string,
    copy: ExportedCheckpoints | undefined,
    lease: string | undefined,
    from?: CheckpointPlace,
  ): void {
    this.checks.run<CheckpointReport, CheckpointVerdict>(
      {
        id,
        what: copy ? 'checkpoint verification against a copy' : 'checkpoint verification',
        check: (watch) => {
          let place = from ?? null;
          return this.checkpoints.verify(
            copy,
            {
              stillWanted: watch.stillWanted,
              // Heard before the counts of the same checkpoint: each report carries the place they stand at.
              onPlace: (reached) => (place = reached),
              onProgress: (counts) => watch.onProgress?.({ counts, place }),
            },
            from,
          );
        },
        progressColumns: ({ counts, place }) => ({
          checkpoints: counts.checkpoints,
          checkpoints_checked: counts.checkpointsChecked,
          heads: counts.heads,
          heads_checked: counts.headsChecked,
          place: place && JSON.stringify(place),
        }),
        // Its counts run ahead of its place (a checkpoint's heads are counted as they are looked up): it gets further
        // only once its place moves past the one it was taken up at.
        getsFurther: ({ place }) => place !== null && place.afterSeq > (from?.afterSeq ?? 0),
        complete: (verdict, last) =>
          (last?.counts.checkpointsChecked ?? 0) >= verdict.checkpoints &&
          (last?.counts.headsChecked ?? 0) >= (last?.counts.heads ?? 0),
        // An interrupted check's verdict counts only what was checked: its progress stands instead.
        endColumns: (status, verdict) =>
          status === 'done' && verdict
            ? {
                verdict: JSON.stringify(verdict),
                checkpoints: verdict.checkpoints,
                checkpoints_checked: verdict.checkpoints,
                heads: verdict.heads,
                heads_checked: verdict.heads,
                place: null,
              }
            : {},
      },
      lease,
    );
  }

  async find(id: string): Promise<CheckpointCheck | undefined> {
    const row = await this.checks.row(id, OWN_COLUMNS);
    return row ? checkOf(row) : undefined;
  }

  /** The latest checks, newest first. */
  async list(): Promise<CheckpointCheck[]> {
    return (await this.checks.latest(OWN_COLUMNS, 'true', [])).map(checkOf);
  }

  async onModuleDestroy(): Promise<void> {
    await this.checks.stop();
  }
}

function checkOf(row: CheckpointCheckRow): CheckpointCheck {
  // Only a check of the stored checkpoints is gone on with by the next process: a copy went with its request.
  const goesOn = row.copy_exported_at === null;
  return {
    ...checkFields(row, goesOn),
    waitingToGoOn: row.left && goesOn,
    goesOnAfter: row.place?.progress.checkpointsChecked ?? 0,
    againstCopy:
      row.copy_exported_at === null
        ? null
        : { exportedAt: row.copy_exported_at.toISOString(), checkpoints: row.copy_checkpoints ?? 0 },
    progress: {
      checkpoints: row.checkpoints,
      checkpointsChecked: row.checkpoints_checked,
      heads: Number(row.heads),
      headsChecked: Number(row.heads_checked),
    },
    verdict: row.verdict,
  };
}
