import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EventActorDto, EventEnvelopeDto } from '../envelope/event-envelope.dto';
import type { EventEnvelope } from '../envelope/event-envelope';
import { typesOf, type EventContract } from '../events/event-contract';
import { ContractViolation } from './contract-violation';

function describe(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], `${path}.`)];
  });
}

// A tolerant reader: fields a newer producer adds are stripped, not refused; a missing or malformed field is refused.
function validateObject(target: object, prefix: string): string[] {
  return describe(validateSync(target, { whitelist: true }), prefix);
}

/**
 * The consumer edge: turns an untrusted message value into a typed envelope of the given contract, or throws
 * a ContractViolation listing every problem at once.
 */
export function parseEvent<TPayload extends object>(
  contract: EventContract<TPayload>,
  raw: unknown,
): EventEnvelope<TPayload> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ContractViolation(contract.topic, ['message value is not a JSON object']);
  }
  const envelope = plainToInstance(EventEnvelopeDto, raw);
  const rawActor = (raw as { actor?: unknown }).actor;
  if (rawActor !== null && typeof rawActor === 'object')
    envelope.actor = plainToInstance(EventActorDto, rawActor);
  const issues = validateObject(envelope, '');
  if (!typesOf(contract).includes(envelope.type)) {
    issues.push(`type: expected ${contract.type}, got ${String(envelope.type)}`);
  }
  if (envelope.version !== contract.version) {
    issues.push(`version: expected ${contract.version}, got ${String(envelope.version)}`);
  }
  const rawPayload = (raw as { payload?: unknown }).payload;
  const payload =
    rawPayload !== null && typeof rawPayload === 'object' && !Array.isArray(rawPayload)
      ? plainToInstance(contract.payloadClass, rawPayload)
      : undefined;
  if (payload) {
    issues.push(...validateObject(payload, 'payload.'));
  }
  if (issues.length > 0) {
    throw new ContractViolation(contract.topic, issues);
  }
  return { ...envelope, actor: { ...envelope.actor }, payload: payload as TPayload };
}
