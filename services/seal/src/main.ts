import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { SealModule } from './app.module';
import { loadSealEnv } from './config/seal.env';

async function main(): Promise<void> {
  const env = loadSealEnv();
  await bootstrapService({
    name: 'seal',
    env,
    module: SealModule.forEnv(env),
    consumesEvents: true,
    docs: { title: 'OneSeal 用印服务 (seal)', description: '乡镇行政审批服务专用章、电子用印与用印登记' },
  });
}

main().catch(exitOnBootFailure('seal'));
