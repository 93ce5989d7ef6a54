import { Body, Controller, Get, Inject, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertReachesPlace, CurrentUser, Public, Roles, type AuthUser } from '@oneseal/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import { CodedErrorFilter } from '@oneseal/service-kit';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SealError, SealErrorCode } from '../seals/seals.errors';
import { DocumentIdParam, StampRequestDto } from './dto/stamp-request.dto';
import { StampedDocument } from './stamped-document.entity';
import { StampingService } from './stamping.service';

@ApiTags('stamps')
@Controller()
@UseFilters(CodedErrorFilter)
export class StampsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(StampingService) private readonly stamping: StampingService,
  ) {}

  @Post('stamps')
  @ApiBearerAuth()
  @Roles('seal-keeper')
  @ApiOperation({
    summary: '为一项决定的结果文书用印（同一决定只盖一次章；非本乡镇启用的专用章一律拒绝并登记）',
  })
  stamp(@CurrentUser() user: AuthUser, @Body() request: StampRequestDto) {
    assertReachesPlace(user, request);
    const { sealId, ...decision } = request;
    return this.stamping.stamp(decision, { sealId, requestedBy: user.id });
  }

  // The document id is the applicant's electronic delivery link (电子送达): an unguessable id, answered without a
  // login, as the verification of a printed copy is.
  @Public()
  @Get('documents/:id')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '加盖电子印章的结果文书（PDF）' })
  async document(@Param() params: DocumentIdParam, @Res() response: Response): Promise<void> {
    const document = await this.dataSource
      .getRepository(StampedDocument)
      .createQueryBuilder('document')
      .addSelect('document.pdf')
      .where('document.id = :id', { id: params.id })
      .getOne();
    if (!document?.pdf) throw new SealError(SealErrorCode.DOCUMENT_NOT_FOUND);
    response
      .status(200)
      .set({
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${document.id}.pdf"`,
        'x-document-sm3': document.sm3,
      })
      .send(document.pdf);
  }
}
