import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const started = globalThis.__BSS_TEST_PG__;
  if (!started) return;
  await started.server.stop();
  rmSync(started.parent, { recursive: true, force: true });
}
