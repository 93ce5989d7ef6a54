import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sm2Sign, sm2Verify, type Sm2KeyPair } from '@oneseal/gm-crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkpointLink,
  FIRST_PREVIOUS,
  HeadsDigest,
  signedText,
  sortedByStream,
  type ChainHead,
  type CheckpointBody,
} from './checkpoint-digest';
import type { ProgressWatch } from '../background-checks/progress-watch';
import { CheckpointError, CheckpointErrorCode } from './checkpoint.errors';

export const CHECKPOINT_KEY = Symbol('CHECKPOINT_KEY');
export const CHECKPOINT_SETTLE_SECONDS = Symbol('CHECKPOINT_SETTLE_SECONDS');
/** Heads read and looked up in the log at a time while checking (tests make it small to see the pages). */
export const CHECKPOINT_HEADS_PER_PAGE = Symbol('CHECKPOINT_HEADS_PER_PAGE');

export interface SignedCheckpoint extends CheckpointBody {
  signature: string;
  publicKey: string;
}

/**
 * Checkpoints as exported: kept outside the system (printed, filed, sent to the county), they outlive its database.
 * With their heads, or without (a million cases have a million heads, 140 MB): a checkpoint's signature covers its
 * heads' digest, so a copy without heads still shows any checkpoint removed or changed, and the heads of each one the
 * database still holds unchanged are checked from the database.
 */
export interface ExportedCheckpoints {
  publicKey: string;
  exportedAt: string;
  checkpoints: (SignedCheckpoint & { heads?: ChainHead[] })[];
}

/** One thing verification found, in words an auditor reads. */
export interface CheckpointProblem {
  kind:
    | 'signature'
    | 'sequence'
    | 'missing-checkpoint'
    | 'changed-checkpoint'
    | 'missing-event'
    | 'changed-event';
  checkpointSeq: number;
  message: string;
  streamId?: string;
  version?: number;
}

/** How far a check of the checkpoints is: checkpoints and their heads checked of all. */
export interface CheckpointProgress {
  checkpoints: number;
  checkpointsChecked: number;
  heads: number;
  headsChecked: number;
}

/**
 * Where a check of the stored checkpoints stands once it has checked a checkpoint whole: what it needs to go on from
 * the next one (a million heads take minutes, and a check its process stopped in goes on from here).
 */
export interface CheckpointPlace {
  /** The newest checkpoint when the check began: those taken since are left to the next check. */
  upTo: number;
  /** The last checkpoint checked whole, and the link the next one's previousSm3 must name. */
  afterSeq: number;
  previous: string;
  /** The counts at that point, the heads found in the checkpoints checked, the newest checked's time. */
  progress: CheckpointProgress;
  headsFound: number;
  lastTakenAt: string | null;
  problems: CheckpointProblem[];
}

/** A watch of a check of the stored checkpoints that hears where it could go on from after each checkpoint. */
export interface CheckpointWatch extends ProgressWatch<CheckpointProgress> {
  onPlace?: (place: CheckpointPlace) => void;
}

export interface CheckpointVerdict {
  intact: boolean;
  checkpoints: number;
  heads: number;
  /** The newest checkpoint checked, so an auditor knows up to when the log is vouched for. */
  lastTakenAt: string | null;
  problems: CheckpointProblem[];
}

/**
 * A checkpoint to check, with where its heads come from: the copy's (in stream order), the database's ('stored'), or
 * none known (a copy's checkpoint kept without heads that the database no longer holds as it was signed).
 */
interface CheckpointToCheck {
  checkpoint: SignedCheckpoint;
  heads: ChainHead[] | 'stored' | undefined;
}

/** The heads a checkpoint is expected to have: corrected to those found once they are all read. */
const expectedHeads = ({ checkpoint, heads }: CheckpointToCheck) =>
  heads === 'stored' ? checkpoint.headsCount : (heads?.length ?? 0);

/**
 * Rows a page at a time in the order of their key, each page read after the last key of the one before (a keyset:
 * a page costs the same however far in it is).
 */
async function* keysetPages<TRow, TKey>(
  first: TKey,
  pageSize: number,
  keyOf: (row: TRow) => TKey,
  read: (after: TKey, limit: number) => Promise<TRow[]>,
): AsyncGenerator<TRow[]> {
  for (let after = first; ; ) {
    const page = await read(after, pageSize);
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = keyOf(page[page.length - 1]);
  }
}

