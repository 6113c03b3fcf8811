// `npm run test:unit`: every project's pure specs (*.spec.ts) in ONE Jest process — no Postgres, no build,
// one worker pool instead of a Jest start per project. The same specs are each project's Nx `test` target
// (`npx nx affected -t test`); the int specs are `test-int`.
const { readdirSync, existsSync } = require('node:fs');
const { join } = require('node:path');

const projects = [];
for (const group of ['libs', 'apps']) {
  for (const name of readdirSync(join(__dirname, group))) {
    const configFile = join(__dirname, group, name, 'jest.config.cjs');
    if (!existsSync(configFile)) continue;
    const config = require(configFile);
    projects.push(...(config.projects ?? [config]).filter((project) => !project.globalSetup));
  }
}
const toolsConfig = join(__dirname, 'tools', 'jest.config.cjs');
if (existsSync(toolsConfig)) projects.push(require(toolsConfig));

module.exports = { projects, testTimeout: 60000 };
