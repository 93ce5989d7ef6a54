import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { ApprovalModule } from './app.module';
import { loadApprovalEnv } from './config/approval.env';

async function main(): Promise<void> {
  const env = loadApprovalEnv();
  await bootstrapService({
    name: 'approval',
    env,
    module: ApprovalModule.forEnv(env),
    consumesEvents: false,
    docs: {
      title: 'OneSeal 审批服务 (approval)',
      description: '办件各环节（受理、初审、审核、决定）的待办任务',
    },
  });
}

main().catch(exitOnBootFailure('approval'));
