import { createTestDatabase } from '@bss/testing';
import { runCli } from '#bss/testing/run-cli';
import ClockAdvance from './advance';
import ClockFreeze from './freeze';
import ClockNow from './now';
import ClockUnfreeze from './unfreeze';

describe('bss clock', () => {
  beforeAll(async () => {
    process.env.BSS_DB_URL = await createTestDatabase();
  });

  it('now --json gives {now, mode, offsetSeconds, frozenAt} in the envelope', async () => {
    const { json, exitCode } = await runCli(ClockNow, ['--json']);
    expect(exitCode).toBe(0);
    expect(json).toMatchObject({ status: 0, warnings: [], result: { mode: 'wall', offsetSeconds: 0, frozenAt: null } });
  });

  it('advance 30d in one process shows in the next', async () => {
    expect((await runCli(ClockAdvance, ['30d'])).exitCode).toBe(0);
    const { json } = await runCli(ClockNow, ['--json']);
    expect((json?.result as { offsetSeconds: number }).offsetSeconds).toBe(30 * 86400);
  });

  it('freeze --at pins the time; unfreeze keeps the offset', async () => {
    const frozen = await runCli(ClockFreeze, ['--at', '2026-03-01T10:00:00Z', '--json']);
    expect(frozen.json?.result).toMatchObject({ mode: 'frozen', now: '2026-03-01T10:00:00.000Z' });
    const human = await runCli(ClockNow, []);
    expect(human.stdout).toBe('2026-03-01T10:00:00.000Z  (frozen at 2026-03-01T10:00:00.000Z)');
    const thawed = await runCli(ClockUnfreeze, ['--json']);
    expect(thawed.json?.result).toMatchObject({ mode: 'wall', frozenAt: null });
  });

  it('advance --json reports the shifted clock', async () => {
    const { json } = await runCli(ClockAdvance, ['1h', '--json']);
    expect(json).toMatchObject({ status: 0, result: { mode: expect.any(String) } });
  });

  it('a bad duration is a clear input error, exit 2', async () => {
    const human = await runCli(ClockAdvance, ['-5d']);
    expect(human.exitCode).toBe(2);
    expect(human.stderr).toContain('INVALID_INPUT');
    const json = await runCli(ClockAdvance, ['soon', '--json']);
    expect(json.exitCode).toBe(2);
    expect(json.json).toMatchObject({ status: 2, code: 'INVALID_INPUT', context: { fields: [{ field: 'duration' }] } });
  });
});
