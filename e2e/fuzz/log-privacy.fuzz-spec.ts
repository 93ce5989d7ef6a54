import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES } from '../system';

/**
 * After the whole end-to-end tier and the fuzzing ran against the services, their logs hold no personal data: no
 * resident ID number (a valid GB 11643 check digit, so a long number that only looks like one is not counted) and no
 * mobile number, in any service's log.
 */
const LOGS = join(process.cwd(), '.oneseal', 'logs');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

function isResidentIdNumber(candidate: string): boolean {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(candidate[index]), 0);
  return CHECK[sum % 11] === candidate[17].toUpperCase();
}

describe('no personal data in any service’s log', () => {
  it('finds no resident ID number and no mobile number in the logs of the run', () => {
    const found: string[] = [];
    let lines = 0;
    for (const service of SERVICE_NAMES) {
      const file = join(LOGS, `${service}.log`);
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8');
      lines += text.split('\n').length;
      for (const match of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
        if (isResidentIdNumber(match[0])) found.push(`${service}: ID number ${match[0].slice(0, 6)}…`);
      }
      for (const match of text.matchAll(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g)) {
        found.push(`${service}: phone ${match[0].slice(0, 3)}…`);
      }
    }
    // The logs of a whole run were read: thousands of lines, not an empty folder.
    expect(lines).toBeGreaterThan(1000);
    expect(found).toEqual([]);
  });
});
