import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRoutingEnv } from './routing.env';

const keyDir = mkdtempSync(join(tmpdir(), 'routing-env-'));
const publicKeyFile = join(keyDir, 'auth.pub');
writeFileSync(
  publicKeyFile,
  generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }),
);
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

/** An environment routing would start with but for the stack-trace setting given. */
const environmentWith = (stackTraces: string | undefined) => ({
  DATABASE_URL: 'postgres://u@127.0.0.1:5432/d',
  KAFKA_BROKERS: '127.0.0.1:9092',
  HTTP_PORT: '3102',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  AUTH_PUBLIC_KEY_FILE: publicKeyFile,
  AUTH_SESSION_URL: 'http://127.0.0.1:3107',
  INTAKE_URL: 'http://127.0.0.1:3101',
  SEAL_URL: 'http://127.0.0.1:3104',
  APPLICANT_LOOKUP_KEY: 'ab'.repeat(32),
  ...(stackTraces === undefined ? {} : { WORKFLOW_STACK_TRACES: stackTraces }),
});

/** What routing says about its environment when it refuses to start, or '' when it starts. */
function refusal(stackTraces: string | undefined): string {
  try {
    loadRoutingEnv(environmentWith(stackTraces));
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe("WORKFLOW_STACK_TRACES: the SDK's stack of every promise of a case's workflow", () => {
  it('is off when unset, takes on or off, and refuses to start with anything else', () => {
    expect(refusal(undefined)).toBe('');
    expect(loadRoutingEnv(environmentWith(undefined)).WORKFLOW_STACK_TRACES).toBeUndefined();
    expect(refusal('yes')).toMatch(/WORKFLOW_STACK_TRACES must be on or off/);
    expect(refusal('on')).toBe('');
    expect(refusal('off')).toBe('');
  });
});
