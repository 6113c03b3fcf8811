// The lint rules of style.md §2 and §6, shown on source texts placed at real paths of the repo: each deny case
// fails `npm run lint`, each allow case passes. Runs ESLint in one child process (see lint-texts.mjs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

type Linted = { filePath: string; messages: { ruleId: string | null; message: string }[] };

const root = join(__dirname, '..', '..');

const DENY: Record<string, { filePath: string; code: string; rule: string; says: RegExp }> = {
  'a deep import into another lib': {
    filePath: 'libs/orders/src/commands/lint-fixture.command.ts',
    code: "import { CustomerEntity } from '@bss/crm/src/domain/customer.entity';\nexport const x = CustomerEntity;\n",
    rule: 'no-restricted-imports',
    says: /Deep import/,
  },
  'a ../ import': {
    filePath: 'libs/crm/src/commands/lint-fixture.command.ts',
    code: "import { CustomerEntity } from '../domain/customer.entity';\nexport const x = CustomerEntity;\n",
    rule: 'no-restricted-imports',
    says: /No `\.\.\/` imports/,
  },
  'a ../ import in an app': {
    filePath: 'apps/bss/src/commands/case/lint-fixture.ts',
    code: "import { BssCommand } from '../../base/bss-command';\nexport const x = BssCommand;\n",
    rule: 'no-restricted-imports',
    says: /No `\.\.\/` imports/,
  },
  'test factories in production code': {
    filePath: 'libs/orders/src/commands/lint-fixture.command.ts',
    code: "import { customerFactory } from '@bss/crm/testing';\nexport const x = customerFactory;\n",
    rule: 'no-restricted-imports',
    says: /for specs and test helpers only/,
  },
  '@bss/testing in production code': {
    filePath: 'libs/crm/src/queries/lint-fixture.queries.ts',
    code: "import { createTestApp } from '@bss/testing';\nexport const x = createTestApp;\n",
    rule: 'no-restricted-imports',
    says: /for specs and test helpers only/,
  },
  'Nest in domain/': {
    filePath: 'libs/crm/src/domain/lint-fixture.entity.ts',
    code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    rule: 'no-restricted-imports',
    says: /free of Nest/,
  },
  'Fastify in policies/': {
    filePath: 'libs/crm/src/policies/lint-fixture.policies.ts',
    code: "import type { FastifyRequest } from 'fastify';\nexport type X = FastifyRequest;\n",
    rule: 'no-restricted-imports',
    says: /free of Fastify/,
  },
  'commands/ from domain/': {
    filePath: 'libs/crm/src/domain/lint-fixture.entity.ts',
    code: "import { CloseCaseCommand } from '#crm/commands/close-case.command';\nexport const x = CloseCaseCommand;\n",
    rule: 'no-restricted-imports',
    says: /must not import commands\/ or queries\//,
  },
  'a context from the web lib (tag table)': {
    filePath: 'libs/web/src/lint-fixture.ts',
    code: "import { CrmModule } from '@bss/crm';\nexport const x = CrmModule;\n",
    rule: '@nx/enforce-module-boundaries',
    says: /type:web.*can only depend on libs tagged with.*type:platform/s,
  },
  'a project cycle': {
    filePath: 'libs/inventory/src/queries/lint-fixture.queries.ts',
    code: "import { CrmModule } from '@bss/crm';\nexport const x = CrmModule;\n",
    rule: '@nx/enforce-module-boundaries',
    says: /Circular dependency/,
  },
  'a lib importing itself through its alias': {
    filePath: 'libs/crm/src/commands/lint-fixture.command.ts',
    code: "import { CrmModule } from '@bss/crm';\nexport const x = CrmModule;\n",
    rule: '@nx/enforce-module-boundaries',
    says: /should use relative imports/,
  },
};

const ALLOW: Record<string, { filePath: string; code: string }> = {
  'a sibling import and the lib\'s own subpath import': {
    filePath: 'libs/crm/src/commands/lint-fixture.command.ts',
    code: "import { CaseEntity } from '#crm/domain/case.entity';\nimport { x as y } from './close-case.command';\nexport const x = [CaseEntity, y];\n",
  },
  'another context through its index.ts': {
    filePath: 'libs/orders/src/commands/lint-fixture.command.ts',
    code: "import { CustomerQueries } from '@bss/crm';\nexport const x = CustomerQueries;\n",
  },
  'test factories and @bss/testing in a spec': {
    filePath: 'libs/platform/src/clock/lint-fixture.int-spec.ts',
    code: "import { createTestApp } from '@bss/testing';\nimport { customerFactory } from '@bss/crm/testing';\nexport const x = [createTestApp, customerFactory];\n",
  },
};

function lint(fixtures: { filePath: string; code: string }[]): Linted[] {
  const run = spawnSync(process.execPath, [join(__dirname, 'lint-texts.mjs')], { cwd: root, input: JSON.stringify(fixtures), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`lint-texts.mjs failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Linted[];
}

describe('eslint.config.mjs', () => {
  const denyCases = Object.entries(DENY);
  const allowCases = Object.entries(ALLOW);
  let results: Linted[];

  beforeAll(() => {
    results = lint([...denyCases, ...allowCases].map(([, { filePath, code }]) => ({ filePath, code })));
  }, 120_000);

  it.each(denyCases.map(([name], i) => [name, i] as const))('fails on %s', (_name, i) => {
    const { rule, says } = denyCases[i][1];
    expect(results[i].messages).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: rule, message: expect.stringMatching(says) })]));
  });

  it.each(allowCases.map(([name], i) => [name, i] as const))('passes %s', (_name, i) => {
    expect(results[denyCases.length + i].messages).toEqual([]);
  });
});
