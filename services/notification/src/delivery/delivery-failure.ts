/**
 * Why a provider did not take a message. Retryable: the same message may go through later (rate limits, the
 * provider down, a timeout). Permanent: it never will (an invalid number, a rejected template), so trying again
 * would only repeat the failure.
 */
export class DeliveryFailure extends Error {
  constructor(
    readonly retryable: boolean,
    /** Stable: ours (NOTIFICATION.…) or the provider's own error code. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }

  static retryable(code: string, message: string): DeliveryFailure {
    return new DeliveryFailure(true, code, message);
  }

  static permanent(code: string, message: string): DeliveryFailure {
    return new DeliveryFailure(false, code, message);
  }
}

/** Whatever a provider threw, as a DeliveryFailure: an unexpected error may well pass next time. */
export function asDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof DeliveryFailure) return error;
  return DeliveryFailure.retryable(
    'NOTIFICATION.PROVIDER_ERROR',
    error instanceof Error ? error.message : String(error),
  );
}