/** Stored checkpoints, each checked with the database's heads. */
async function* storedToCheck(pages: AsyncIterable<SignedCheckpoint[]>): AsyncGenerator<CheckpointToCheck> {
  for await (const page of pages) for (const checkpoint of page) yield { checkpoint, heads: 'stored' };
}

/**
 * An event has to be this old to be checkpointed: a transaction holding a lower seq may still be committing, and a
 * checkpoint must not pass over it.
 */
export const DEFAULT_SETTLE_SECONDS = 5;
const MAX_PROBLEMS = 50;
const HEADS_PER_PAGE = 20_000;
const CHECKPOINTS_PER_PAGE = 1_000;

/**
 * Signed checkpoints of every chain's head. Deleting the last events of a case, truncating the log or rewriting a
 * stream leaves the heads a checkpoint vouched for missing or different, and the checkpoints themselves are a
 * chain signed with the system's SM2 key: removing or editing one shows too, against an exported copy.
 */
@Injectable()
export class CheckpointsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHECKPOINT_KEY) private readonly key: Sm2KeyPair,
    @Inject(CHECKPOINT_SETTLE_SECONDS) private readonly settleSeconds: number = DEFAULT_SETTLE_SECONDS,
    @Optional() @Inject(CHECKPOINT_HEADS_PER_PAGE) private readonly headsPerPage: number = HEADS_PER_PAGE,
  ) {}

  get publicKey(): string {
    return this.key.publicKey;
  }

  /** Signs the heads of every chain that grew since the last checkpoint; nothing when nothing did. */
  async take(): Promise<SignedCheckpoint | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit:checkpoint'))`);
      const last = await latest(manager);
      const from = last?.upToEventSeq ?? '0';
      const [{ upTo }] = (await manager.query(
        `SELECT max(seq)::text AS "upTo" FROM audit.events
          WHERE seq > $1 AND recorded_at < now() - make_interval(secs => $2)`,
        [from, this.settleSeconds],
      )) as { upTo: string | null }[];
      if (upTo === null) return undefined;
      const seq = (last?.seq ?? 0) + 1;
      // The heads go straight from the log into the checkpoint's rows, and its digest is taken from those rows a page
      // at a time, as a check reads them: after a large load or a long stop there are a million, never held here.
      // (The checkpoint's own row, which they refer to, follows once signed: the reference is checked at commit.)
      await manager.query(
        `INSERT INTO audit.checkpoint_heads (checkpoint_seq, stream_id, version, hash)
         SELECT DISTINCT ON (stream_id) $1::bigint, stream_id, version, hash FROM audit.events
          WHERE seq > $2 AND seq <= $3 ORDER BY stream_id, version DESC`,
        [seq, from, upTo],
      );
      const digest = new HeadsDigest();
      for await (const page of this.headPages(seq, 'stored', manager)) digest.add(page);
      const body: CheckpointBody = {
        seq,
        takenAt: new Date().toISOString(),
        upToEventSeq: upTo,
        headsCount: digest.count,
        headsSm3: digest.hex(),
        previousSm3: last ? checkpointLink(bodyOf(last), last.signature) : FIRST_PREVIOUS,
      };
      const signature = sm2Sign(signedText(body), this.key.privateKey, this.key.publicKey);
      await manager.query(
        `INSERT INTO audit.checkpoints (seq, taken_at, up_to_event_seq, heads_count, heads_sm3, previous_sm3, public_key, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          body.seq,
          body.takenAt,
          body.upToEventSeq,
          body.headsCount,
          body.headsSm3,
          body.previousSm3,
          this.key.publicKey,
          signature,
        ],
      );
      return { ...body, signature, publicKey: this.key.publicKey };
    });
  }

  /** The newest checkpoints first. */
  async list(limit = 100): Promise<SignedCheckpoint[]> {
    return (await this.dataSource.query(`${CHECKPOINT_SELECT} ORDER BY seq DESC LIMIT $1`, [limit])).map(
      toCheckpoint,
    );
  }

  /** A copy signed by another key cannot vouch for this log. */
  assertOwnCopy(copy: Pick<ExportedCheckpoints, 'publicKey'>): void {
    if (copy.publicKey !== this.key.publicKey) throw new CheckpointError(CheckpointErrorCode.FOREIGN_KEY);
  }

  /**
   * The checkpoints as exported (ExportedCheckpoints, as JSON), written a part at a time: with their heads, a copy of
   * a million cases' log is 140 MB, which is never held whole — each checkpoint's heads are read a page at a time.
   */
  async exportTo(write: (part: string) => Promise<void> | void, withHeads = true): Promise<void> {
    const pages = this.storedPages();
    // The first page read before anything is written: a failure then is answered as any failure is.
    let page = await pages.next();
    const opening = { publicKey: this.key.publicKey, exportedAt: new Date().toISOString() };
    await write(`${JSON.stringify(opening).slice(0, -1)},"checkpoints":[`);
    let separator = '';
    for (; !page.done; page = await pages.next()) {
      for (const checkpoint of page.value) {
        if (!withHeads) {
          await write(`${separator}${JSON.stringify(checkpoint)}`);
        } else {
          await write(`${separator}${JSON.stringify(checkpoint).slice(0, -1)},"heads":[`);
          let first = true;
          for await (const heads of this.headPages(checkpoint.seq, 'stored')) {
            const lines = heads.map(({ streamId, version, hash }) =>
              JSON.stringify({ streamId, version, hash }),
            );
            await write(`${first ? '' : ','}${lines.join(',')}`);
            first = false;
          }
          await write(']}');
        }
        separator = ',';
      }
    }
    await write(']}');
  }

  /**
   * Checks the stored checkpoints (signatures, their own chain, every head still in the log as it was) or, given an
   * exported copy, that copy against the log: a checkpoint removed from the database is then found as well.
   * `watch` hears how far it is; once no longer wanted, nothing further is looked up (the verdict then counts only
   * what was checked). A check of the stored checkpoints goes on `from` a place it reported earlier, when given.
   */
  async verify(
    copy?: ExportedCheckpoints,
    watch: CheckpointWatch = {},
    from?: CheckpointPlace,
  ): Promise<CheckpointVerdict> {
    if (copy) this.assertOwnCopy(copy);
    // Only a check of the stored checkpoints goes on from a place: a copy is checked whole.
    const goingOn = copy ? undefined : from;
    const problems: CheckpointProblem[] = goingOn ? [...goingOn.problems] : [];
    const note = (problem: CheckpointProblem) => {
      if (problems.length < MAX_PROBLEMS) problems.push(problem);
    };
    let checkpoints: AsyncIterable<CheckpointToCheck> | CheckpointToCheck[];
    let total: { checkpoints: number; heads: number };
    let upTo = 0;
    if (copy) {
      // The copy's checkpoints are checked and the database's only compared with them; a checkpoint kept without
      // its heads is checked with the database's heads while the database holds it unchanged.
      const bySeq = new Map(
        (await this.storedOf(copy.checkpoints.map((kept) => kept.seq))).map((stored) => [stored.seq, stored]),
      );
      const heldUnchanged = (kept: SignedCheckpoint) => {
        const inDatabase = bySeq.get(kept.seq);
        return inDatabase?.signature === kept.signature && inDatabase.headsSm3 === kept.headsSm3;
      };
      const kept = copy.checkpoints
        .map(({ heads, ...checkpoint }) => ({
          checkpoint,
          heads: heads ? sortedByStream(heads) : heldUnchanged(checkpoint) ? ('stored' as const) : undefined,
        }))
        .sort((one, other) => one.checkpoint.seq - other.checkpoint.seq);
      for (const { checkpoint } of kept) {
        const inDatabase = bySeq.get(checkpoint.seq);
        if (!inDatabase)
          note({
            kind: 'missing-checkpoint',
            checkpointSeq: checkpoint.seq,
            message: `第 ${checkpoint.seq} 号检查点在系统中已不存在（被删除）`,
          });
        else if (inDatabase.signature !== checkpoint.signature || inDatabase.headsSm3 !== checkpoint.headsSm3)
          note({
            kind: 'changed-checkpoint',
            checkpointSeq: checkpoint.seq,
            message: `第 ${checkpoint.seq} 号检查点在系统中与导出时不同（被改动）`,
          });
      }
      checkpoints = kept;
      total = { checkpoints: kept.length, heads: kept.reduce((sum, one) => sum + expectedHeads(one), 0) };
    } else {
      // 288 a day, a hundred thousand a year: read a page at a time as they are checked — those there when the
      // check began (the totals it reports).
      const stored = goingOn
        ? { checkpoints: goingOn.progress.checkpoints, heads: goingOn.progress.heads, upTo: goingOn.upTo }
        : await this.storedTotals();
      total = stored;
      upTo = stored.upTo;
      checkpoints = storedToCheck(this.storedPages(stored.upTo, goingOn?.afterSeq));
    }

    let previous = goingOn?.previous ?? FIRST_PREVIOUS;
    let headCount = goingOn?.headsFound ?? 0;
    const progress: CheckpointProgress = goingOn
      ? { ...goingOn.progress }
      : { checkpoints: total.checkpoints, checkpointsChecked: 0, heads: total.heads, headsChecked: 0 };
    const stillWanted = () => !watch.stillWanted || watch.stillWanted();
    let lastTakenAt = goingOn?.lastTakenAt ?? null;
    for await (const toCheck of checkpoints) {
      if (!stillWanted()) break;
      const { checkpoint } = toCheck;
      // A checkpoint after a large load holds a million heads: read and looked up a page at a time, never held
      // whole, its digest taken as they pass; its own problems are noted before its heads'.
      const digest = new HeadsDigest();
      const headProblems: CheckpointProblem[] = [];
      let cutShort = false;
      for await (const page of this.headPages(checkpoint.seq, toCheck.heads)) {
        if (!stillWanted()) {
          cutShort = true;
          break;
        }
        digest.add(page);
        for (const found of await this.headsAgainstLog(page))
          if (headProblems.length < MAX_PROBLEMS)
            headProblems.push({ ...found, checkpointSeq: checkpoint.seq });
        progress.headsChecked += page.length;
        watch.onProgress?.({ ...progress });
      }
      // A checkpoint whose heads were not all looked up is not checked.
      if (cutShort) break;
      progress.heads += digest.count - expectedHeads(toCheck);
      const body = bodyOf(checkpoint);
      // Heads unknown only for a copy's checkpoint without heads that the database lost or changed (noted above).
      if (
        checkpoint.publicKey !== this.key.publicKey ||
        (toCheck.heads && (body.headsSm3 !== digest.hex() || body.headsCount !== digest.count)) ||
        !sm2Verify(signedText(body), checkpoint.signature, this.key.publicKey)
      ) {
        note({
          kind: 'signature',
          checkpointSeq: checkpoint.seq,
          message: `第 ${checkpoint.seq} 号检查点的签名核验不通过：它记录的内容被改动过，或不是本系统签发`,
        });
      }
      if (body.previousSm3 !== previous)
        note({
          kind: 'sequence',
          checkpointSeq: checkpoint.seq,
          message: `第 ${checkpoint.seq} 号检查点与前一个检查点接不上：其间的检查点被删除或改动过`,
        });
      previous = checkpointLink(body, checkpoint.signature);
      headCount += digest.count;
      headProblems.forEach(note);
      lastTakenAt = checkpoint.takenAt;
      progress.checkpointsChecked += 1;
      if (!copy)
        watch.onPlace?.({
          upTo,
          afterSeq: checkpoint.seq,
          previous,
          progress: { ...progress },
          headsFound: headCount,
          lastTakenAt,
          problems: [...problems],
        });
      watch.onProgress?.({ ...progress });
    }
    return {
      intact: problems.length === 0,
      checkpoints: total.checkpoints,
      heads: headCount,
      lastTakenAt,
      problems,
    };
  }

  /**
   * A checkpoint's heads a page at a time, in stream order: a copy's from the copy, the database's read a page at a
   * time by the index in that order (never all at once: after a large load one checkpoint holds a million).
   */
  private async *headPages(
    seq: number,
    heads: CheckpointToCheck['heads'],
    db: Pick<DataSource, 'query'> = this.dataSource,
  ): AsyncGenerator<ChainHead[]> {
    if (heads === undefined) return;
    if (heads !== 'stored') {
      for (let start = 0; start < heads.length; start += this.headsPerPage)
        yield heads.slice(start, start + this.headsPerPage);
      return;
    }
    yield* keysetPages(
      '',
      this.headsPerPage,
      (head) => head.streamId,
      async (after, limit) =>
        (await db.query(
          `SELECT stream_id AS "streamId", version, hash FROM audit.checkpoint_heads
          WHERE checkpoint_seq = $1 AND stream_id COLLATE "C" > $2
          ORDER BY stream_id COLLATE "C" LIMIT $3`,
          [seq, after, limit],
        )) as ChainHead[],
    );
  }

  /** Each head must still be in the log with the hash the checkpoint signed. */
  private async headsAgainstLog(
    heads: readonly ChainHead[],
  ): Promise<Omit<CheckpointProblem, 'checkpointSeq'>[]> {
    if (heads.length === 0) return [];
    const rows = (await this.dataSource.query(
      `SELECT h.stream_id AS "streamId", h.version, e.hash AS "logged",
              (SELECT s.envelope->'payload'->>'receiptNumber' FROM audit.events s
                WHERE s.stream_id = h.stream_id AND s.envelope->'payload' ? 'receiptNumber' LIMIT 1) AS "receiptNumber"
         FROM unnest($1::text[], $2::int[], $3::text[]) AS h (stream_id, version, hash)
         LEFT JOIN audit.events e ON e.stream_id = h.stream_id AND e.version = h.version
        WHERE e.hash IS DISTINCT FROM h.hash`,
      [heads.map((h) => h.streamId), heads.map((h) => h.version), heads.map((h) => h.hash)],
    )) as { streamId: string; version: number; logged: string | null; receiptNumber: string | null }[];
    return rows.map((row) => {
      const which = row.receiptNumber ? `办件 ${row.receiptNumber}` : `记录流 ${row.streamId}`;
      return row.logged === null
        ? {
            kind: 'missing-event' as const,
            streamId: row.streamId,
            version: row.version,
            message: `${which} 的第 ${row.version} 条事件已不在日志中（被删除或截断）`,
          }
        : {
            kind: 'changed-event' as const,
            streamId: row.streamId,
            version: row.version,
            message: `${which} 的第 ${row.version} 条事件与检查点签名时不同（被改写）`,
          };
    });
  }

  /** The stored checkpoints in order (after `after` and up to `upTo`, if given), a page at a time. */
  private storedPages(upTo = Number.MAX_SAFE_INTEGER, after = 0): AsyncGenerator<SignedCheckpoint[]> {
    return keysetPages(
      after,
      CHECKPOINTS_PER_PAGE,
      (checkpoint) => checkpoint.seq,
      async (after, limit) =>
        (
          (await this.dataSource.query(
            `${CHECKPOINT_SELECT} WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
            [after, upTo, limit],
          )) as CheckpointRow[]
        ).map(toCheckpoint),
    );
  }

  private async storedOf(seqs: readonly number[]): Promise<SignedCheckpoint[]> {
    return (
      (await this.dataSource.query(`${CHECKPOINT_SELECT} WHERE seq = ANY($1::bigint[])`, [
        seqs,
      ])) as CheckpointRow[]
    ).map(toCheckpoint);
  }

  /** How many checkpoints are stored, how many heads they signed, and the newest's number. */
  private async storedTotals(): Promise<{ checkpoints: number; heads: number; upTo: number }> {
    const [totals] = (await this.dataSource.query(
      `SELECT count(*)::int AS checkpoints, coalesce(sum(heads_count), 0)::bigint::text AS heads,
              coalesce(max(seq), 0)::bigint::text AS "upTo"
         FROM audit.checkpoints`,
    )) as { checkpoints: number; heads: string; upTo: string }[];
    return { checkpoints: totals.checkpoints, heads: Number(totals.heads), upTo: Number(totals.upTo) };
  }
}

