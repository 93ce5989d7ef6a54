import { receiptNumberOf, verifyChain, type ChainLink } from './chain-links';

/**
 * A batch of whole streams to check, as it crosses to a verification thread: the envelopes as the database's text
 * (parsing them is a third of the work, so the thread does it), the key as bytes.
 */
export interface ChainCheckJob {
  key: Uint8Array;
  keyedFromSeq: string;
  /** The streams in the order they are reported, each with at least one row. */
  streamIds: string[];
  /** Every event of those streams, ordered by stream and version. */
  rows: ChainRowText[];
}

export interface ChainRowText extends Omit<ChainLink, 'envelope'> {
  streamId: string;
  envelope: string;
}

export interface StreamChecked {
  streamId: string;
  events: number;
  intact: boolean;
  brokenAtVersion?: number;
  /** Only for a broken stream: its 办件编号 (null when its submission is what went missing). */
  receiptNumber?: string | null;
}

/**
 * Checks each stream as its rows come: a link's parsed envelope is dropped once hashed (only a broken stream's rows
 * are parsed again, for its 办件编号), so a batch leaves little for the collector.
 */
export function checkStreams(job: ChainCheckJob): StreamChecked[] {
  const keying = { key: Buffer.from(job.key), keyedFromSeq: BigInt(job.keyedFromSeq) };
  const rowsOf = new Map<string, { from: number; to: number }>();
  job.rows.forEach((row, index) => {
    const range = rowsOf.get(row.streamId);
    if (range) range.to = index + 1;
    else rowsOf.set(row.streamId, { from: index, to: index + 1 });
  });
  return job.streamIds.map((streamId) => {
    const range = rowsOf.get(streamId) ?? { from: 0, to: 0 };
    const rows = job.rows.slice(range.from, range.to);
    const chain = verifyChain(streamId, rows.map(parsedLink), keying);
    if (chain.intact) return { streamId, events: chain.events, intact: true };
    return {
      streamId,
      events: chain.events,
      intact: false,
      brokenAtVersion: chain.brokenAtVersion ?? 1,
      receiptNumber: receiptNumberOf(rows.map(parsedLink)),
    };
  });
}

function parsedLink(row: ChainRowText): ChainLink {
  return {
    seq: row.seq,
    version: row.version,
    envelope: JSON.parse(row.envelope) as ChainLink['envelope'],
    prevHash: row.prevHash,
    hash: row.hash,
    keyed: row.keyed,
  };
}
