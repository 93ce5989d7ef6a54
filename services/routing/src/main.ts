import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { RoutingModule } from './app.module';
import { loadRoutingEnv } from './config/routing.env';

async function main(): Promise<void> {
  const env = loadRoutingEnv();
  await bootstrapService({
    name: 'routing',
    env,
    module: RoutingModule.forEnv(env),
    consumesEvents: true,
    // Each submission waits on a workflow start (TOPIC_MIN_PARTITIONS gives its topic four partitions). The steps'
    // handlers are single UPDATEs that order themselves by task, and retry a step of a case not yet recorded.
    partitionsAtOnce: 4,
    docs: {
      title: 'OneSeal 流转服务 (routing)',
      description: '为每个申请启动办件流程（村→镇→县），并运行办件流程的 Temporal worker',
    },
  });
}

main().catch(exitOnBootFailure('routing'));
