import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let cachedRoot: string | undefined;

/** The checkout root: the nearest folder above this file (src or dist) holding nx.json. */
export function projectRoot(): string {
  if (cachedRoot) return cachedRoot;
  if (process.env.BSS_PROJECT_ROOT) return (cachedRoot = resolve(process.env.BSS_PROJECT_ROOT));
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the project root (nx.json) above ${__dirname}`);
    dir = parent;
  }
  return (cachedRoot = dir);
}

/** Gitignored, project-local state: embedded Postgres data, connection file, generated dev tokens. */
export function localStateDir(): string {
  const dir = process.env.BSS_HOME ? resolve(process.env.BSS_HOME) : join(projectRoot(), '.bss');
  mkdirSync(dir, { recursive: true });
  return dir;
}
