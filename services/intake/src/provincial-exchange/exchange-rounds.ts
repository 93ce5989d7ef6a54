import type { DataSource } from 'typeorm';
import { ExchangeFailure, type ProvincialExchangeClient } from './exchange-client';
import type { GuideRecord, StageRecord } from './exchange-api';
import type { ExchangeLogger, ProvincialApplicationIntake } from './provincial-applications';
import { retryDelay, type ProvincialPushQueue } from './provincial-push-queue';

export interface RoundSettings {
  batch: number;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Guides change seldom: their versions are looked for once in this many rounds. */
  guideEveryRounds: number;
}

export interface RoundResult {
  guidesQueued: number;
  sent: number;
  failed: number;
  applicationsTaken: number;
  answersTaken: number;
}

/**
 * One round of the exchange: new guide versions queued, due pushes sent (each retried with growing waits while
 * the province cannot take it, kept as refused when it says no), applications pulled for every county, answers sent.
 */
export class ExchangeRounds {
  private round = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ProvincialPushQueue,
    private readonly client: ProvincialExchangeClient,
    private readonly applications: ProvincialApplicationIntake,
    private readonly settings: RoundSettings,
    private readonly logger: ExchangeLogger,
  ) {}

  async runOnce(): Promise<RoundResult> {
    const guidesQueued =
      this.round++ % this.settings.guideEveryRounds === 0 ? await this.queue.queueGuides() : 0;
    const { sent, failed } = await this.sendDue();
    let applicationsTaken = 0;
    for (const county of await this.counties()) applicationsTaken += await this.applications.pull(county);
    const answersTaken = await this.applications.answerDue();
    return { guidesQueued, sent, failed, applicationsTaken, answersTaken };
  }

  private async sendDue(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const due = await this.queue.takeDue(this.settings.batch, this.settings.leaseMs);
      if (!due.length) break;
      let struggling = false;
      // Marked together once the batch is through (or stops): one statement instead of one per push. One sent but not
      // marked (the service stopped between) is sent again after its lease: the province keeps a record once.
      const taken: { key: string; reference: string }[] = [];
      try {
        for (const [index, push] of due.entries()) {
          try {
            const receipt =
              push.kind === 'guide'
                ? await this.client.publishGuide(push.body as GuideRecord)
                : await this.client.pushStage(push.body as StageRecord);
            taken.push({ key: push.key, reference: receipt.reference ?? '' });
            sent += 1;
          } catch (error) {
            failed += 1;
            const message = error instanceof Error ? error.message : String(error);
            if (error instanceof ExchangeFailure && !error.retryable) {
              this.logger.warn(`the province refused ${push.key}: ${message}`);
              await this.queue.markRefused(push.key, message);
              continue;
            }
            // The province is down or slow: the rest of the batch waits for the next round instead of timing out too.
            const delay = retryDelay(push.attempts, this.settings.retryBaseMs, this.settings.retryMaxMs);
            await this.queue.markToRetry(push.key, message, delay);
            await this.queue.release(due.slice(index + 1).map((rest) => rest.key));
            struggling = true;
            break;
          }
        }
      } catch (error) {
        // What went wrong first is what the round reports; the pushes the province took are marked all the same.
        await this.queue
          .markSent(taken)
          .catch((markError: unknown) =>
            this.logger.warn(`could not mark ${taken.length} pushes sent: ${String(markError)}`),
          );
        throw error;
      }
      await this.queue.markSent(taken);
      if (struggling || due.length < this.settings.batch) break;
    }
    return { sent, failed };
  }

  private async counties(): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT code FROM intake.counties ORDER BY code`)) as {
      code: string;
    }[];
    return rows.map((row) => row.code);
  }
}
