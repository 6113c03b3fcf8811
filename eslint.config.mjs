// `npm run lint` (with `tsc -p tsconfig.json`): the module boundaries of style.md §6 and the import rules of §2.
//  - @nx/enforce-module-boundaries: the tag table below, no project cycles, no app imported by anything,
//    no relative import into another project, no project importing itself through its alias;
//  - no-restricted-imports:
//      everywhere          no deep import `@bss/<lib>/<path>` (only index.ts is a door), no `../` import
//                          (a project reaches its own files through its `#<folder>/…` subpath imports);
//      outside test code   no test helpers (`@bss/testing`, `@bss/<lib>/testing`, `#<folder>/testing…`);
//      domain/, policies/  no Nest, no Fastify, nothing from commands/ or queries/.
// Test code = specs (*.spec.ts, *.int-spec.ts, *.e2e-spec.ts), a context's testing.ts, src/testing/, libs/testing.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** style.md §6: which tags a tag may depend on. */
const ALLOWED = {
  'type:app': ['type:context', 'type:web', 'type:platform', 'type:testing'],
  'type:context': ['type:context', 'type:platform', 'type:testing'],
  'type:web': ['type:platform'],
  'type:platform': ['type:platform'],
  'type:testing': ['type:platform'],
};
const depConstraints = (extra = []) =>
  Object.entries(ALLOWED).map(([sourceTag, allowed]) => ({ sourceTag, onlyDependOnLibsWithTags: [...new Set([...allowed, ...extra])] }));

const SOURCES = ['libs/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'apps/*/e2e/**/*.ts', 'tools/**/*.ts'];
const TEST_CODE = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/src/testing.ts', '**/src/testing/**/*.ts', 'libs/testing/**/*.ts', 'apps/*/e2e/**/*.ts'];
const LAYERS = ['libs/*/src/domain/**/*.ts', 'libs/*/src/policies/**/*.ts'];

const EVERYWHERE = [
  {
    regex: '^@bss/[^/]+/(?!testing$).+',
    message: 'Deep import: import the lib through its index.ts (`@bss/<lib>`); only `@bss/<lib>/testing` (specs) is a second door.',
  },
  {
    regex: '(^|/)\\.\\.(/|$)',
    message: 'No `../` imports: reach another folder of this project through its subpath import (`#<project-folder>/<path>`, see CONTRIBUTING.md). Run `node tools/codemods/no-parent-imports.js`.',
  },
];
const OUTSIDE_TEST_CODE = [
  { regex: '^@bss/testing$', message: '@bss/testing is for specs and test helpers only.' },
  { regex: '^@bss/[^/]+/testing$', message: 'A context\'s test factories (`@bss/<lib>/testing`) are for specs and test helpers only.' },
  { regex: '^#[^/]+/testing(/|$)', message: 'Test helpers (testing.ts, src/testing/) are for specs and other helpers only.' },
  { regex: '^\\./(.+/)?testing(/|$)', message: 'Test helpers (testing.ts, src/testing/) are for specs and other helpers only.' },
];
const IN_LAYER = [
  { regex: '^@nestjs/', message: 'domain/ and policies/ stay free of Nest (style.md §6).' },
  { regex: '^(fastify|@fastify/)', message: 'domain/ and policies/ stay free of Fastify (style.md §6).' },
  {
    regex: '^(#[^/]+/|\\./(.+/)?)(commands|queries)(/|$)',
    message: 'domain/ and policies/ must not import commands/ or queries/ (those depend on the domain, not the reverse).',
  },
];
const restrict = (...groups) => ['error', { patterns: groups.flat() }];
// `#<folder>/…` (package.json "imports") only ever resolves inside its own project — Node and tsc read the importing
// file's package.json — so it is no project dependency; the Nx rule would otherwise ask for a `../` path instead.
const OWN_SUBPATH_IMPORTS = '^#[^/]+/';

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.nx/**', 'coverage/**'] },
  { plugins: { '@nx': nx } },
  {
    files: SOURCES,
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
    // Directives for rules this config does not run (e.g. no-console) are not ours to judge.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: depConstraints(),
          allow: [OWN_SUBPATH_IMPORTS],
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
        },
      ],
      'no-restricted-imports': restrict(EVERYWHERE, OUTSIDE_TEST_CODE),
    },
  },
  // Test code may use test helpers whatever its project's tag, and those imports are no project dependency
  // (platform's specs use @bss/testing, which is built on platform): not a cycle.
  {
    files: TEST_CODE,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          depConstraints: depConstraints(['type:testing']),
          allow: [OWN_SUBPATH_IMPORTS, '^@bss/testing$', '^@bss/[^/]+/testing$'],
          enforceBuildableLibDependency: false,
          allowCircularSelfDependency: false,
        },
      ],
      'no-restricted-imports': restrict(EVERYWHERE),
    },
  },
  { files: LAYERS, rules: { 'no-restricted-imports': restrict(EVERYWHERE, OUTSIDE_TEST_CODE, IN_LAYER) } },
  { files: LAYERS.map((layer) => layer.replace(/\*\.ts$/, '*.{spec,int-spec}.ts')), rules: { 'no-restricted-imports': restrict(EVERYWHERE, IN_LAYER) } },
];
