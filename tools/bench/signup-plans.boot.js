// Shared by tools/bench/signup.js and tools/bench/plans.js: a throwaway embedded Postgres and the
// real portal app (built dist) listening on a free port, migrated and seeded.
process.env.BSS_LOG_LEVEL ??= 'warn';
require('reflect-metadata');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');

const { bootHttpBenchApp } = require('./bench-support');

const root = join(__dirname, '..', '..');

async function bootPortal({ workers = true } = {}) {
  process.env.BSS_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_SELF_SERVE_API_TOKEN ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_TOKEN_PEPPER ??= randomBytes(32).toString('hex');
  process.env.BSS_PORTAL_DEV_INSECURE_COOKIE = '1';
  process.env.BSS_PROVISIONING_DELAY_SCALE ??= '0';
  const { PortalAppModule } = require(join(root, 'apps/portal-self-serve/dist/app.module.js'));
  return bootHttpBenchApp((options) => PortalAppModule.forRoot(options), { workers });
}

module.exports = { bootPortal, root };
