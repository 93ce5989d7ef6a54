import { receiptNumberOf, verifyChain, type ChainLink } from './chain-links';

/**
 * Every event of a batch of streams, the envelope as the database's text. In no order: PostgreSQL misjudges how
 * many rows the streams have and sorts them on disk; each stream's links are put in order when it is checked.
 */
export const CHAIN_ROWS_SQL = `SELECT stream_id AS "streamId", seq, version, envelope::text AS envelope,
       prev_hash AS "prevHash", hash, keyed
  FROM audit.events WHERE stream_id = ANY($1)`;

/** A batch of whole streams to check, as it crosses to a verification thread (the key as bytes). */
export interface ChainCheckJob {
  key: Uint8Array;
  keyedFromSeq: string;
  /** The streams in the order they are reported. */
  streamIds: string[];
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
 * Checks each stream of the batch from its rows. A link's parsed envelope is dropped once hashed (a broken stream's
 * rows are parsed again for its 办件编号), so a batch leaves little for the collector.
 */
export function checkStreams(job: ChainCheckJob, rows: readonly ChainRowText[]): StreamChecked[] {
  const keying = { key: Buffer.from(job.key), keyedFromSeq: BigInt(job.keyedFromSeq) };
  const rowsOf = new Map<string, ChainRowText[]>();
  for (const row of rows) {
    const links = rowsOf.get(row.streamId);
    if (links) links.push(row);
    else rowsOf.set(row.streamId, [row]);
  }
  return job.streamIds.map((streamId) => {
    const links = (rowsOf.get(streamId) ?? []).sort((a, b) => a.version - b.version);
    const chain = verifyChain(streamId, links.map(parsedLink), keying);
    if (chain.intact) return { streamId, events: chain.events, intact: true };
    return {
      streamId,
      events: chain.events,
      intact: false,
      brokenAtVersion: chain.brokenAtVersion ?? 1,
      receiptNumber: receiptNumberOf(links.map(parsedLink)),
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
