#!/usr/bin/env node
// Build step: writes oclif.manifest.json (every command's id, summary, flags and file) so `bss`
// loads only the one command it runs, and `--help`/`--version` load none. It is what `oclif
// manifest` writes, without the oclif packaging tool. Gitignored; rebuilt with dist.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Plugin } = require('@oclif/core');

async function main() {
  const root = join(__dirname, '..');
  const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, isRoot: true });
  await plugin.load();
  writeFileSync(join(root, 'oclif.manifest.json'), `${JSON.stringify(plugin.manifest, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`oclif manifest: ${error.stack ?? error}\n`);
  process.exit(1);
});
