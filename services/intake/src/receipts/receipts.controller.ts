import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthError, AuthErrorCode, CurrentUser, type AuthUser } from '@oneseal/auth';
import { normaliseTypedCode, PROGRESS_QUERY_CODE_GROUPS } from '@oneseal/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsString, MaxLength } from 'class-validator';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CaseAccessClient } from '../case-files/case-access.client';
import { CaseFileError, CaseFileErrorCode } from '../case-files/case-files.errors';
import { CaseIdParam } from '../case-files/dto/case-file.dto';
import { progressUrl, qrSvg } from './receipt-qr';

export const PUBLIC_BASE_URL = Symbol('PUBLIC_BASE_URL');

export class ReceiptRequestDto {
  @ApiProperty({ description: '申请时生成的查询码（打印在回执上）' })
  @IsString()
  @MaxLength(40)
  queryCode!: string;
}

export interface ReceiptCode {
  /** The public progress page the QR code opens; null when no public address is configured. */
  progressUrl: string | null;
  qrSvg: string | null;
}

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The QR code of a 受理回执: the public progress page with the receipt number and 查询码. The code travels in the body,
 * never in a URL (request logs), and is checked against the case's own, so only a real receipt gets a code.
 */
@ApiTags('receipts')
@ApiBearerAuth()
@Controller('applications/:caseId/receipt-code')
export class ReceiptsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessClient,
    @Inject(PUBLIC_BASE_URL) private readonly publicBaseUrl: string | null,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: '受理回执上的二维码：扫码凭办件编号和查询码查询办理进度（经办人、受理窗口）' })
  async code(
    @CurrentUser() user: AuthUser,
    @Headers('authorization') authorization: string,
    @Param() { caseId }: CaseIdParam,
    @Body() body: ReceiptRequestDto,
  ): Promise<ReceiptCode> {
    const [application] = (await this.dataSource.query(
      `SELECT receipt_number AS "receiptNumber", progress_query_code AS "queryCode", filed_by AS "filedBy"
         FROM intake.applications WHERE id = $1`,
      [caseId],
    )) as { receiptNumber: string | null; queryCode: string | null; filedBy: string | null }[];
    if (!application) throw new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND);
    if (
      application.filedBy !== user.id &&
      !(await this.access.allowance(authorization, caseId))['supply-correction']
    )
      throw new AuthError(AuthErrorCode.OUT_OF_SCOPE, { caseId });
    const asked = normaliseTypedCode(body.queryCode, PROGRESS_QUERY_CODE_GROUPS);
    if (!asked || !application.queryCode || !application.receiptNumber || !same(asked, application.queryCode))
      throw new CaseFileError(CaseFileErrorCode.CASE_NOT_FOUND);
    if (!this.publicBaseUrl) return { progressUrl: null, qrSvg: null };
    const url = progressUrl(this.publicBaseUrl, application.receiptNumber, application.queryCode);
    return { progressUrl: url, qrSvg: await qrSvg(url) };
  }
}
