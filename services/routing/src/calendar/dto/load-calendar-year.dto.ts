import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LoadCalendarYearDto {
  @ApiProperty({ description: '放假日期（YYYY-MM-DD）', example: ['2027-01-01', '2027-02-06'] })
  @IsArray()
  @ArrayMaxSize(60)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  holidays!: string[];

  @ApiProperty({ description: '调休上班的周末日期（YYYY-MM-DD）', example: ['2027-02-14'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  makeUpWorkdays!: string[];

  @ApiProperty({ description: '依据的通知文号', example: '国办发明电〔2026〕7号' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;
}
