import type { INestApplicationContext } from '@nestjs/common';
import { acquireDatabase } from '@bss/platform';
import { contextModules } from './context-modules';

export interface CliApp {
  context: INestApplicationContext;
  close(): Promise<void>;
}

export interface CliAppOptions {
  /** Link every bounded context, not only those the verb's imports loaded (see `contextModules`). */
  everyContext: boolean;
}

let warmApp: CliApp | undefined;

/**
 * The warm executor (see `#bss/executor/warm-executor`) boots every context once and lends that
 * app to each call it serves: the command's `close()` must not close it under the next call.
 */
export function lendWarmCliApp(app: CliApp): void {
  warmApp = { context: app.context, close: async () => undefined };
}

/**
 * Boots the linked contexts against the shared database: `BSS_DB_URL`, else the embedded
 * cluster `npm start` (or an earlier `bss` call) runs, else one started now and left running in
 * the background for the next call (`bss admin db stop` stops it).
 */
export async function bootCliApp(options: CliAppOptions): Promise<CliApp> {
  if (warmApp) return warmApp;
  // Only first-time set-up is worth telling an operator about; routine start-ups stay quiet.
  const handle = await acquireDatabase({
    keepRunning: true,
    log: (line) => {
      if (!line.startsWith('Postgres ready')) process.stderr.write(`${line}\n`);
    },
  });
  // Nest and the CLI module load here, not at import time: `--help` and `--version` need neither.
  const { NestFactory } = require('@nestjs/core') as typeof import('@nestjs/core');
  const { CliModule } = require('#bss/cli.module') as typeof import('#bss/cli.module');
  const contexts = contextModules(options.everyContext);
  const context = await NestFactory.createApplicationContext(CliModule.forRoot(handle.url, contexts), { logger: false, abortOnError: false });
  try {
    await context.init();
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
  return { context, close: () => context.close() };
}
