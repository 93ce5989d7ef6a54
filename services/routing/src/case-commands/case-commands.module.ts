import { Module } from '@nestjs/common';
import { CaseAccess } from './case-access';
import { CaseCommandsController } from './case-commands.controller';

/** The case's own commands and status: 补正已收到, 撤回, 特别程序, 延长, and who may ask for each. */
@Module({
  controllers: [CaseCommandsController],
  providers: [CaseAccess],
})
export class CaseCommandsModule {}
