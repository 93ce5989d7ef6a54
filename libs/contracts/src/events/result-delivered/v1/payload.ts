import { IsISO8601, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import {
  EXPRESS_CARRIERS,
  HANDOVER_METHODS,
  TRACKING_NUMBER,
  type HandoverMethod,
} from '../../shared-fields';

/** 送达: the sealed result reached the applicant (collected at the window, sent by express, or electronically). */
export class ResultDeliveredV1 {
  @IsUUID()
  caseId!: string;

  @IsIn(HANDOVER_METHODS)
  method!: HandoverMethod;

  @IsOptional()
  @IsUUID()
  documentId?: string;

  @IsString()
  @IsNotEmpty()
  handlerId!: string;

  @IsISO8601({ strict: true })
  deliveredAt!: string;

  /** 邮寄送达: the carrier and tracking number the applicant follows the parcel by. */
  @IsOptional()
  @IsIn(EXPRESS_CARRIERS)
  carrier?: string;

  @IsOptional()
  @Matches(TRACKING_NUMBER)
  trackingNumber?: string;
}
