import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { IntakeModule } from './app.module';
import { loadIntakeEnv } from './config/intake.env';

async function main(): Promise<void> {
  const env = loadIntakeEnv();
  await bootstrapService({
    name: 'intake',
    env,
    module: IntakeModule.forEnv(env),
    // Case events reach intake only for the province's exchange.
    consumesEvents: env.PROVINCIAL_EXCHANGE_URL !== undefined,
    docs: {
      title: 'OneSeal 受理服务 (intake)',
      description: '各渠道（村便民服务站代办、乡镇综合窗口、网上、自助终端）提交申请',
    },
  });
}

main().catch(exitOnBootFailure('intake'));
