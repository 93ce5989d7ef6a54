import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@oneseal/auth';
import { RateLimit } from '@oneseal/service-kit';
import { ApplicantProgressService } from './applicant-progress.service';
import { ProgressLookupDto, RateServiceDto } from './dto/progress.dto';

/** 办件查询 and 好差评 for applicants: no login, the receipt number and its 查询码 are the proof. */
@ApiTags('applicant progress')
@Public()
@Controller('progress')
export class ApplicantProgressController {
  constructor(private readonly progress: ApplicantProgressService) {}

  @Post('lookup')
  @HttpCode(200)
  // Wrong receipt numbers or 查询码 count: a guesser is stopped, an applicant checking again and again never is.
  @RateLimit({ name: 'progress-lookup', max: 10, windowSeconds: 600, counts: 'refusals' })
  @ApiOperation({
    summary: '办件进度查询：凭办件编号和查询码，查看所处环节、承诺办结日期、补正要求和办理结果',
  })
  lookup(@Body() proof: ProgressLookupDto) {
    return this.progress.lookup(proof);
  }

  @Post('rating')
  @HttpCode(201)
  @RateLimit({ name: 'progress-rating', max: 10, windowSeconds: 600, counts: 'refusals' })
  @ApiOperation({ summary: '好差评：办结后凭办件编号和查询码评价一次；不满意须说明原因' })
  rate(@Body() rating: RateServiceDto) {
    return this.progress.rate(rating);
  }
}
