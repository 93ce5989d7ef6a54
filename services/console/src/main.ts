import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { bootstrapService, exitOnBootFailure } from '@oneseal/service-kit';
import { ConsoleModule } from './app.module';
import { loadConsoleEnv } from './config/console.env';

const pdfjs = dirname(require.resolve('pdfjs-dist/package.json'));

async function main(): Promise<void> {
  const env = loadConsoleEnv();
  await bootstrapService({
    name: 'console',
    env,
    module: ConsoleModule.forEnv(env),
    consumesEvents: false,
    publicDir: join(__dirname, '../public'),
    // PDF.js draws the pages of PDFs in a case file (its worker, and the character maps of Chinese text).
    vendorDirs: [
      { prefix: '/vendor/pdfjs/', directory: join(pdfjs, 'build') },
      { prefix: '/vendor/pdfjs/cmaps/', directory: join(pdfjs, 'cmaps') },
      { prefix: '/vendor/pdfjs/standard_fonts/', directory: join(pdfjs, 'standard_fonts') },
    ],
    docs: {
      title: 'OneSeal 工作台 (console)',
      description: '浏览器工作台；/api/<服务名>/… 转发到各服务的接口（各服务自行校验登录凭证）',
    },
  });
}

main().catch(exitOnBootFailure('console'));
