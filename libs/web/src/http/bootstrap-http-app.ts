import 'reflect-metadata';
import { join } from 'node:path';
import { type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import * as pug from 'pug';
import { LOGGER, type Logger } from '@bss/platform';
import { ServiceTokens } from '@bss/policies';
import { BssExceptionFilter } from './bss-exception.filter';

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
  const adapter = new FastifyAdapter({ trustProxy: true, bodyLimit: 256 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { logger: ['error', 'warn'], bufferLogs: false, abortOnError: false });
  const logger = app.get<Logger>(LOGGER);
  app.useGlobalFilters(new BssExceptionFilter(logger));
  if (options.viewsDir) {
    app.setViewEngine({ engine: { pug }, templates: options.viewsDir, viewExt: 'pug', options: { basedir: SHARED_VIEWS_DIR } });
  }
  if (options.logRequests ?? true) {
    app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
      logger.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
      done();
    });
  }
  return app;
}