const CHECKPOINT_SELECT = `SELECT seq, taken_at AS "takenAt", up_to_event_seq::text AS "upToEventSeq",
  heads_count AS "headsCount", heads_sm3 AS "headsSm3", previous_sm3 AS "previousSm3", public_key AS "publicKey",
  signature FROM audit.checkpoints`;

interface CheckpointRow extends Omit<SignedCheckpoint, 'seq' | 'takenAt'> {
  seq: string;
  takenAt: Date;
}

function toCheckpoint(row: CheckpointRow): SignedCheckpoint {
  return { ...row, seq: Number(row.seq), takenAt: row.takenAt.toISOString() };
}

async function latest(manager: EntityManager): Promise<SignedCheckpoint | undefined> {
  const [row] = (await manager.query(`${CHECKPOINT_SELECT} ORDER BY seq DESC LIMIT 1`)) as CheckpointRow[];
  return row ? toCheckpoint(row) : undefined;
}

function bodyOf(checkpoint: SignedCheckpoint): CheckpointBody {
  return {
    seq: checkpoint.seq,
    takenAt: checkpoint.takenAt,
    upToEventSeq: checkpoint.upToEventSeq,
    headsCount: checkpoint.headsCount,
    headsSm3: checkpoint.headsSm3,
    previousSm3: checkpoint.previousSm3,
  };
}
