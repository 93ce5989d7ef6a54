import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { AuditModule } from './app.module';
import { loadAuditEnv } from './config/audit.env';

async function main(): Promise<void> {
  const env = loadAuditEnv();
  await bootstrapService({
    name: 'audit',
    env,
    module: AuditModule.forEnv(env),
    consumesEvents: true,
    docs: {
      title: 'OneSeal 审计服务 (audit)',
      description: '全部事件的只追加日志：按办件回放，核验未被篡改或遗漏',
    },
  });
}

main().catch(exitOnBootFailure('audit'));
