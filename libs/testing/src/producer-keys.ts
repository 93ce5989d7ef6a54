import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProducingService } from '@oneseal/contracts';
import {
  ensureProducerKeys,
  EventSigner,
  producerKeyFile,
  ProducerVerifier,
  readEventSigningKey,
  readProducerPublicKeys,
} from '@oneseal/kafka';

/** Every producer's event signing key pair, made once per test process in a temporary folder. */
export interface TestProducerKeys {
  privateDir: string;
  publicDir: string;
  signer(producer: ProducingService): EventSigner;
  verifier(): ProducerVerifier;
  /** The env a service booted by a test needs to sign as `producer` and to check what it consumes. */
  env(producer?: ProducingService): Record<string, string>;
}

let keys: TestProducerKeys | undefined;

export function testProducerKeys(): TestProducerKeys {
  if (keys) return keys;
  const folder = mkdtempSync(join(tmpdir(), 'oneseal-producer-keys-'));
  const privateDir = join(folder, 'private');
  const publicDir = join(folder, 'public');
  ensureProducerKeys(privateDir, publicDir);
  keys = {
    privateDir,
    publicDir,
    signer: (producer) =>
      new EventSigner(producer, readEventSigningKey(producerKeyFile(privateDir, producer))),
    verifier: () => new ProducerVerifier(readProducerPublicKeys(publicDir)),
    env: (producer) => ({
      EVENT_PRODUCER_KEYS_DIR: publicDir,
      ...(producer ? { EVENT_SIGNING_KEY_FILE: producerKeyFile(privateDir, producer) } : {}),
    }),
  };
  return keys;
}

/**
 * Signs as one of the running local system's producers (the keys `npm start` made under its state folder): for
 * end-to-end tests that put a message on Kafka the way that service would.
 */
export function localSystemSigner(producer: ProducingService): EventSigner {
  const state = process.env.ONESEAL_STATE ?? join(__dirname, '../../../.oneseal');
  return new EventSigner(
    producer,
    readEventSigningKey(producerKeyFile(join(state, 'keys', 'event-signing'), producer)),
  );
}
