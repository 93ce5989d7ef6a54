import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CodedError } from '@oneseal/errors';
import { validationErrorsToException } from '@oneseal/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import type { Application } from '../applications/application.entity';
import { OnlineApplicationDto } from '../online-filing/dto/online-application.dto';
import type { OnlineFilingService } from '../online-filing/online-filing.service';
import type { ApplicationAnswer } from './exchange-api';
import type { ProvincialExchangeClient } from './exchange-client';
import { ProvincialApplicationDto } from './provincial-application.dto';
import { retryDelay } from './provincial-push-queue';

/** Decline codes sent back to the province beside the message (the filing's own codes for what it refused). */
export const MALFORMED_APPLICATION = 'EXCHANGE.APPLICATION_MALFORMED';
export const UNPROCESSABLE_APPLICATION = 'EXCHANGE.APPLICATION_UNPROCESSABLE';

/**
 * Tries of one application failing for a reason of ours, and for how long at least, before it is declined and set
 * aside: the pull retries every few seconds, so tries alone would turn an applicant away over a minute's outage.
 */
export const MAX_TRIES_OF_ONE_APPLICATION = 5;
export const STUCK_AT_LEAST = '1 hour';

export interface PullSettings {
  pageSize: number;
  leaseMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export interface ExchangeLogger {
  warn(message: string): void;
  log(message: string): void;
}

interface Decline {
  code: string;
  reason: string;
}

/**
 * 一网通办 applications coming in: pulled from the province county by county, each filed as a case through every
 * check an online filing passes (or declined with the reason in the window's words), noted against the province's
 * number so that a page pulled twice files nothing twice, and answered back to the province until it takes the answer.
 */
export class ProvincialApplicationIntake {
  constructor(
    private readonly dataSource: DataSource,
    private readonly filing: OnlineFilingService,
    private readonly client: ProvincialExchangeClient,
    private readonly settings: PullSettings,
    private readonly logger: ExchangeLogger,
  ) {}

  /** One pull for the county (if no other replica is pulling it now); answers how many applications were new. */
  async pull(county: string): Promise<number> {
    const cursor = await this.lease(county);
    if (cursor === undefined) return 0;
    let taken = 0;
    try {
      const page = await this.client.pullApplications(county, cursor, this.settings.pageSize);
      for (const item of page.items) if (await this.takeInOrSetAside(county, item)) taken += 1;
      await this.release(county, page.next ?? cursor, null);
    } catch (error) {
      // The cursor stays: what was taken in before the failure is known by its number and skipped next time.
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`pulling applications of ${county} from the province failed: ${message}`);
      await this.release(county, cursor, message);
    }
    return taken;
  }

  /** Sends the answers the province has not taken yet; answers how many it took. */
  async answerDue(limit = 20): Promise<number> {
    const [due] = (await this.dataSource.query(
      `UPDATE intake.provincial_applications a
          SET answer_attempts = a.answer_attempts + 1,
              answer_due_at = now() + ($2 || ' milliseconds')::interval
        WHERE a.application_id IN (
          SELECT application_id FROM intake.provincial_applications
           WHERE answered_at IS NULL AND answer_due_at <= now()
           ORDER BY answer_due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING a.application_id AS "applicationId", a.status, (SELECT receipt_number FROM intake.applications WHERE id = a.case_id) AS "receiptNumber",
                  a.decline_code AS "declineCode", a.decline_reason AS "declineReason",
                  a.received_at AS "receivedAt", a.answer_attempts AS attempts`,
      [limit, String(this.settings.leaseMs)],
    )) as [
      {
        applicationId: string;
        status: 'filed' | 'declined';
        receiptNumber: string | null;
        declineCode: string | null;
        declineReason: string | null;
        receivedAt: Date;
        attempts: number;
      }[],
      number,
    ];
    let answered = 0;
    for (const row of due) {
      const receivedAt = new Date(row.receivedAt).toISOString();
      const answer: ApplicationAnswer =
        row.status === 'filed'
          ? { status: 'received', caseNumber: row.receiptNumber ?? '', receivedAt }
          : {
              status: 'declined',
              reasonCode: row.declineCode ?? MALFORMED_APPLICATION,
              reason: row.declineReason ?? '',
              receivedAt,
            };
      try {
        await this.client.answerApplication(row.applicationId, answer);
        await this.dataSource.query(
          `UPDATE intake.provincial_applications SET answered_at = now(), last_error = NULL WHERE application_id = $1`,
          [row.applicationId],
        );
        answered += 1;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const delay = retryDelay(row.attempts, this.settings.retryBaseMs, this.settings.retryMaxMs);
        await this.dataSource.query(
          `UPDATE intake.provincial_applications
              SET last_error = $2, answer_due_at = now() + ($3 || ' milliseconds')::interval
            WHERE application_id = $1`,
          [row.applicationId, message, String(delay)],
        );
      }
    }
    return answered;
  }

