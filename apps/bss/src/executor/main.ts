import 'reflect-metadata';
import { startWarmExecutor } from './warm-executor';

/*
 * The warm executor as its own process, forked by `npm start` (tools/start/start.js) with the
 * database it holds in BSS_EXECUTOR_DB_URL / BSS_EXECUTOR_DB_SOURCE. It tells its parent `ready`
 * (and, per call, what it served) over the IPC channel, and closes on SIGTERM or when the parent
 * goes away.
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.BSS_EXECUTOR_DB_URL;
  if (!databaseUrl) throw new Error('BSS_EXECUTOR_DB_URL is not set (npm start sets it)');
  const tell = (message: object) => process.send?.(message);
  const executor = await startWarmExecutor({
    databaseUrl,
    databaseSource: process.env.BSS_EXECUTOR_DB_SOURCE === 'external' ? 'external' : 'embedded',
    onServed: (call) => tell({ served: call }),
  });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    void executor.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
  process.on('disconnect', close);
  tell({ ready: executor.socketPath });
}

main().catch((error: Error) => {
  process.stderr.write(`bss warm executor: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
