import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@bss/testing';

const BIN = join(__dirname, '..', '..', 'bin', 'run.js');

/**
 * The interactive path under a pseudo-terminal (util-linux `script` gives the REPL a real TTY):
 * the prompt, line editing echo and the persistent history file. Each step waits for the output
 * it needs; no sleeps.
 */
jest.setTimeout(120_000);

describe('bss (the cockpit REPL) at a terminal', () => {
  it('prompts with the session, answers a listing and keeps the typed lines in the history file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'repl-tty-'));
    const child = spawn('script', ['-qfec', `${process.execPath} ${BIN} --new --label tty`, '/dev/null'], {
      env: { ...process.env, BSS_DB_URL: await createTestDatabase(), BSS_HOME: home, BSS_OPERATOR: 'ops-tty', BSS_LLM_PROVIDER: 'offline', TERM: 'xterm' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const waiters: { text: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
    const check = () => {
      for (const w of [...waiters]) {
        const match = output.match(w.text);
        if (match) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(match);
        }
      }
    };
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
      check();
    });
    const waitFor = (text: RegExp) => new Promise<RegExpMatchArray>((resolve) => {
      waiters.push({ text, resolve });
      check();
    });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));

    const [, suffix] = await waitFor(/bss:([0-9a-f]{8})> /);
    expect(output).toMatch(new RegExp(`session SES-\\d{8}-${suffix} \\(tty\\)`));
    child.stdin.write('list customers\r');
    await waitFor(/── Customers/);
    await waitFor(new RegExp(`── Customers[\\s\\S]*bss:${suffix}> `));
    child.stdin.write('/exit\r');
    expect(await closed).toBe(0);
    expect(readFileSync(join(home, 'repl_history'), 'utf8')).toBe('list customers\n/exit\n');
  });
});
