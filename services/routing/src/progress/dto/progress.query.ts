import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ProgressQuery {
  @ApiProperty({ description: '办件编号（受理回执上的编号）', example: '140525-20261123-000001' })
  @Matches(/^\s*\d{6}-\d{8}-\d{6}\s*$/, {
    message: '办件编号格式应为 县代码-日期-序号，如 140525-20261123-000001',
  })
  receiptNumber!: string;

  @ApiProperty({ description: '申请时登记的手机号码', example: '13800138000' })
  @Matches(/^\s*1\d{10}\s*$/, { message: '请填写申请时登记的 11 位手机号码' })
  mobile!: string;
}

/** What an applicant sees of their case: where it stands and when it is due, nothing about the people in it. */
export class CaseProgressView {
  @ApiProperty() receiptNumber!: string;
  @ApiProperty({ nullable: true, description: '事项名称' }) matterName!: string | null;
  @ApiProperty({
    description: '办理状态',
    enum: ['routed', 'in-progress', 'awaiting-correction', 'suspended', 'concluded', 'delivered', 'refused'],
  })
  stage!: string;
  @ApiProperty({ nullable: true, description: '受理时间' }) acceptedAt!: Date | null;
  @ApiProperty({ nullable: true, description: '承诺办结日期' }) committedDueDate!: string | null;
  @ApiProperty({ description: '承诺日期所在年份的节假日是否尚未公布' }) dueDateProvisional!: boolean;
  @ApiProperty({ nullable: true, description: '办理结果（准予、不予许可、退回、撤件……）' }) result!:
    | string
    | null;
  @ApiProperty({ nullable: true, description: '办结时间' }) concludedAt!: Date | null;
}
