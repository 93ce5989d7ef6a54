import { IsISO8601, IsNotEmpty, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * A visit to a town's 便民服务中心 was booked (预约): online by the applicant, or by a village agent for them. The
 * applicant is sent a confirmation and, the evening before, a reminder.
 */
export class AppointmentBookedV1 {
  @IsUUID()
  appointmentId!: string;

  /** 南村镇便民服务中心. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  centerName!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day!: string;

  /** 09:00-10:00. */
  @Matches(/^\d{2}:\d{2}-\d{2}:\d{2}$/)
  slot!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matterName!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  applicantName!: string;

  /** The number the confirmation and the reminder go to. */
  @Matches(/^1\d{10}$/)
  applicantPhone!: string;

  /** 取号码: with the number, what the ticket machine asks for on arrival (sent in the confirmation SMS). */
  @Matches(/^\d{4}$/)
  checkInCode!: string;

  @IsISO8601({ strict: true })
  bookedAt!: string;
}
