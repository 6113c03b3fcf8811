#!/usr/bin/env node
// Lints source texts as if they sat at the given paths, with the repo's eslint.config.mjs, and prints
// [{ filePath, messages: [{ ruleId, message }] }]. Input on stdin: [{ filePath, code }] (paths relative to the repo).
// eslint-config.spec.ts drives it in a child process (ESLint loads its flat config with a dynamic import,
// which Jest's module sandbox does not run).
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { filePath, code } of fixtures) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  out.push({
    filePath: relative(root, result.filePath),
    messages: result.messages.map(({ ruleId, message }) => ({ ruleId, message })),
  });
}
process.stdout.write(JSON.stringify(out));
