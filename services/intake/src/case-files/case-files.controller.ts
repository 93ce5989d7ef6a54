import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@oneseal/auth';
import type { Response } from 'express';
import type { ApplicationView } from './application-view';
import { AttachmentUploadInterceptor, type UploadedPage } from './attachments/attachment-upload.interceptor';
import { AttachmentsService, type AttachmentSummary } from './attachments/attachments.service';
import { uploadStage, type CaseStanding } from './attachments/upload-stage';
import { CaseAccessClient } from './case-access.client';
import { CaseFileError, CaseFileErrorCode } from './case-files.errors';
import { CaseFilesService } from './case-files.service';
import { AddAttachmentDto, AttachmentParams, CaseIdParam } from './dto/case-file.dto';

/**
 * 案卷: the application of a case, its 申请表 and its pages, for everyone whose role and place reach the case (the
 * case's access rule is routing's: asked with the reader's own token). The full ID number, phone and account only for
 * those who work the case with the applicant, each view on the record.
 */
@ApiTags('case files')
@ApiBearerAuth()
@Controller('applications/:caseId')
export class CaseFilesController {
  constructor(
    private readonly access: CaseAccessClient,
    private readonly caseFiles: CaseFilesService,
    private readonly attachments: AttachmentsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '案卷：申请人、代办与委托、事项、申请表、材料清单（收到的份数、已上传页面、缺少的材料）、送达、受理渠道与经办人',
  })
  async read(
    @CurrentUser() user: AuthUser,
    @Headers('authorization') authorization: string,
    @Param() { caseId }: CaseIdParam,
  ): Promise<ApplicationView> {
    const allowance = await this.access.assertMayView(authorization, caseId);
    return this.caseFiles.read(user, caseId, allowance['read-personal-data']);
  }

  @Post('attachments')
  @HttpCode(201)
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'materialName'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF、JPG、PNG 或 OFD，不超过 10 MB' },
        materialName: { type: 'string' },
      },
    },
  })
  @ApiOperation({
    summary:
      '上传材料页面（扫描件、照片、PDF），归入办事指南中的一项材料（受理窗口、帮办代办员）；受理时、补正时或窗口扫描由办件所处阶段确定',
  })
  async add(
    @CurrentUser() user: AuthUser,
    @Headers('authorization') authorization: string,
    @Param() { caseId }: CaseIdParam,
    @Body() body: AddAttachmentDto,
    @UploadedFile() file: UploadedPage | undefined,
  ): Promise<AttachmentSummary> {
    if (!file) throw new CaseFileError(CaseFileErrorCode.ATTACHMENT_MISSING);
    const isFiler = (await this.caseFiles.filerOf(caseId)) === user.id;
    const standing = await this.standingOf(authorization, caseId, isFiler);
    const stage = uploadStage(isFiler, standing);
    return this.attachments.add(
      caseId,
      {
        materialName: body.materialName,
        fileName: file.originalname,
        content: file.buffer,
        stage,
      },
      user,
      // A 补正's pages go under what the reviewer asked for, which the guide may not list as such.
      stage === 'correction' ? (standing?.correctionMaterials ?? []) : [],
    );
  }

  @Get('attachments/:attachmentId')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'application/ofd')
  @ApiOperation({ summary: '查看材料页面（原文件，附 SHA-256）' })
  async page(
    @CurrentUser() user: AuthUser,
    @Headers('authorization') authorization: string,
    @Param() { caseId, attachmentId }: AttachmentParams,
    @Res() response: Response,
  ): Promise<void> {
    // A scan shows what the case file masks (the ID card, the household register, the bank card): the same people
    // who read the full numbers open the pages, and each opening is on the record.
    const allowance = await this.access.assertMayView(authorization, caseId);
    if (!allowance['read-personal-data']) throw new CaseFileError(CaseFileErrorCode.PAGES_NOT_FOR_YOUR_ROLE);
    const page = await this.attachments.content(caseId, attachmentId);
    await this.caseFiles.pageViewed(user, caseId, attachmentId);
    response
      .status(200)
      .set({
        'content-type': page.contentType,
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(page.fileName)}`,
        'x-content-sha256': page.sha256,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .send(page.content);
  }

  /**
   * Where the case stands for this person. The filer may add pages before routing has placed the case (routing
   * does not know it yet); anyone else needs routing's word.
   */
  private async standingOf(
    authorization: string,
    caseId: string,
    isFiler: boolean,
  ): Promise<CaseStanding | null> {
    try {
      return await this.access.allowance(authorization, caseId);
    } catch (error) {
      if (isFiler && error instanceof CaseFileError && error.code === CaseFileErrorCode.CASE_NOT_FOUND)
        return null;
      throw error;
    }
  }
}
