import { Counter, register } from 'prom-client';

/** What became of a check left by a process that stopped. */
export type LeftCheckOutcome = 'gone-on' | 'given-up' | 'interrupted';

/**
 * Left checks by table and outcome: gone on with by another process, given up after its processes kept dying, or
 * interrupted because none could go on with it. Given up ones are worth a look at the audit service's logs.
 */
export function leftChecksCounter(): Counter<'table' | 'outcome'> {
  const metric = {
    name: 'oneseal_audit_left_checks_total',
    help: 'Checks left by a stopped audit process: gone on with, given up, or recorded as interrupted',
    labelNames: ['table', 'outcome'] as const,
  };
  return (
    (register.getSingleMetric(metric.name) as Counter<'table' | 'outcome'> | undefined) ?? new Counter(metric)
  );
}
