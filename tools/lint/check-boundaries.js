#!/usr/bin/env node
// Module-boundary lint (the rules of style.md §6), run by `npm run lint` and CI:
//  1. a project imports another only as `@bss/<name>` (no deep imports), and only if the tag table allows it;
//  2. no relative import leaves its project; apps never import apps;
//  3. inside a context, domain/ and policies/ stay free of Nest, Fastify, commands/ and queries/;
//  4. test helpers (@bss/testing, a context's testing.ts, src/testing/) load only from specs and other helpers
//     (specs of any project may use them; they are not part of the dependency graph);
//  5. no cycles between projects.
const { readdirSync, readFileSync, existsSync, statSync } = require('node:fs');
const { join, relative, resolve, dirname, sep } = require('node:path');

const root = resolve(__dirname, '..', '..');
const ALLOWED = {
  'type:app': ['type:context', 'type:web', 'type:platform', 'type:testing'],
  'type:context': ['type:context', 'type:platform', 'type:testing'],
  'type:web': ['type:platform'],
  'type:platform': ['type:platform'],
  'type:testing': ['type:platform'],
};

const projects = [];
for (const group of ['apps', 'libs']) {
  for (const name of readdirSync(join(root, group))) {
    const pkgFile = join(root, group, name, 'package.json');
    if (!existsSync(pkgFile)) continue;
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    const tags = pkg.nx?.tags ?? [];
    const tag = tags.find((t) => t.startsWith('type:'));
    projects.push({ dir: join(root, group, name), pkg: pkg.name, short: name, group, tag });
  }
}
const byPackage = new Map(projects.map((p) => [p.pkg, p]));
const libAlias = new Map(projects.filter((p) => p.group === 'libs').map((p) => [`@bss/${p.short}`, p]));

function* tsFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist') continue;
    if (statSync(full).isDirectory()) yield* tsFiles(full);
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) yield full;
  }
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
const isSpec = (file) => /\.(int-)?spec\.ts$/.test(file);
const isTestHelper = (file) => isSpec(file) || /[/\\]testing\.ts$/.test(file) || file.includes(`${sep}src${sep}testing${sep}`) || file.includes(`${sep}libs${sep}testing${sep}`);

const errors = [];
const edges = new Map(projects.map((p) => [p.pkg, new Set()]));

for (const project of projects) {
  if (!project.tag) errors.push(`${relative(root, project.dir)}/package.json: no type:* tag in nx.tags`);
  for (const file of tsFiles(join(project.dir, 'src'))) {
    const rel = relative(root, file);
    const text = readFileSync(file, 'utf8');
    const inLayer = /[/\\]src[/\\](domain|policies)[/\\]/.exec(file)?.[1];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (spec.startsWith('@bss/')) {
        const [scope, name, ...deep] = spec.split('/');
        const alias = `${scope}/${name}`;
        const target = libAlias.get(alias) ?? byPackage.get(alias);
        if (!target) {
          errors.push(`${rel}: imports unknown project ${spec}`);
          continue;
        }
        const testingEntry = deep.length === 1 && deep[0] === 'testing';
        if (testingEntry && !isTestHelper(file)) errors.push(`${rel}: ${spec} (test factories) is for specs only`);
        if (deep.length && !testingEntry) errors.push(`${rel}: deep import ${spec}; import ${alias} (its index.ts) instead`);
        if (target === project) {
          errors.push(`${rel}: imports its own project through ${alias}; use a relative import`);
          continue;
        }
        if (target.group === 'apps') errors.push(`${rel}: an app or lib must not import the app ${spec}`);
        const specUsingHelpers = (target.tag === 'type:testing' || testingEntry) && isTestHelper(file);
        if (project.tag && target.tag && !specUsingHelpers && !(ALLOWED[project.tag] ?? []).includes(target.tag)) {
          errors.push(`${rel}: ${project.tag} may not depend on ${target.tag} (${alias})`);
        }
        if (target.tag === 'type:testing' && !isTestHelper(file)) errors.push(`${rel}: ${alias} is for specs only`);
        if (!isTestHelper(file)) edges.get(project.pkg).add(target.pkg);
      } else if (spec.startsWith('.')) {
        const resolved = resolve(dirname(file), spec);
        if (!resolved.startsWith(project.dir + sep)) errors.push(`${rel}: relative import ${spec} leaves ${relative(root, project.dir)}`);
        if (/[/\\]testing$/.test(resolved) && !isTestHelper(file)) errors.push(`${rel}: ${spec} (test factories) is for specs only`);
        if (inLayer && /[/\\]src[/\\](commands|queries)([/\\]|$)/.test(resolved)) {
          errors.push(`${rel}: ${inLayer}/ must not import ${spec} (commands/queries depend on ${inLayer}, not the reverse)`);
        }
      } else if (inLayer && (/^@nestjs\//.test(spec) || /^fastify/.test(spec) || /^@fastify\//.test(spec))) {
        errors.push(`${rel}: ${inLayer}/ must stay free of ${spec}`);
      }
    }
  }
}

// 5. project cycles (depth-first search over the import graph)
const state = new Map();
const stack = [];
function visit(node) {
  state.set(node, 'open');
  stack.push(node);
  for (const next of edges.get(node) ?? []) {
    if (state.get(next) === 'open') errors.push(`project cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' → ')}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(node, 'done');
}
for (const node of edges.keys()) if (!state.has(node)) visit(node);

if (errors.length) {
  console.error(`Module boundaries: ${errors.length} problem(s)\n${errors.map((e) => `  ✗ ${e}`).join('\n')}`);
  process.exit(1);
}
console.log(`Module boundaries: ${projects.length} projects, no violations`);
