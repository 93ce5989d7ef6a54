import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CountyParam } from '../catalogue/dto/list-matters.query';

const SHORT_NAME = /^县[\u4e00-\u9fa5]{1,14}$/;

export class RenameBureauDto {
  @ApiProperty({ description: '简称：各屏幕和短信称呼它的名字', example: '县数据局' })
  @Matches(SHORT_NAME, { message: '简称应以“县”开头，全部为汉字，不超过 15 个字，如“县数据局”' })
  name!: string;
}

export class AddBureauDto extends CountyParam {
  @ApiProperty({
    description: '部门代码：拼音首字母小写，2 至 16 位，如 sjj（收件箱和发文机关用它）',
    example: 'sjj',
  })
  @Matches(/^[a-z][a-z0-9]{1,15}$/, {
    message: '部门代码应为 2 至 16 位小写拼音字母或数字，以字母开头，如 sjj',
  })
  slug!: string;

  @ApiProperty({ description: '简称', example: '县数据局' })
  @Matches(SHORT_NAME, { message: '简称应以“县”开头，全部为汉字，不超过 15 个字，如“县数据局”' })
  name!: string;

  @ApiProperty({
    description: '全称（县名之后的部分，以“县”开头）：发文机关名称为县名加全称',
    example: '县政务服务和数据管理局',
  })
  @Matches(/^县[\u4e00-\u9fa5（）]{2,48}$/, {
    message: '全称应以“县”开头，全部为汉字，如“县政务服务和数据管理局”（发文机关名称为本县县名加全称）',
  })
  fullName!: string;

  @ApiProperty({ description: '文号中的部门字（县名简称之后），如 数', example: '数' })
  @Matches(/^[\u4e00-\u9fa5]{1,4}$/, { message: '文号部门字应为 1 至 4 个汉字，如“民”“人社”' })
  numberPrefix!: string;
}

export class BureauCodeParam {
  @ApiProperty({ example: '140521-sjj' })
  @Matches(/^\d{6}-[a-z][a-z0-9]{1,15}$/, { message: '部门编码的格式不对，应如 140521-sjj' })
  code!: string;
}