  /**
   * Takes one application in; when it fails for a reason of ours, it is counted against the county's cursor and thrown
   * (the pull stops and it comes again) until it has failed MAX_TRIES times over at least STUCK_AT_LEAST — then it is
   * declined and the pull goes on, so one application that cannot be filed never holds up the county's later ones for
   * long, and an outage of ours never declines one.
   */
  private async takeInOrSetAside(county: string, item: unknown): Promise<boolean> {
    try {
      return await this.takeIn(item);
    } catch (error) {
      const applicationId = applicationIdOf(item) ?? '';
      const [rows] = (await this.dataSource.query(
        `UPDATE intake.provincial_pull_cursors
            SET stuck_attempts = CASE WHEN stuck_application = $2 THEN stuck_attempts + 1 ELSE 1 END,
                stuck_since = CASE WHEN stuck_application = $2 THEN coalesce(stuck_since, now()) ELSE now() END,
                stuck_application = $2
          WHERE county = $1
          RETURNING stuck_attempts >= $3 AND stuck_since <= now() - $4::interval AS "setAside"`,
        [county, applicationId, MAX_TRIES_OF_ONE_APPLICATION, STUCK_AT_LEAST],
      )) as [{ setAside: boolean }[], number];
      if (!rows[0]?.setAside) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `provincial application ${applicationId} failed for ${STUCK_AT_LEAST} and more, set aside: ${message}`,
      );
      await this.decline(applicationId, item, {
        code: UNPROCESSABLE_APPLICATION,
        reason: '该申请多次尝试仍无法受理（系统原因），已退回，请申请人重新提交或到便民服务中心窗口办理',
      });
      return true;
    }
  }

  /**
   * Files one application, or declines it; false when it was taken in before. Anything but a refusal of what was
   * sent (the database or another service down) is thrown, so the pull stops and the application comes again.
   */
  private async takeIn(item: unknown): Promise<boolean> {
    const applicationId = applicationIdOf(item);
    if (!applicationId) {
      this.logger.warn('the province sent an application without its number: it cannot be answered, skipped');
      return false;
    }
    const [known] = (await this.dataSource.query(
      `SELECT 1 FROM intake.provincial_applications WHERE application_id = $1`,
      [applicationId],
    )) as unknown[];
    if (known) return false;

    const checked = await checkedApplication(item);
    if ('code' in checked) {
      await this.decline(applicationId, item, checked);
      return true;
    }
    const { wire, dto } = checked;
    const files = wire.pages.map((page) => ({
      originalname: page.fileName,
      buffer: Buffer.from(page.contentBase64, 'base64'),
    }));
    try {
      const filed = await this.filing.fileAs(
        {
          phone: wire.applicant.phone,
          channel: 'provincial-portal',
          limitPerDay: false,
          alsoStore: (manager, application) => noteFiled(manager, applicationId, application),
        },
        dto,
        files,
        `province:${applicationId}`,
      );
      this.logger.log(`provincial application ${applicationId} filed as ${filed.receiptNumber}`);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      await this.decline(applicationId, item, declineOf(error));
    }
    return true;
  }

  private async decline(applicationId: string, item: unknown, decline: Decline): Promise<void> {
    const place = item as { county?: unknown; town?: unknown; matterCode?: unknown };
    const text = (value: unknown, length: number) =>
      typeof value === 'string' ? value.slice(0, length) : '';
    await this.dataSource.query(
      `INSERT INTO intake.provincial_applications
         (application_id, county, town, matter_code, status, decline_code, decline_reason)
       VALUES ($1, $2, $3, $4, 'declined', $5, $6)
       ON CONFLICT (application_id) DO NOTHING`,
      [
        applicationId,
        /^\d{6}$/.test(text(place.county, 6)) ? place.county : '000000',
        text(place.town, 40),
        text(place.matterCode, 64),
        decline.code,
        decline.reason,
      ],
    );
    this.logger.warn(`provincial application ${applicationId} declined: ${decline.code}`);
  }

  /** The county's cursor if this replica may pull it now (undefined while another holds the lease). */
  private async lease(county: string): Promise<string | null | undefined> {
    await this.dataSource.query(
      `INSERT INTO intake.provincial_pull_cursors (county) VALUES ($1) ON CONFLICT (county) DO NOTHING`,
      [county],
    );
    const rows = (await this.dataSource.query(
      `UPDATE intake.provincial_pull_cursors
          SET leased_until = now() + ($2 || ' milliseconds')::interval
        WHERE county = $1 AND (leased_until IS NULL OR leased_until < now())
        RETURNING cursor`,
      [county, String(this.settings.leaseMs)],
    )) as [{ cursor: string | null }[], number];
    const [updated] = rows;
    return updated.length ? updated[0].cursor : undefined;
  }

  private async release(county: string, cursor: string | null, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake.provincial_pull_cursors
          SET cursor = $2, leased_until = NULL, last_error = $3,
              pulled_at = CASE WHEN $3::text IS NULL THEN now() ELSE pulled_at END
        WHERE county = $1`,
      [county, cursor, error],
    );
  }
}

async function noteFiled(
  manager: EntityManager,
  applicationId: string,
  application: Application,
): Promise<void> {
  await manager.query(
    `INSERT INTO intake.provincial_applications
       (application_id, county, town, matter_code, status, case_id)
     VALUES ($1, $2, $3, $4, 'filed', $5)`,
    [applicationId, application.county, application.town, application.matterCode, application.id],
  );
}

function applicationIdOf(item: unknown): string | undefined {
  const id = (item as { applicationId?: unknown } | null)?.applicationId;
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(id) ? id : undefined;
}

/**
 * The province's application checked field by field: first its own envelope (number, applicant's phone, pages),
 * then the same application an applicant would send on OneSeal's portal, with the same rules and messages.
 */
async function checkedApplication(
  item: unknown,
): Promise<{ wire: ProvincialApplicationDto; dto: OnlineApplicationDto } | Decline> {
  const wire = plainToInstance(ProvincialApplicationDto, item);
  const wireProblems = await validate(wire);
  if (wireProblems.length) return malformed(wireProblems);
  const dto = plainToInstance(OnlineApplicationDto, {
    county: wire.county,
    town: wire.town,
    matterCode: wire.matterCode,
    applicantName: wire.applicant.name,
    applicantIdNumber: wire.applicant.idNumber,
    ...(wire.formData ? { formData: wire.formData } : {}),
    deliveryMethod: wire.deliveryMethod,
    ...(wire.deliveryAddress ? { deliveryAddress: wire.deliveryAddress } : {}),
    ...(wire.onBehalf ? { onBehalf: wire.onBehalf } : {}),
    pageMaterials: wire.pages.map((page) => page.materialName),
  });
  const problems = await validate(dto);
  if (problems.length) return malformed(problems);
  return { wire, dto };
}

function malformed(errors: Parameters<typeof validationErrorsToException>[0]): Decline {
  const response = validationErrorsToException(errors).getResponse() as {
    message: string;
    problems: { message: string }[];
  };
  return {
    code: MALFORMED_APPLICATION,
    reason: `申请信息不完整或有误：${response.problems.map((problem) => problem.message).join('；')}`,
  };
}

/** A refusal of what was sent (4xx), as opposed to something of ours being down. */
function isRefusal(error: unknown): error is CodedError<string> {
  return error instanceof CodedError && error.httpStatus >= 400 && error.httpStatus < 500;
}

/** The window's own message, with the facts it lists (what is missing, which form fields are wrong). */
function declineOf(error: CodedError<string>): Decline {
  const details = error.details ?? {};
  const listed = [
    ...(Array.isArray(details.notUploaded) ? (details.notUploaded as string[]) : []),
    ...(Array.isArray(details.problems)
      ? (details.problems as { label?: string; message?: string }[]).map((problem) =>
          [problem.label, problem.message].filter(Boolean).join('：'),
        )
      : []),
  ];
  return {
    code: error.code,
    reason: listed.length ? `${error.message}（${listed.join('；')}）` : error.message,
  };
}
