import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { NotificationModule } from './app.module';
import { loadNotificationEnv } from './config/notification.env';

async function main(): Promise<void> {
  const env = loadNotificationEnv();
  await bootstrapService({
    name: 'notification',
    env,
    module: NotificationModule.forEnv(env),
    consumesEvents: true,
    docs: { title: 'OneSeal 通知服务 (notification)', description: '向申请人和工作人员发送办件进展通知' },
  });
}

main().catch(exitOnBootFailure('notification'));
