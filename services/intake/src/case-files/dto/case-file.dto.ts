import { ApiProperty } from '@nestjs/swagger';
import { Trimmed } from '@oneseal/service-kit';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class CaseIdParam {
  @ApiProperty({ description: '办件 ID' })
  @IsUUID('all', { message: '办件 ID 格式不正确' })
  caseId!: string;
}

export class AttachmentParams extends CaseIdParam {
  @ApiProperty({ description: '材料页面 ID' })
  @IsUUID('all', { message: '材料页面 ID 格式不正确' })
  attachmentId!: string;
}

export class AddAttachmentDto {
  @ApiProperty({
    description: '所属材料（办事指南中的材料名称，或“授权委托书”）',
    example: '申请人有效身份证件',
  })
  @Trimmed()
  @IsString()
  @IsNotEmpty({ message: '请选择该文件所属的材料' })
  @MaxLength(200)
  materialName!: string;
}
