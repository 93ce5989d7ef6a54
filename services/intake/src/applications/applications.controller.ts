import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { ApplicationsService } from './applications.service';
import { SubmitApplicationDto, SubmittedApplicationDto } from './dto/submit-application.dto';
import { assertMayFile } from './filing-scope';

@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post()
  @HttpCode(202)
  @Roles('village-agent', 'town-window')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: '客户端生成的提交编号；重试时使用同一编号不会重复建件',
  })
  @ApiOkResponse({ type: SubmittedApplicationDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Body() dto: SubmitApplicationDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<SubmittedApplicationDto> {
    assertMayFile(user, dto);
    return this.applications.submitApplication(dto, idempotencyKey?.trim() || undefined, user);
  }
}
