import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicationSubmittedV1 } from '@oneseal/contracts';
import { enqueueEvent } from '@oneseal/database';
import { DataSource } from 'typeorm';
import { MatterOfferingService } from '../catalogue/matter-offering.service';
import { INTAKE_SCHEMA } from '../config/intake.env';
import { Application } from './application.entity';
import { IntakeError, IntakeErrorCode } from './applications.errors';
import type { SubmitApplicationDto, SubmittedApplicationDto } from './dto/submit-application.dto';

function fingerprint(dto: SubmitApplicationDto): string {
  const canonical = JSON.stringify(Object.entries(dto).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(canonical).digest('hex');
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offering: MatterOfferingService,
  ) {}

  /**
   * Records the application and its ApplicationSubmitted event in one transaction. With an idempotency key,
   * a retry returns the case the first attempt created instead of creating a second one.
   */
  async submitApplication(
    dto: SubmitApplicationDto,
    idempotencyKey?: string,
  ): Promise<SubmittedApplicationDto> {
    const requestFingerprint = fingerprint(dto);
    if (idempotencyKey) {
      const earlier = await this.findByIdempotencyKey(dto.county, idempotencyKey);
      if (earlier) return this.replay(earlier, requestFingerprint);
    }
    const matter = await this.offering.check(dto);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const application = manager.create(Application, {
          id: randomUUID(),
          county: dto.county,
          town: dto.town,
          villageCode: dto.villageCode ?? null,
          matterCode: matter.code,
          matterName: matter.name,
          matterVersion: matter.version,
          channel: dto.channel,
          applicantName: dto.applicantName,
          idempotencyKey: idempotencyKey ?? null,
          requestFingerprint,
          submittedAt: new Date(),
        });
        await manager.insert(Application, application);
        await enqueueEvent(manager, INTAKE_SCHEMA, applicationSubmittedV1, {
          subject: application.id,
          county: application.county,
          town: application.town,
          actor: { kind: 'service', id: 'intake' },
          correlationId: application.id,
          payload: {
            caseId: application.id,
            matterCode: matter.code,
            matterName: matter.name,
            matterVersion: matter.version,
            matterLevel: matter.level,
            handlingMode: matter.handlingMode,
            delegatingUnit: matter.delegatingUnit ?? undefined,
            countyUnitCode: matter.unitCode,
            channel: application.channel,
            applicantName: application.applicantName,
            villageCode: application.villageCode ?? undefined,
            submittedAt: application.submittedAt.toISOString(),
          },
        });
        return {
          caseId: application.id,
          status: 'submitted' as const,
          submittedAt: application.submittedAt.toISOString(),
          replayed: false,
        };
      });
    } catch (error) {
      // Two concurrent retries with one key: the loser answers with the winner's case.
      const earlier =
        idempotencyKey && isUniqueViolation(error)
          ? await this.findByIdempotencyKey(dto.county, idempotencyKey)
          : null;
      if (earlier) return this.replay(earlier, requestFingerprint);
      throw error;
    }
  }

  private findByIdempotencyKey(county: string, idempotencyKey: string): Promise<Application | null> {
    return this.dataSource.getRepository(Application).findOneBy({ county, idempotencyKey });
  }

  private replay(earlier: Application, requestFingerprint: string): SubmittedApplicationDto {
    if (earlier.requestFingerprint !== requestFingerprint)
      throw new IntakeError(IntakeErrorCode.IDEMPOTENCY_KEY_REUSED);
    return {
      caseId: earlier.id,
      status: 'submitted',
      submittedAt: earlier.submittedAt.toISOString(),
      replayed: true,
    };
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { driverError?: { code?: string } }).driverError?.code === '23505'
  );
}
