import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@oneseal/auth';
import { CountyParam } from '../catalogue/dto/list-matters.query';
import { CatalogueImportError, CatalogueImportErrorCode } from './catalogue-import.errors';
import { CatalogueImportService } from './catalogue-import.service';
import { readMatterListFile } from './matter-list-file';
import type { UploadedFileContent } from '../uploads/file-upload';
import { MatterListUploadInterceptor } from './matter-list-upload.interceptor';
import { CatalogueImportIdParam } from './dto/catalogue-import-id.param';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller('catalogue/imports')
export class CatalogueImportsController {
  constructor(private readonly imports: CatalogueImportService) {}

  @Post()
  @Roles('admin')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(MatterListUploadInterceptor)
  @ApiOperation({
    summary: '上传本县事项清单（xlsx、csv、tsv）：逐行检查并列出与现行目录的差异，发布前不改动目录',
  })
  async upload(
    @CurrentUser() user: AuthUser,
    @Body() { county }: CountyParam,
    @UploadedFile() file: UploadedFileContent | undefined,
  ) {
    if (!file) throw new CatalogueImportError(CatalogueImportErrorCode.FILE_MISSING);
    // Browsers send multipart file names as latin1 bytes of the UTF-8 name.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.imports.preview(user, county, await readMatterListFile(fileName, file.buffer));
  }

  @Get()
  @Roles('admin', 'supervisor', 'auditor')
  @ApiOperation({ summary: '本县最近的事项清单导入' })
  list(@CurrentUser() user: AuthUser, @Query() { county }: CountyParam) {
    return this.imports.list(user, county);
  }

  @Get(':id')
  @Roles('admin', 'supervisor', 'auditor')
  @ApiOperation({ summary: '一次导入的检查结果和差异' })
  get(@CurrentUser() user: AuthUser, @Param() { id }: CatalogueImportIdParam) {
    return this.imports.get(user, id);
  }

  @Post(':id/publish')
  @Roles('admin')
  @ApiOperation({ summary: '按预览发布：新增、变更、撤销事项；已撤销事项的办件照常办理' })
  publish(@CurrentUser() user: AuthUser, @Param() { id }: CatalogueImportIdParam) {
    return this.imports.publish(user, id);
  }
}
