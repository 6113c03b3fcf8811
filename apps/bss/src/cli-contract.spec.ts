import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The flag set of every `bss` verb is a contract operators' scripts rely on (#11 item 6): its
// names, types, short letters, required-ness, defaults and choices are pinned here in one
// snapshot, so renaming or dropping a flag fails this spec. Descriptions and summaries are prose
// and may change freely. The `--json` result shapes are pinned by runCli in each topic's spec.

const COMMANDS_DIR = join(__dirname, 'commands');

function* files(dir: string, keep: (name: string) => boolean): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* files(full, keep);
    else if (keep(entry)) yield full;
  }
}

function verbFiles(dir: string): Generator<string> {
  return files(dir, (name) => name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(name));
}

interface FlagLike {
  type?: string;
  parse?: (input: string, context: unknown, options: unknown) => Promise<unknown>;
  char?: string;
  required?: boolean;
  default?: unknown;
  multiple?: boolean;
  options?: readonly string[];
  allowNo?: boolean;
  exclusive?: readonly string[];
  dependsOn?: readonly string[];
}

/** oclif tells string and integer options apart only by their parser: ask it what '42' becomes. */
async function valueType(flag: FlagLike): Promise<string> {
  if (flag.type === 'boolean') return 'boolean';
  try {
    const parsed = await flag.parse?.('42', {}, flag);
    return parsed === undefined ? 'string' : typeof parsed;
  } catch {
    return 'custom';
  }
}

async function contractOf(flag: FlagLike): Promise<Record<string, unknown>> {
  const contract: Record<string, unknown> = { type: await valueType(flag) };
  if (flag.char) contract.char = flag.char;
  if (flag.required) contract.required = true;
  if (flag.default !== undefined) contract.default = typeof flag.default === 'function' ? '<computed>' : flag.default;
  if (flag.multiple) contract.multiple = true;
  if (flag.options) contract.options = [...flag.options];
  if (flag.allowNo) contract.allowNo = true;
  if (flag.exclusive?.length) contract.exclusive = [...flag.exclusive];
  if (flag.dependsOn?.length) contract.dependsOn = [...flag.dependsOn];
  return contract;
}

interface VerbClass {
  name: string;
  flags?: Record<string, FlagLike>;
  args?: Record<string, FlagLike>;
  enableJsonFlag?: boolean;
}

async function flagsOf(flags: Record<string, FlagLike> = {}): Promise<Record<string, unknown>> {
  return Object.fromEntries(await Promise.all(Object.entries(flags).map(async ([name, flag]) => [name, await contractOf(flag)])));
}

/** Args as a list: their declared order is their position on the command line. */
async function argsOf(args: Record<string, FlagLike> = {}): Promise<unknown[]> {
  return Promise.all(Object.entries(args).map(async ([name, arg]) => ({ name, ...(await contractOf(arg)) })));
}

async function cliContract(): Promise<Record<string, unknown>> {
  const verbs: Record<string, unknown> = {};
  for (const file of verbFiles(COMMANDS_DIR)) {
    // Every verb file, found by walking the folder, loaded by path.
    const verb = (require(file) as { default?: VerbClass }).default;
    if (!verb) continue;
    const id = relative(COMMANDS_DIR, file).replace(/\.ts$/, '').split(/[\\/]/).join(' ');
    verbs[`bss ${id}`] = {
      json: verb.enableJsonFlag === true,
      args: await argsOf(verb.args),
      flags: await flagsOf(verb.flags),
    };
  }
  return verbs;
}

describe('the bss CLI contract', () => {
  it('pins the flag set of every verb', async () => {
    const contract = await cliContract();
    expect(Object.keys(contract).length).toBeGreaterThan(70);
    expect(contract).toMatchSnapshot();
  });

  it('pins the --json result shape of every verb that has --json (a spec runs it successfully)', () => {
    const snapshots = [...files(__dirname, (name) => name.endsWith('.snap'))].map((file) => readFileSync(file, 'utf8')).join('\n');
    const unpinned = [...verbFiles(COMMANDS_DIR)]
      .map((file) => ({ file, verb: (require(file) as { default?: VerbClass }).default }))
      .filter(({ verb }) => verb?.enableJsonFlag === true && !snapshots.includes(`: ${verb.name} --json shape`))
      .map(({ file }) => `bss ${relative(COMMANDS_DIR, file).replace(/\.ts$/, '').split(/[\\/]/).join(' ')}`);
    expect(unpinned).toEqual([]);
  });
});
