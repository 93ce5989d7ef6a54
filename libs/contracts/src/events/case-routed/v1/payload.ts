import { IsNotEmpty, IsString, IsUUID } from 'class-validator';

/** Routing has started the case's handling workflow (exactly once per case). */
export class CaseRoutedV1 {
  @IsUUID()
  caseId!: string;

  @IsString()
  @IsNotEmpty()
  workflowId!: string;

  @IsString()
  @IsNotEmpty()
  workflowRunId!: string;

  @IsString()
  @IsNotEmpty()
  taskQueue!: string;
}
