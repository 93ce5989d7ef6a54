import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  UploadedFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApplicantOnly, CurrentApplicant, type Applicant } from '@oneseal/auth';
import { parseJsonField } from '@oneseal/service-kit';
import type { SubmittedApplicationDto } from '../applications/dto/submit-application.dto';
import {
  AttachmentUploadInterceptor,
  type UploadedPage,
} from '../case-files/attachments/attachment-upload.interceptor';
import type { AttachmentSummary } from '../case-files/attachments/attachments.service';
import { CaseFileError, CaseFileErrorCode } from '../case-files/case-files.errors';
import { AddAttachmentDto, CaseIdParam } from '../case-files/dto/case-file.dto';
import { ApplicantPagesService } from './applicant-pages.service';
import { OnlineApplicationDto } from './dto/online-application.dto';
import { OnlineFilingService } from './online-filing.service';
import { OnlineApplicationUploadInterceptor } from './pages-upload.interceptor';

/** 网上办事 for an applicant signed in with their mobile number: file online, and supply a 补正 online. */
@ApiTags('online filing')
@ApiBearerAuth()
@ApplicantOnly()
@Controller('applicant')
export class OnlineFilingController {
  constructor(
    private readonly filing: OnlineFilingService,
    private readonly pages: ApplicantPagesService,
  ) {}

  @Post('applications')
  @HttpCode(202)
  @UseInterceptors(OnlineApplicationUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时使用同一编号不会重复建件' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['application'],
      properties: {
        application: { type: 'string', description: 'OnlineApplicationDto 的 JSON' },
        page: { type: 'array', items: { type: 'string', format: 'binary' }, description: '材料扫描件或照片' },
      },
    },
  })
  @ApiOperation({
    summary:
      '网上申报：网办深度 3、4 的事项，本人或为近亲属（须授权委托书）在线填写申请表并上传每项必须材料，与窗口受理同样分派办理',
  })
  file(
    @CurrentApplicant() applicant: Applicant,
    @Body() body: { application?: unknown },
    @UploadedFiles() files: UploadedPage[] | undefined,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmittedApplicationDto> {
    const application = parseJsonField(body.application, OnlineApplicationDto, 'application');
    return this.filing.file(applicant, application, files ?? [], idempotencyKey?.trim() || undefined);
  }

  @Post('cases/:caseId/attachments')
  @HttpCode(201)
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '网上补正：补正期间，按补正告知书逐项上传材料（本人手机号码申请的办件）' })
  addCorrectionPage(
    @CurrentApplicant() applicant: Applicant,
    @Headers('authorization') authorization: string,
    @Param() { caseId }: CaseIdParam,
    @Body() body: AddAttachmentDto,
    @UploadedFile() file: UploadedPage | undefined,
  ): Promise<AttachmentSummary> {
    if (!file) throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_MISSING);
    return this.pages.addCorrectionPage(applicant, authorization, caseId, {
      materialName: body.materialName,
      fileName: file.originalname,
      content: file.buffer,
    });
  }

  @Get('cases/:caseId/attachments')
  @ApiOperation({ summary: '本人办件已收到的材料（名称、文件名、上传时间，不含内容）' })
  list(
    @CurrentApplicant() applicant: Applicant,
    @Param() { caseId }: CaseIdParam,
  ): Promise<AttachmentSummary[]> {
    return this.pages.pages(applicant, caseId);
  }
}
