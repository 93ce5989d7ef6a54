import 'reflect-metadata';
import { join } from 'node:path';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { ConsoleModule } from './app.module';
import { loadConsoleEnv } from './config/console.env';

async function main(): Promise<void> {
  const env = loadConsoleEnv();
  await bootstrapService({
    name: 'console',
    env,
    module: ConsoleModule.forEnv(env),
    consumesEvents: false,
    publicDir: join(__dirname, '../public'),
    docs: {
      title: 'OneSeal 工作台 (console)',
      description: '浏览器工作台；/api/<服务名>/… 转发到各服务的接口（各服务自行校验登录凭证）',
    },
  });
}

main().catch(exitOnBootFailure('console'));
