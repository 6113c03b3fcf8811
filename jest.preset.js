// Shared Jest settings: every project's jest.config.cjs spreads this.
// Library imports resolve to their TypeScript sources, so unit tests need no build.
const { join } = require('node:path');
const { readdirSync, existsSync } = require('node:fs');

const root = __dirname;
const moduleNameMapper = {};
for (const lib of readdirSync(join(root, 'libs'))) {
  const entry = join(root, 'libs', lib, 'src', 'index.ts');
  if (existsSync(entry)) moduleNameMapper[`^@bss/${lib}$`] = entry;
  // A context's test factories (specs only; the boundary lint enforces that).
  const testing = join(root, 'libs', lib, 'src', 'testing.ts');
  if (existsSync(testing)) moduleNameMapper[`^@bss/${lib}/testing$`] = testing;
}

module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { globalsCleanup: 'off' },
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: join(root, 'libs/testing/global/global-setup.mjs'),
  globalTeardown: join(root, 'libs/testing/global/global-teardown.mjs'),
  testTimeout: 60000,
};
