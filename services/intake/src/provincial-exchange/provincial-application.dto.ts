import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_ONLINE_PAGES } from '../online-filing/dto/online-application.dto';

/** The applicant as the province's portal verified them (its own real-name sign-in). */
export class ProvincialApplicantDto {
  @IsString()
  @IsNotEmpty({ message: '缺少申请人姓名' })
  name!: string;

  @IsString()
  @IsNotEmpty({ message: '缺少申请人公民身份号码' })
  idNumber!: string;

  @Matches(/^1[3-9]\d{9}$/, { message: '申请人手机号码有误，无法发送办理进度短信' })
  phone!: string;
}

export class ProvincialPageDto {
  @IsString()
  @IsNotEmpty({ message: '有文件未注明所属材料' })
  @MaxLength(200)
  materialName!: string;

  @IsString()
  @IsNotEmpty({ message: '有文件缺少文件名' })
  @MaxLength(200)
  fileName!: string;

  @IsBase64({}, { message: '有文件内容不是 Base64 编码，无法读取' })
  contentBase64!: string;
}

/**
 * The envelope of an application handed over by the province: its number, when it was filed, the applicant and the
 * pages. The application itself (place, matter, form, delivery, 代为申请) is then checked by OneSeal's own online
 * filing rules, the same as on our portal.
 */
export class ProvincialApplicationDto {
  @Matches(/^[A-Za-z0-9-]{1,64}$/)
  applicationId!: string;

  @IsISO8601({ strict: true }, { message: '申请时间格式有误' })
  submittedAt!: string;

  @IsString()
  county!: string;

  @IsString()
  town!: string;

  @IsString()
  matterCode!: string;

  @ValidateNested()
  @Type(() => ProvincialApplicantDto)
  @IsObject({ message: '缺少申请人信息' })
  applicant!: ProvincialApplicantDto;

  @IsOptional()
  @IsObject({ message: '申请表格式不正确' })
  formData?: Record<string, unknown>;

  @IsString()
  deliveryMethod!: string;

  @IsOptional()
  @IsString()
  deliveryAddress?: string;

  @IsOptional()
  @IsObject()
  onBehalf?: { agentName: string; relationship: string; signedOn: string; scope: string };

  @IsArray({ message: '缺少申请材料' })
  @ArrayMinSize(1, { message: '缺少申请材料' })
  @ArrayMaxSize(MAX_ONLINE_PAGES, { message: `一件申请最多 ${MAX_ONLINE_PAGES} 个文件` })
  @ValidateNested({ each: true })
  @Type(() => ProvincialPageDto)
  pages!: ProvincialPageDto[];
}
