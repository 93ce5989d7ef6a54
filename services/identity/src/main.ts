import 'reflect-metadata';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { IdentityModule } from './app.module';
import { loadIdentityEnv } from './config/identity.env';

async function main(): Promise<void> {
  const env = loadIdentityEnv();
  await bootstrapService({
    name: 'identity',
    env,
    module: IdentityModule.forEnv(env),
    consumesEvents: false,
    docs: {
      title: 'OneSeal 统一身份 (identity)',
      description: '工作人员账号、岗位和办理范围；登录签发凭证（Ed25519），各服务凭公钥验证',
    },
  });
}

main().catch(exitOnBootFailure('identity'));
