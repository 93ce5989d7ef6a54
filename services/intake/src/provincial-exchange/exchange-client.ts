import { randomUUID } from 'node:crypto';
import {
  exchangeSignature,
  type ApplicationAnswer,
  type ApplicationsPage,
  type GuideRecord,
  type StageRecord,
} from './exchange-api';

export interface ExchangeConnection {
  /** e.g. https://zwfw.shanxi.gov.cn/exchange (no trailing slash needed). */
  url: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

/**
 * A call the province did not take. `retryable`: it may succeed later (no answer, 5xx, 429, a signature refused for
 * the clock); otherwise the province refused what was sent and sending it again cannot help.
 */
export class ExchangeFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ExchangeFailure';
  }
}

/** The province's answer, acknowledging a push: its own reference of what it stored. */
export interface PushReceipt {
  reference: string;
}

/** Talks to the province's exchange over HTTPS with signed requests; knows nothing of Nest or the database. */
export class ProvincialExchangeClient {
  constructor(private readonly connection: ExchangeConnection) {}

  publishGuide(guide: GuideRecord): Promise<PushReceipt> {
    return this.call<PushReceipt>('PUT', `/api/v1/guides/${encodeURIComponent(guide.matterCode)}`, guide);
  }

  pushStage(stage: StageRecord): Promise<PushReceipt> {
    return this.call<PushReceipt>('POST', '/api/v1/case-stages', stage);
  }

  pullApplications(county: string, after: string | null, limit: number): Promise<ApplicationsPage> {
    const query = new URLSearchParams({ county, limit: String(limit), ...(after ? { after } : {}) });
    return this.call<ApplicationsPage>('GET', `/api/v1/applications?${query.toString()}`);
  }

  answerApplication(applicationId: string, answer: ApplicationAnswer): Promise<PushReceipt> {
    return this.call<PushReceipt>(
      'POST',
      `/api/v1/applications/${encodeURIComponent(applicationId)}/answer`,
      answer,
    );
  }

  private async call<T>(method: 'GET' | 'PUT' | 'POST', path: string, payload?: unknown): Promise<T> {
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = String(Date.now());
    const nonce = randomUUID();
    const signature = exchangeSignature(this.connection.appSecret, { method, path, timestamp, nonce, body });
    let response: Response;
    try {
      response = await fetch(`${this.connection.url.replace(/\/$/, '')}${path}`, {
        method,
        headers: {
          'x-app-id': this.connection.appId,
          'x-timestamp': timestamp,
          'x-nonce': nonce,
          'x-signature': signature,
          ...(body ? { 'content-type': 'application/json;charset=utf-8' } : {}),
        },
        ...(body ? { body } : {}),
        signal: AbortSignal.timeout(this.connection.timeoutMs),
      });
    } catch (error) {
      throw new ExchangeFailure(
        `no answer from the provincial exchange (${error instanceof Error ? error.message : String(error)})`,
        true,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      const said = provinceMessage(text);
      const retryable = response.status >= 500 || response.status === 429 || response.status === 401;
      throw new ExchangeFailure(
        `the provincial exchange answered HTTP ${response.status}${said ? `: ${said}` : ''}`,
        retryable,
        response.status,
      );
    }
    try {
      return (text ? JSON.parse(text) : {}) as T;
    } catch {
      throw new ExchangeFailure('the provincial exchange answered something other than JSON', true);
    }
  }
}

/** The province's own words for a refusal ({ code, message }), kept for the staff who look into it. */
function provinceMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { code?: unknown; message?: unknown };
    return [parsed.code, parsed.message].filter((part) => typeof part === 'string').join(' ');
  } catch {
    return text.slice(0, 200);
  }
}
