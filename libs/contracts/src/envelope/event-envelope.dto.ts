import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { EventActor, EventEnvelope } from './event-envelope';

export class EventActorDto implements EventActor {
  @IsIn(['person', 'service'])
  kind!: 'person' | 'service';

  @IsString()
  @IsNotEmpty()
  id!: string;

  @IsOptional()
  @IsString()
  role?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

/** Validates the envelope fields; the payload is validated separately against its event's contract. */
export class EventEnvelopeDto implements EventEnvelope<unknown> {
  @IsUUID()
  id!: string;

  @IsString()
  @IsNotEmpty()
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @IsNotEmpty()
  subject!: string;

  /** County code of the administrative division (6 digits, e.g. 140525 for 泽州县). */
  @Matches(/^\d{6}$/)
  county!: string;

  /** Town code (9 digits), absent for county-wide events. */
  @IsOptional()
  @Matches(/^\d{9}$/)
  town?: string;

  // Instantiated by parseEvent, not by a class-transformer @Type: @Type needs reflect-metadata, which has no
  // place inside a workflow bundle.
  @ValidateNested()
  actor!: EventActorDto;

  @IsUUID()
  correlationId!: string;

  @IsOptional()
  @IsUUID()
  causationId?: string;

  @IsObject()
  payload!: unknown;
}
