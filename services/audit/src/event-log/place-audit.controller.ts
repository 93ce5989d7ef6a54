import { Controller, Get, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { PlaceQuery } from '@oneseal/service-kit';
import { PlaceEventsQuery } from './dto/place-events.query';
import { EventLogService } from './event-log.service';
import { PlaceVerificationService } from './place-verification.service';
import { CodedError, assertUnreachable } from '@oneseal/errors';
import type { Response } from 'express';

export enum AuditErrorCode {
  PERIOD_INVALID = 'AUDIT.PERIOD_INVALID',
  VERIFICATION_RUN_NOT_FOUND = 'AUDIT.VERIFICATION_RUN_NOT_FOUND',
}

const AUDIT_ERROR_MESSAGES: Record<AuditErrorCode, string> = {
  [AuditErrorCode.PERIOD_INVALID]: '回放期间有误：开始日期不能晚于结束日期，且一次最多回放 366 天',
  [AuditErrorCode.VERIFICATION_RUN_NOT_FOUND]: '没有找到这次核验的记录，请从核验记录列表中重新打开',
};

export class AuditError extends CodedError<AuditErrorCode> {
  constructor(code: AuditErrorCode) {
    super(code, AUDIT_ERROR_MESSAGES[code]);
  }

  get httpStatus(): HttpStatus {
    switch (this.code) {
      case AuditErrorCode.PERIOD_INVALID:
        return HttpStatus.UNPROCESSABLE_ENTITY;
      case AuditErrorCode.VERIFICATION_RUN_NOT_FOUND:
        return HttpStatus.NOT_FOUND;
      default:
        return assertUnreachable(this.code);
    }
  }
}

/** The whole record of a town or the county: replayed in the order it was recorded, and every chain verified. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@Roles('auditor', 'supervisor', 'admin')
export class PlaceAuditController {
  constructor(
    private readonly log: EventLogService,
    private readonly places: PlaceVerificationService,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: '回放一个乡镇或全县在一段时间内的全部事件（按记录顺序，分页）：谁、何时、做了什么',
  })
  async events(
    @CurrentUser() user: AuthUser,
    @Query() query: PlaceEventsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    assertReachesPlace(user, query);
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (!(days >= 0 && days < 366)) throw new AuditError(AuditErrorCode.PERIOD_INVALID);
    const page = await this.log.inPlace(query);
    // The page is JSON already (PostgreSQL wrote it): sent as it is, not as a string.
    response.type('application/json');
    return page;
  }

  @Get('verification')
  @ApiOperation({ summary: '核验一个乡镇或全县的全部事件链：列出被篡改、删除或调换的办件' })
  verification(@CurrentUser() user: AuthUser, @Query() place: PlaceQuery) {
    assertReachesPlace(user, place);
    return this.places.verifyPlace({ county: place.county, town: place.town });
  }
}
