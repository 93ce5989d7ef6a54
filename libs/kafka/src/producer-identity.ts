import { sign, verify, type KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { ensureSigningKeyPair, readPrivateKeyFile, readPublicKeyFile } from '@oneseal/auth';
import {
  canonicalJson,
  EVENT_PRODUCERS,
  producerOf,
  type EventContract,
  type ProducingService,
} from '@oneseal/contracts';

/** The Kafka headers that say which service published an event, and prove it. */
export const PRODUCER_HEADER = 'oneseal-producer';
export const SIGNATURE_HEADER = 'oneseal-signature';

/**
 * What is signed: the producer's name and the event as canonical JSON, so the proof survives the event being
 * parked and replayed (a dead letter is stored as jsonb, which does not keep key order).
 */
function signedBytes(producer: string, value: unknown): Buffer {
  return Buffer.from(`${producer}\n${canonicalJson(value)}`, 'utf8');
}

/** Signs what one service publishes with its own Ed25519 key (held by that service alone). */
export class EventSigner {
  constructor(
    readonly producer: ProducingService,
    private readonly privateKey: KeyObject,
  ) {
    if (privateKey.asymmetricKeyType !== 'ed25519')
      throw new Error(`the event signing key of ${producer} is not an Ed25519 private key`);
  }

  headersFor(value: string): Record<string, string> {
    const signature = sign(null, signedBytes(this.producer, JSON.parse(value)), this.privateKey);
    return { [PRODUCER_HEADER]: this.producer, [SIGNATURE_HEADER]: signature.toString('base64') };
  }
}

export type ProducerCheck = { verified: true } | { verified: false; reason: string };

/**
 * Checks on receipt that an event was published by the service its contract names as producer, with that
 * service's key: nobody who can write to Kafka (another service included) can pass off an event as intake's.
 */
export class ProducerVerifier {
  constructor(private readonly publicKeys: ReadonlyMap<string, KeyObject>) {}

  check(
    contract: EventContract<object>,
    value: unknown,
    headers: Readonly<Record<string, string>> | undefined,
  ): ProducerCheck {
    const expected = producerOf(contract);
    const claimed = headers?.[PRODUCER_HEADER];
    const signature = headers?.[SIGNATURE_HEADER];
    if (!claimed || !signature)
      return { verified: false, reason: `unsigned: no ${PRODUCER_HEADER} signature` };
    if (claimed !== expected)
      return { verified: false, reason: `${contract.type} is published by ${expected}, not ${claimed}` };
    const key = this.publicKeys.get(claimed);
    if (!key) return { verified: false, reason: `no public key known for ${claimed}` };
    let valid = false;
    try {
      valid = verify(null, signedBytes(claimed, value), key, Buffer.from(signature, 'base64'));
    } catch {
      valid = false;
    }
    return valid
      ? { verified: true }
      : { verified: false, reason: `signature of ${claimed} does not verify` };
  }
}

/** `<dir>/<service>.key` (private, that service only) and `<service>.pub`: the layout of the key folders. */
export const producerKeyFile = (dir: string, producer: string) => join(dir, `${producer}.key`);
export const producerPublicKeyFile = (dir: string, producer: string) => join(dir, `${producer}.pub`);

export function readEventSigningKey(file: string): KeyObject {
  return readPrivateKeyFile(file, 'event signing key');
}

/** Every producer's public key from a folder holding `<service>.pub` for each; a missing one is a boot error. */
export function readProducerPublicKeys(dir: string): Map<string, KeyObject> {
  return new Map(
    EVENT_PRODUCERS.map((producer) => [
      producer,
      readPublicKeyFile(producerPublicKeyFile(dir, producer), `public key of ${producer}`),
    ]),
  );
}

/**
 * Creates the key pair of each producer that has none: private keys in `privateDir` (each handed to its service
 * alone), public keys in `publicDir` (handed to every consumer). Existing keys are kept.
 */
export function ensureProducerKeys(privateDir: string, publicDir: string): ProducingService[] {
  return EVENT_PRODUCERS.filter((producer) =>
    ensureSigningKeyPair({
      privateKeyFile: producerKeyFile(privateDir, producer),
      publicKeyFile: producerPublicKeyFile(publicDir, producer),
    }),
  );
}
