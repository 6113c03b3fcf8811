import { join } from 'node:path';
import { acquireDatabase, envBool, envInt, envString, isBssError } from '@bss/platform';
import { createHttpApp } from '@bss/web';
import { ChatAgentAppModule } from './app.module';

async function main(): Promise<void> {
  const database = await acquireDatabase();
  const app = await createHttpApp(ChatAgentAppModule.forRoot({ databaseUrl: database.url, workers: envBool('BSS_WORKERS', true) }), {
    viewsDir: join(__dirname, '..', 'views'),
  });
  const port = envInt('PORT', 9003);
  await app.listen({ port, host: envString('BSS_HOST', '127.0.0.1') });
  process.stdout.write(JSON.stringify({ level: 30, service: 'chat-agent', msg: 'listening', url: `http://127.0.0.1:${port}` }) + '\n');
  const stop = async () => {
    await app.close();
    await database.release();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // A refused boot (weak token, bad config) prints one clear line, not a stack.
  process.stderr.write(`chat-agent failed to start: ${isBssError(error) ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
