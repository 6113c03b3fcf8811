// A separate worker process for the worker-crash spec: runs the orders job handlers against
// BSS_DB_URL straight from the TypeScript sources (an swc require hook, as jest does), prints
// "ready" once its workers are polling, and is then killed with SIGKILL by the spec.
const { readFileSync } = require('node:fs');
const NodeModule = require('node:module');
const { join } = require('node:path');
const swc = require('@swc/core');

const root = join(__dirname, '..', '..', '..');
const resolveFilename = NodeModule._resolveFilename;
NodeModule._resolveFilename = function resolveBssAlias(request, ...rest) {
  const alias = /^@bss\/([a-z-]+)$/.exec(request);
  if (alias) return join(root, 'libs', alias[1], 'src', 'index.ts');
  // A project's own subpath import (`#orders/domain/x`): its source, as jest.preset.js maps it (Node would take dist).
  const own = /^#([a-z-]+)\/(.+)$/.exec(request);
  if (own) return resolveFilename.call(this, join(root, 'libs', own[1], 'src', own[2]), ...rest);
  return resolveFilename.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require('reflect-metadata');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { PlatformModule } = require('@bss/platform');
const { AuditModule } = require('@bss/audit');
const { OrdersModule } = require('@bss/orders');

class ChainWorkerModule {}
Module({
  imports: [
    PlatformModule.forRoot({ databaseUrl: process.env.BSS_DB_URL, applicationName: 'bss-chain-worker', workers: true, migrate: false, poolSize: 6 }),
    AuditModule,
    OrdersModule,
  ],
})(ChainWorkerModule);

NestFactory.createApplicationContext(ChainWorkerModule, { logger: false })
  .then(async (app) => {
    await app.init();
    process.stdout.write('ready\n');
  })
  .catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
