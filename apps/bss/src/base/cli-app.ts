import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { acquireDatabase, type DatabaseHandle } from '@bss/platform';
import { CliModule } from '#bss/cli.module';

export interface CliApp {
  context: INestApplicationContext;
  close(): Promise<void>;
}

/**
 * Boots the linked contexts against the shared database: `BSS_DB_URL`, else the embedded
 * cluster `npm start` runs, else one started just for this command (and stopped after it).
 */
export async function bootCliApp(): Promise<CliApp> {
  // Only first-time set-up is worth telling an operator about; routine start-ups stay quiet.
  const handle: DatabaseHandle = await acquireDatabase({
    log: (line) => {
      if (!line.startsWith('Postgres ready')) process.stderr.write(`${line}\n`);
    },
  });
  try {
    const context = await NestFactory.createApplicationContext(CliModule.forRoot(handle.url), { logger: false, abortOnError: false });
    await context.init();
    return {
      context,
      close: async () => {
        await context.close();
        await handle.release();
      },
    };
  } catch (error) {
    await handle.release();
    throw error;
  }
}
