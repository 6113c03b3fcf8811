#!/usr/bin/env node
// Codemod: replace every `../` import in apps/* and libs/* with the project's own subpath import.
//
//   libs/crm/src/commands/close-case.command.ts   '../domain/case.entity'     → '#crm/domain/case.entity'
//   apps/bss/src/commands/case/close.ts           '../../base/bss-command'    → '#bss/base/bss-command'
//   apps/portal-self-serve/e2e/portal.e2e-spec.ts '../src/testing/line-factory' → '#portal-self-serve/testing/line-factory'
//
// `#<folder>/…` is a Node subpath import declared in the project's package.json (added here when missing):
//   "imports": { "#crm/*": { "types": "./src/*.ts", "default": "./dist/*.js" } }
// so `tsc` (moduleResolution node16+, condition "types") reads the sources, plain `node` running the swc
// output reads dist, and Jest maps `^#crm/(.*)$` to the sources (jest.preset.js). The prefix is the project's
// folder, unique in the repo, because a spec loads other projects' sources through one moduleNameMapper.
// A folder's index.ts becomes `#crm/domain/index` (subpath patterns do not look for index files).
//
// Idempotent: re-running changes nothing. Imports it cannot map (the target is outside the project's src/, or
// missing) are left as they are and listed; the exit code is then 1.
//
//   node tools/codemods/no-parent-imports.js            rewrite
//   node tools/codemods/no-parent-imports.js --check    list what would change, exit 1 if anything would
const { readdirSync, readFileSync, writeFileSync, existsSync, statSync } = require('node:fs');
const { join, dirname, resolve, relative, sep } = require('node:path');

const root = resolve(__dirname, '..', '..');
const checkOnly = process.argv.includes('--check');

/** `from '…'`, `export … from '…'`, `import '…'`, `import('…')`, `require('…')`, `jest.mock('…')` etc. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bjest\.(?:mock|doMock|unmock|requireActual)\s*\(\s*|^\s*import\s*)(['"])(\.{1,2}\/[^'"\n]*)\2/gm;
const leavesFolder = (spec) => spec.split('/').includes('..');

function* tsFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) yield* tsFiles(full);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith('.d.ts')) yield full;
  }
}

/** The .ts file an import specifier points at, or undefined. */
function resolveSource(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  if (/\.(js|ts)$/.test(base)) {
    const ts = base.replace(/\.js$/, '.ts');
    if (existsSync(ts)) return ts;
  }
  return undefined;
}

/** Adds `"imports": { "#<alias>/*": … }` to the project's package.json, keeping the rest of the file as written. */
function ensureImportsField(projectDir, alias) {
  const file = join(projectDir, 'package.json');
  const text = readFileSync(file, 'utf8');
  const pkg = JSON.parse(text);
  const key = `#${alias}/*`;
  const want = { types: './src/*.ts', default: './dist/*.js' };
  if (JSON.stringify(pkg.imports?.[key]) === JSON.stringify(want)) return false;
  let next;
  if (pkg.imports) {
    pkg.imports[key] = want;
    next = `${JSON.stringify(pkg, null, 2)}\n`;
  } else {
    const line = `  "imports": { "${key}": { "types": "./src/*.ts", "default": "./dist/*.js" } },\n`;
    const anchor = /^ {2}"main": .*,\n/m.exec(text) ?? /^ {2}"private": .*,\n/m.exec(text) ?? /^ {2}"name": .*,\n/m.exec(text);
    next = anchor ? text.slice(0, anchor.index + anchor[0].length) + line + text.slice(anchor.index + anchor[0].length) : undefined;
    if (!next) {
      pkg.imports = { [key]: want };
      next = `${JSON.stringify(pkg, null, 2)}\n`;
    }
  }
  JSON.parse(next); // never write a broken package.json
  if (!checkOnly) writeFileSync(file, next);
  return true;
}

const projects = [];
for (const group of ['libs', 'apps']) {
  for (const name of readdirSync(join(root, group)).sort()) {
    const dir = join(root, group, name);
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src'))) projects.push({ dir, alias: name });
  }
}
const aliases = new Set();
for (const { alias } of projects) {
  if (aliases.has(alias)) throw new Error(`two projects in a folder named ${alias}: the #${alias}/ prefix would be ambiguous`);
  aliases.add(alias);
}

let rewritten = 0;
let filesChanged = 0;
const packagesChanged = [];
const unmapped = [];
for (const { dir, alias } of projects) {
  const src = join(dir, 'src');
  for (const file of tsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    let changed = 0;
    const next = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
      if (!leavesFolder(spec)) return whole;
      const target = resolveSource(file, spec);
      if (!target || !target.startsWith(src + sep)) {
        unmapped.push(`${relative(root, file)}: '${spec}' (${target ? `${relative(root, target)} is outside ${relative(root, src)}` : 'no such .ts file'})`);
        return whole;
      }
      changed++;
      const subpath = relative(src, target).split(sep).join('/').replace(/\.tsx?$/, '');
      return `${lead}${quote}#${alias}/${subpath}${quote}`;
    });
    if (changed) {
      rewritten += changed;
      filesChanged++;
      if (checkOnly) console.log(`${relative(root, file)}: ${changed} import(s)`);
      else writeFileSync(file, next);
    }
  }
  // Every project gets its "imports", so a new file can use `#<folder>/…` without a `../` first.
  if (ensureImportsField(dir, alias)) packagesChanged.push(relative(root, join(dir, 'package.json')));
}

console.log(
  `${checkOnly ? 'Would rewrite' : 'Rewrote'} ${rewritten} import(s) in ${filesChanged} file(s); ` +
    `${packagesChanged.length ? `"imports" ${checkOnly ? 'missing' : 'added'} in ${packagesChanged.join(', ')}` : 'every package.json already had its "imports"'}.`,
);
if (unmapped.length) {
  console.error(`Left alone (no subpath import can stand for them):\n${unmapped.map((u) => `  ${u}`).join('\n')}`);
}
process.exit(unmapped.length || (checkOnly && (rewritten || packagesChanged.length)) ? 1 : 0);
