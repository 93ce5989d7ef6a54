import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import {
  APPLICATION_CHANNELS,
  EXPRESS_CARRIERS,
  HANDOVER_METHODS,
  RATING_CATEGORIES,
  REVISIT_METHODS,
  SERVICE_EVENTS,
} from '@oneseal/contracts';
import { QUEUE_CATEGORIES } from '@oneseal/domain';

/**
 * The workbench is plain browser modules, so its lists of names are written out in labels.js beside the services'
 * code lists. A code the services accept but the console cannot name would reach a clerk as a bare code, and a
 * carrier the console offers but the services refuse would be a choice that always fails.
 */
function consoleLabels(): Record<string, unknown> {
  const labels = join(__dirname, '..', 'public', 'js', 'labels.js');
  const dump = `import * as labels from ${JSON.stringify(labels)}; process.stdout.write(JSON.stringify(labels));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', dump], {
      encoding: 'utf8',
    }),
  ) as Record<string, unknown>;
}

describe('the console names every code the services use', () => {
  const labels = consoleLabels();
  const namedCodes = (list: string) => Object.keys(labels[list] as Record<string, string>).sort();

  it('offers exactly the carriers a posted delivery may name', () => {
    expect(labels.EXPRESS_CARRIERS).toEqual([...EXPRESS_CARRIERS]);
  });

  it.each([
    ['HANDOVER_METHODS', HANDOVER_METHODS],
    ['CHANNELS', APPLICATION_CHANNELS],
    ['RATING_CATEGORIES', RATING_CATEGORIES],
    ['REVISIT_METHODS', REVISIT_METHODS],
    ['SERVICE_EVENTS', SERVICE_EVENTS],
  ] as const)('names each of %s', (list, codes) => {
    expect(namedCodes(list)).toEqual([...codes].sort());
  });

  it('names each business line of the hall, and by the same name as the ticket', () => {
    const lines = QUEUE_CATEGORIES.filter((line) => line.code !== 'appointment');
    expect(labels.QUEUE_CATEGORIES).toEqual(Object.fromEntries(lines.map((line) => [line.code, line.name])));
  });
});
