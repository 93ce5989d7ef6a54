import 'reflect-metadata';
import { ValidationPipe, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { consumerLiveness, kafkaTransportOptions, parseBrokers } from '@oneseal/kafka';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { Logger } from 'nestjs-pino';
import type { HttpServiceEnv, ServiceEnv } from '../env/service-env';
import { hardenHttp, SafeInputPipe, type HttpRole } from '../http/request-hardening';
import { serveMetrics } from '../metrics/service-metrics';
import { ServiceExceptionFilter } from '../http/service-exception.filter';
import { validationErrorsToException } from '../http/validation-errors';
import { compressResponses } from '../http/compressed-responses';

interface CommonDefinition {
  name: string;
  module: DynamicModule;
  docs: { title: string; description: string };
}

/** A service with its own data; it may consume Kafka events (then it joins its own consumer group). */
interface DataServiceDefinition extends CommonDefinition {
  env: ServiceEnv;
  consumesEvents: boolean;
  /** Partitions its consumer handles at once (see KafkaTransportConfig.partitionsAtOnce). */
  partitionsAtOnce?: number;
}

/**
 * The console: files for the browser from `publicDir`, and requests passed through untouched (so Nest must not
 * parse bodies; the upstream service validates them).
 */
interface WebServiceDefinition extends CommonDefinition {
  env: HttpServiceEnv;
  consumesEvents: false;
  publicDir: string;
  /** Files of npm packages the page loads (the PDF viewer), under their own URL prefix. */
  vendorDirs?: { prefix: string; directory: string }[];
}

export type ServiceDefinition = DataServiceDefinition | WebServiceDefinition;

/**
 * What every service answers with, whatever the route: request bodies and queries validated at the edge (one 400
 * naming every problem), and every CodedError as `{ code, message, details? }` with its status. Tests that build a
 * service's module themselves call this too, so they answer exactly as the running service does.
 */
export function configureServiceApp(
  app: INestApplication,
  role: HttpRole = 'service',
  alsoTrusted: readonly string[] = [],
): void {
  // Before anything else sees the request: its URL, and its body's size and nesting (call before init).
  hardenHttp(app as NestExpressApplication, role, alsoTrusted);
  app.useGlobalPipes(
    new SafeInputPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationErrorsToException,
    }),
  );
  app.useGlobalFilters(new ServiceExceptionFilter(app.getHttpAdapter()));
}

export async function createServiceApp(definition: ServiceDefinition): Promise<INestApplication> {
  const web = 'publicDir' in definition;
  const app = await NestFactory.create<NestExpressApplication>(definition.module, {
    bufferLogs: true,
    // configureServiceApp registers the parsers itself, bounded (the console parses none: it passes bodies on).
    bodyParser: false,
  });
  if (web) {
    compressResponses(app);
    // The page runs only its own files and calls only its own origin: an injected script has nowhere to run. Pages
    // of a case file are shown from blob: URLs the page itself makes from what it fetched.
    const setHeaders = (response: { setHeader(name: string, value: string): void }) =>
      response.setHeader(
        'content-security-policy',
        "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
    app.useStaticAssets(definition.publicDir, { setHeaders });
    for (const vendor of definition.vendorDirs ?? [])
      app.useStaticAssets(vendor.directory, { prefix: vendor.prefix, setHeaders });
  }
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  serveMetrics(app, definition.name);
  configureServiceApp(app, web ? 'web' : 'service', definition.env.TRUSTED_PROXIES?.split(',') ?? []);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(definition.docs.title)
      .setDescription(definition.docs.description)
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  if (definition.consumesEvents) {
    app.connectMicroservice(
      kafkaTransportOptions({
        clientId: `oneseal-${definition.name}`,
        brokers: parseBrokers(definition.env.KAFKA_BROKERS),
        groupId: `${definition.env.KAFKA_GROUP_PREFIX}.${definition.name}`,
        partitionsAtOnce: definition.partitionsAtOnce,
      }),
      { inheritAppConfig: true },
    );
  }
  return app;
}

/** Has /health report the service down once its event consumer has stopped for good (call after starting it). */
export function watchEventConsumers(app: INestApplication): void {
  for (const server of app.getMicroservices())
    consumerLiveness.watch(server.unwrap<[Kafka, Consumer, Producer]>()[1]);
}

/** Boots a service and keeps it up; any failure on the way is fatal and says what failed. */
export async function bootstrapService(definition: ServiceDefinition): Promise<INestApplication> {
  const app = await createServiceApp(definition);
  await app.startAllMicroservices();
  watchEventConsumers(app);
  await app.listen(definition.env.HTTP_PORT, definition.env.HTTP_HOST);
  app
    .get(Logger)
    .log(`${definition.name} listening on http://${definition.env.HTTP_HOST}:${definition.env.HTTP_PORT}`);
  return app;
}

/** For main.ts: turns a boot failure into one clear line on stderr and a non-zero exit. */
export function exitOnBootFailure(service: string) {
  return (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${service} failed to start: ${message}\n`);
    process.exit(1);
  };
}
