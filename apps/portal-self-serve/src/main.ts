import { acquireDatabase, envBool, envInt, envString, isBssError } from '@bss/platform';
import { createHttpApp } from '@bss/web';
import { PortalAppModule } from './app.module';
import { PORTAL_VIEWS_DIR } from './http/portal-ui';

async function main(): Promise<void> {
  const database = await acquireDatabase();
  const app = await createHttpApp(PortalAppModule.forRoot({ databaseUrl: database.url, workers: envBool('BSS_WORKERS', true) }), {
    viewsDir: PORTAL_VIEWS_DIR,
  });
  const port = envInt('PORT', 9001);
  await app.listen({ port, host: envString('BSS_HOST', '127.0.0.1') });
  process.stdout.write(JSON.stringify({ level: 30, service: 'portal-self-serve', msg: 'listening', url: `http://127.0.0.1:${port}` }) + '\n');
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
  process.stderr.write(`portal-self-serve failed to start: ${isBssError(error) ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
