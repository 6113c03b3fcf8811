import { join } from 'node:path';
import type { Command } from '@oclif/core';
import { jsonShape } from './json-shape';

const CLI_ROOT = join(__dirname, '..', '..');

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout parsed as JSON when it is JSON (`--json` runs). */
  json?: { status: number; result?: unknown; code?: string; rule?: string; message?: string; context?: Record<string, unknown>; warnings?: string[] };
}

type Runnable = typeof Command;

/**
 * Runs one verb in-process exactly as `bss` would (flag parsing, --json envelope, exit code),
 * against the database in BSS_DB_URL, and captures what it printed.
 *
 * Every successful `--json` run also pins its result's shape (keys and value types, see
 * {@link jsonShape}) in the calling spec's snapshot, under the verb's class name: the CLI
 * contract operators' scripts rely on, so a renamed or dropped field fails the spec that ran it.
 */
export async function runCli(command: Runnable, argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    out.push(parts.map(String).join(' '));
  });
  const write = jest.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write);
  process.exitCode = undefined;
  try {
    await (command as unknown as { run(argv: string[], root: string): Promise<unknown> }).run(argv, CLI_ROOT);
  } catch (error) {
    err.push((error as Error).message);
    process.exitCode = process.exitCode || 1;
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  const stdout = out.join('\n');
  let json: CliResult['json'];
  try {
    json = stdout.trim().startsWith('{') ? JSON.parse(stdout) : undefined;
  } catch {
    json = undefined;
  }
  if (exitCode === 0 && json && argv.includes('--json')) {
    expect(jsonShape(json)).toMatchSnapshot(`${command.name} --json shape`);
  }
  return { stdout, stderr: err.join(''), exitCode, json };
}
