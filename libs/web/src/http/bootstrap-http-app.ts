import 'reflect-metadata';
import { join } from 'node:path';
import { type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { acquireDatabase, enterSpan, envBool, envInt, envString, isBssError, LOGGER, startTracing, stopTracing, tracingActive, type EnteredSpan, type Logger } from '@bss/platform';
import { ServiceTokens } from '@bss/policies';
import { BssExceptionFilter } from './bss-exception.filter';
import { trustedProxiesFromEnv } from './trusted-proxies';

export interface HttpAppOptions {
  /** The app's pug templates; shared layouts/mixins resolve from libs/web/views as `/layouts/…`. */
  viewsDir?: string;
  /** Fastify inject tests pass false to keep output quiet. */
  logRequests?: boolean;
}

export const SHARED_VIEWS_DIR = join(__dirname, '..', '..', 'views');

/** One way to build every Nest app: Fastify, pug views, JSON logs, the shared error filter, graceful shutdown. */
export async function createHttpApp(module: Type<unknown> | DynamicModule, options: HttpAppOptions = {}): Promise<NestFastifyApplication> {
  // Refuse a weak or placeholder token before anything connects anywhere.
  ServiceTokens.fromEnv();
  // Loaded here, not at import time: the CLI imports this library for its renderers only, and
  // Fastify + pug were a fifth of the modules every `bss` call loaded.
  const { FastifyAdapter } = require('@nestjs/platform-fastify') as typeof import('@nestjs/platform-fastify');
  const pug = require('pug') as typeof import('pug');
  // X-Forwarded-For only from configured proxies: otherwise any client picks its own `req.ip`.
  const adapter = new FastifyAdapter({ trustProxy: trustedProxiesFromEnv(), bodyLimit: 256 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger: ['error', 'warn'], bufferLogs: false, abortOnError: false });
  const logger = app.get<Logger>(LOGGER);
  app.useGlobalFilters(new BssExceptionFilter(logger));
  if (options.viewsDir) {
    app.setViewEngine({ engine: { pug }, templates: options.viewsDir, viewExt: 'pug', options: { basedir: SHARED_VIEWS_DIR } });
  }
  if (tracingActive()) traceRequests(app);
  if (options.logRequests ?? true) {
    app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
      logger.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
      done();
    });
  }
  return app;
}

/**
 * OpenTelemetry export on: a server span per request, entered before the guards run, so the
 * request id they assign is its trace id and the commands and jobs it causes are in its trace.
 * Named by the route template, never the raw URL (ids, query strings).
 */
function traceRequests(app: NestFastifyApplication): void {
  const spans = new WeakMap<object, EnteredSpan>();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    const span = enterSpan(`${request.method} ${route}`, { 'http.request.method': request.method, 'http.route': route }, { kind: 'server' });
    if (span) spans.set(request, span);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const span = spans.get(request);
    span?.setAttributes({ 'http.response.status_code': reply.statusCode });
    span?.end(reply.statusCode >= 500 ? new Error(`HTTP ${reply.statusCode}`) : undefined);
    done();
  });
}

export interface AppRuntimeOptions {
  databaseUrl: string;
  workers: boolean;
}

/** What `npm start` and an app's own `main.ts` need to know to run it. */
export interface HttpAppDefinition {
  name: string;
  defaultPort: number;
  /** Whether this app runs job workers when `BSS_WORKERS` is unset. */
  workersByDefault: boolean;
  viewsDir?: string;
  module(options: AppRuntimeOptions): DynamicModule;
}

/** `node apps/<app>/dist/main.js`: one app in its own process (a deployment replica). */
export async function runHttpApp(definition: HttpAppDefinition): Promise<void> {
  try {
    startTracing(definition.name);
    const database = await acquireDatabase();
    const app = await createHttpApp(definition.module({ databaseUrl: database.url, workers: envBool('BSS_WORKERS', definition.workersByDefault) }), {
      viewsDir: definition.viewsDir,
    });
    const port = envInt('PORT', definition.defaultPort);
    await app.listen({ port, host: envString('BSS_HOST', '127.0.0.1') });
    app.get<Logger>(LOGGER).info({ url: `http://127.0.0.1:${port}` }, 'listening');
    const stop = async () => {
      await app.close();
      await stopTracing();
      await database.release();
      process.exit(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    // A refused boot (weak token, bad config) prints one clear line, not a stack.
    process.stderr.write(`${definition.name} failed to start: ${isBssError(error) ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  }
}
