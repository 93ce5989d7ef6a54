import { CodedErrorFilter } from '@oneseal/service-kit';
import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApplicationsService } from './applications.service';
import { SubmitApplicationDto, SubmittedApplicationDto } from './dto/submit-application.dto';

@ApiTags('applications')
@Controller('applications')
@UseFilters(CodedErrorFilter)
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @HttpCode(202)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '客户端生成的提交编号；重试时使用同一编号不会重复建件',
  })
  @ApiOkResponse({ type: SubmittedApplicationDto })
  submit(
    @Body() dto: SubmitApplicationDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmittedApplicationDto> {
    return this.applications.submitApplication(dto, idempotencyKey?.trim() || undefined);
  }
}
