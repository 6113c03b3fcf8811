// Shared Jest settings. Every project's jest.config.cjs is `jestProjects(__dirname, '<name>')`:
// two Jest projects over one folder, so unit and integration runs stay apart.
//   <name>      pure specs (*.spec.ts): no globalSetup, so no Postgres starts (`nx test <name>`)
//   <name>:int  *.int-spec.ts (+ extra, e.g. browser specs): the globalSetup starts or reuses the
//               embedded Postgres (`nx test-int <name>`)
// `npx jest <file>` inside a project still runs whichever of the two matches the file: Jest runs a
// project's globalSetup only when that project has tests in the run.
// Library imports resolve to their TypeScript sources, so tests need no build (the int globalSetup
// still loads libs/platform/dist to start Postgres).
const { join } = require('node:path');
const { readdirSync, existsSync } = require('node:fs');

const root = __dirname;
const moduleNameMapper = {};
for (const group of ['libs', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    if (!existsSync(join(root, group, name, 'package.json'))) continue;
    // A project's own subpath imports (package.json "imports": `#<folder>/*` → ./src/*.ts for types, ./dist/*.js at
    // runtime): tests read the sources.
    moduleNameMapper[`^#${name}/(.*)$`] = join(root, group, name, 'src', '$1');
    if (group !== 'libs') continue;
    const entry = join(root, group, name, 'src', 'index.ts');
    if (existsSync(entry)) moduleNameMapper[`^@bss/${name}$`] = entry;
    // A context's test factories (specs only; the lint enforces that).
    const testing = join(root, group, name, 'src', 'testing.ts');
    if (existsSync(testing)) moduleNameMapper[`^@bss/${name}/testing$`] = testing;
  }
}

const base = {
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
};

const unitMatch = ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'];
const intMatch = ['<rootDir>/src/**/*.int-spec.ts'];

/** Pure specs only: never starts Postgres. */
function unitProject(rootDir, name) {
  return { ...base, rootDir, displayName: name, testMatch: unitMatch };
}

/** Integration specs: the globalSetup starts one embedded Postgres (or reuses BSS_TEST_PG_URL from `npm test`). */
function intProject(rootDir, name, { extraTestMatch = [] } = {}) {
  return {
    ...base,
    rootDir,
    displayName: `${name}:int`,
    testMatch: [...intMatch, ...extraTestMatch],
    globalSetup: join(root, 'libs/testing/global/global-setup.mjs'),
    globalTeardown: join(root, 'libs/testing/global/global-teardown.mjs'),
  };
}

/** A project's jest.config.cjs: its unit and int Jest projects (`--selectProjects <name>` / `<name>:int`). */
function jestProjects(rootDir, name, options = {}) {
  return { rootDir, testTimeout: 60000, projects: [unitProject(rootDir, name), intProject(rootDir, name, options)] };
}

// Spreading the preset (the old `{ ...require('../../jest.preset.js'), rootDir, displayName }`) still runs every spec
// of the project, Postgres included, as before: a project not yet on jestProjects loses no test.
// tools/test/projects.spec.ts fails until it is. The helpers are not enumerable, so they do not leak into the spread.
module.exports = {
  ...base,
  testMatch: [...unitMatch, ...intMatch],
  testTimeout: 60000,
  globalSetup: join(root, 'libs/testing/global/global-setup.mjs'),
  globalTeardown: join(root, 'libs/testing/global/global-teardown.mjs'),
};
Object.defineProperties(module.exports, {
  jestProjects: { value: jestProjects },
  unitProject: { value: unitProject },
  intProject: { value: intProject },
  moduleNameMapper: { value: moduleNameMapper },
});
