/** A message that does not match its contract. It can never succeed, so it is dead-lettered, not retried. */
export class ContractViolation extends Error {
  constructor(
    readonly topic: string,
    readonly issues: readonly string[],
  ) {
    super(`message on ${topic} violates its contract: ${issues.join('; ')}`);
    this.name = 'ContractViolation';
  }
}
