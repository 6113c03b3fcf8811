import { Global, Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, Injectable } from '@nestjs/common';
import { Clock } from './clock/clock';
import { Database } from './db/database';
import { JobQueue } from './jobs/job-queue';
import { createLogger, type Logger } from './logging/logger';

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
export const LOGGER = Symbol('LOGGER');

export interface PlatformOptions {
  databaseUrl: string;
  /** Shown in pg_stat_activity and every log line. */
  applicationName: string;
  /** Run job handlers and schedules in this process (`BSS_WORKERS=false` turns them off). */
  workers: boolean;
  poolSize?: number;
  /** Apply pending migrations before anything else touches the database (default true). */
  migrate?: boolean;
  /** Log to stderr (the CLI keeps stdout for its output). */
  logToStderr?: boolean;
}

/** Starts the job queue once every context module has defined its jobs; closes it all on shutdown. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
    private readonly jobs: JobQueue,
    private readonly db: Database,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.start({ workers: this.options.workers });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.stop();
    await this.db.close();
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const logger = createLogger(options.applicationName, { stderr: options.logToStderr });
    return {
      module: PlatformModule,
      global: true,
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: LOGGER, useValue: logger },
        {
          provide: Database,
          useFactory: async () => {
            const db = await Database.connect({ url: options.databaseUrl, applicationName: options.applicationName, poolSize: options.poolSize });
            // Before the job queue starts: its schema is part of our migration history.
            if (options.migrate ?? true) await db.migrate((line) => logger.info(line.trim()));
            return db;
          },
        },
        { provide: Clock, useFactory: (db: Database) => new Clock(db), inject: [Database] },
        { provide: JobQueue, useFactory: () => new JobQueue(options.databaseUrl, logger) },
        PlatformLifecycle,
      ],
      exports: [PLATFORM_OPTIONS, LOGGER, Database, Clock, JobQueue],
    };
  }
}

export type { Logger };
