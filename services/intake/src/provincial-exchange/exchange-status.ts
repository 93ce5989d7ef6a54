import type { DataSource } from 'typeorm';

export interface ExchangeStatus {
  /** Whether this intake talks to a province at all (PROVINCIAL_EXCHANGE_URL set). */
  connected: boolean;
  pushes: {
    guides: { pending: number; sent: number; refused: number };
    stages: { pending: number; sent: number; refused: number };
    /** When the oldest push still waiting was queued: how far behind the province is. */
    oldestPendingSince: string | null;
    lastSentAt: string | null;
  };
  /** Pushes that wait after failures or that the province refused, the most recent first. */
  troubles: {
    key: string;
    kind: 'guide' | 'stage';
    subject: string;
    matterName: string | null;
    caseNumber: string | null;
    stage: string | null;
    status: 'pending' | 'refused';
    attempts: number;
    lastError: string;
    nextAttemptAt: string | null;
  }[];
  pull: { pulledAt: string | null; lastError: string | null };
  applications: {
    applicationId: string;
    receivedAt: string;
    status: 'filed' | 'declined';
    matterName: string;
    caseId: string | null;
    receiptNumber: string | null;
    declineReason: string | null;
    answeredAt: string | null;
    answerError: string | null;
  }[];
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** What the county's administrator, supervisor or auditor sees of the exchange with the province. */
export async function exchangeStatusOf(
  dataSource: DataSource,
  county: string,
  connected: boolean,
): Promise<ExchangeStatus> {
  const counts = (await dataSource.query(
    `SELECT kind, status, count(*)::int AS n, min(queued_at) FILTER (WHERE status = 'pending') AS oldest,
            max(sent_at) AS "lastSent"
       FROM intake.provincial_pushes WHERE county = $1 GROUP BY kind, status`,
    [county],
  )) as {
    kind: 'guide' | 'stage';
    status: 'pending' | 'sent' | 'refused';
    n: number;
    oldest: Date | null;
    lastSent: Date | null;
  }[];
  const tally = (kind: 'guide' | 'stage') => ({
    pending: counts.find((row) => row.kind === kind && row.status === 'pending')?.n ?? 0,
    sent: counts.find((row) => row.kind === kind && row.status === 'sent')?.n ?? 0,
    refused: counts.find((row) => row.kind === kind && row.status === 'refused')?.n ?? 0,
  });
  const oldest = counts
    .map((row) => row.oldest)
    .filter((value): value is Date => !!value)
    .sort((a, b) => +new Date(a) - +new Date(b))[0];
  const lastSent = counts
    .map((row) => row.lastSent)
    .filter((value): value is Date => !!value)
    .sort((a, b) => +new Date(b) - +new Date(a))[0];
  const troubles = (await dataSource.query(
    `SELECT key, kind, subject, body->>'matterName' AS "matterName", body->>'caseNumber' AS "caseNumber",
            body->>'stage' AS stage, status, attempts, last_error AS "lastError",
            CASE WHEN status = 'pending' THEN next_attempt_at END AS "nextAttemptAt"
       FROM intake.provincial_pushes
      WHERE county = $1 AND last_error IS NOT NULL AND status IN ('pending', 'refused')
      ORDER BY queued_at DESC LIMIT 50`,
    [county],
  )) as (Omit<ExchangeStatus['troubles'][number], 'nextAttemptAt'> & { nextAttemptAt: Date | null })[];
  const [pull] = (await dataSource.query(
    `SELECT pulled_at AS "pulledAt", last_error AS "lastError" FROM intake.provincial_pull_cursors WHERE county = $1`,
    [county],
  )) as { pulledAt: Date | null; lastError: string | null }[];
  const applications = (await dataSource.query(
    `SELECT p.application_id AS "applicationId", p.received_at AS "receivedAt", p.status,
            COALESCE(m.name, p.matter_code) AS "matterName", p.case_id AS "caseId",
            a.receipt_number AS "receiptNumber", p.decline_reason AS "declineReason",
            p.answered_at AS "answeredAt", p.last_error AS "answerError"
       FROM intake.provincial_applications p
       LEFT JOIN intake.matters m ON m.code = p.matter_code
       LEFT JOIN intake.applications a ON a.id = p.case_id
      WHERE p.county = $1
      ORDER BY p.received_at DESC LIMIT 50`,
    [county],
  )) as (Omit<ExchangeStatus['applications'][number], 'receivedAt' | 'answeredAt'> & {
    receivedAt: Date;
    answeredAt: Date | null;
  })[];
  return {
    connected,
    pushes: {
      guides: tally('guide'),
      stages: tally('stage'),
      oldestPendingSince: iso(oldest ?? null),
      lastSentAt: iso(lastSent ?? null),
    },
    troubles: troubles.map((row) => ({ ...row, nextAttemptAt: iso(row.nextAttemptAt) })),
    pull: { pulledAt: iso(pull?.pulledAt ?? null), lastError: pull?.lastError ?? null },
    applications: applications.map((row) => ({
      ...row,
      receivedAt: new Date(row.receivedAt).toISOString(),
      answeredAt: iso(row.answeredAt),
    })),
  };
}
