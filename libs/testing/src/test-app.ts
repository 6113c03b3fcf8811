import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@bss/audit';
import { Clock, Database, JobQueue, PlatformModule } from '@bss/platform';
import { createTestDatabase } from './test-database';

type ModuleImport = Type<unknown> | DynamicModule;

export interface TestApp {
  context: INestApplicationContext;
  url: string;
  db: Database;
  clock: Clock;
  jobs: JobQueue;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

export interface TestAppOptions {
  imports: ModuleImport[];
  /** Seed every registered context's reference data (default true). */
  seed?: boolean;
  /** Run job handlers in the background too (default false: tests call `jobs.drain()`). */
  workers?: boolean;
  /** Reuse an existing database instead of creating a fresh one. */
  url?: string;
}

/** A Nest application context over a fresh Postgres database: real DB, real jobs, no mocks. */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const url = options.url ?? (await createTestDatabase());
  @Module({
    imports: [PlatformModule.forRoot({ databaseUrl: url, applicationName: 'bss-test', workers: options.workers ?? false, poolSize: 20, migrate: false }), AuditModule, ...options.imports],
  })
  class TestRootModule {}
  const context = await NestFactory.createApplicationContext(TestRootModule, { logger: false });
  await context.init();
  const db = context.get(Database);
  if (options.seed ?? true) await db.seed();
  return {
    context,
    url,
    db,
    clock: context.get(Clock),
    jobs: context.get(JobQueue),
    get: <T>(type: Type<T>) => context.get(type),
    close: () => context.close(),
  };
}
