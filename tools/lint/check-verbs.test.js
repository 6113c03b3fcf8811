// `node --test tools/lint/`: the verb spine lint on a small tree written to a temp dir, once sound
// and once broken in each way the lint must catch.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');
const { checkVerbs, nameMismatch } = require('./check-verbs');

const command = (className, verb) => `
import { Injectable } from '@nestjs/common';
import { Verb } from '@bss/platform';
export class ${className.replace(/Command$/, 'Input')} {}
${verb ?? ''}
@Injectable()
export class ${className} {}
`;
const cli = (className) => `
import { ${className} } from '@bss/crm';
export default class X { run() { return this.service(${className}); } }
`;

/** A tree with a case close verb (CLI), a job-only verb (exempt) and a helper that is no command. */
function soundTree() {
  return {
    'libs/crm/src/commands/close-case.command.ts': command(
      'CloseCaseCommand',
      `@Verb({ name: 'case.close', input: CloseCaseInput, summary: 'Close a case', destructive: true })`,
    ),
    'libs/crm/src/commands/sweep-cases.command.ts': command(
      'SweepStaleCasesCommand',
      `@Verb({ name: 'case.sweep_stale', input: SweepStaleCasesInput, summary: 'Sweep', cliExempt: 'cron job only' })`,
    ),
    'libs/crm/src/commands/case-moves.ts': 'export function moveCase() {}\n',
    'libs/crm/src/commands/close-case.int-spec.ts': 'class UnannotatedCommand {}\n',
    'apps/bss/src/commands/case/close.ts': cli('CloseCaseCommand'),
    'apps/bss/src/commands/case/list.ts': 'export default class CaseList {}\n',
  };
}

function run(files) {
  const root = mkdtempSync(join(tmpdir(), 'check-verbs-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return checkVerbs(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('a sound tree passes and lists its verbs', () => {
  const { verbs, errors } = run(soundTree());
  assert.deepEqual(errors, []);
  assert.deepEqual(
    verbs.map((v) => [v.name, v.className, v.destructive]),
    [
      ['case.close', 'CloseCaseCommand', true],
      ['case.sweep_stale', 'SweepStaleCasesCommand', false],
    ],
  );
});

test('a write command without @Verb fails', () => {
  const { errors } = run({ ...soundTree(), 'libs/crm/src/commands/reopen-case.command.ts': command('ReopenCaseCommand') });
  assert.equal(errors.length, 1);
  assert.match(errors[0], /reopen-case\.command\.ts:\d+ ReopenCaseCommand is a write command without @Verb/);
});

test('a verb with neither a CLI verb nor an exemption fails; so does an exemption the CLI contradicts', () => {
  const tree = soundTree();
  delete tree['apps/bss/src/commands/case/close.ts'];
  assert.match(run(tree).errors.join('\n'), /verb 'case\.close' has no CLI verb: apps\/bss\/src\/commands\/case\/close\.ts does not exist/);

  const wrongClass = { ...soundTree(), 'apps/bss/src/commands/case/close.ts': 'export default class CaseClose {}\n' };
  assert.match(run(wrongClass).errors.join('\n'), /close\.ts does not run CloseCaseCommand/);

  const stale = { ...soundTree(), 'apps/bss/src/commands/case/sweep-stale.ts': cli('SweepStaleCasesCommand') };
  assert.match(run(stale).errors.join('\n'), /'case\.sweep_stale' is cliExempt but .*sweep-stale\.ts runs SweepStaleCasesCommand/);
});

test('two classes under one verb name fail', () => {
  const tree = {
    ...soundTree(),
    'libs/crm/src/commands/close-case-again.command.ts': command(
      'CloseCaseAgainCommand',
      `@Verb({ name: 'case.close', input: CloseCaseAgainInput, summary: 'Close it again' })`,
    ),
  };
  const errors = run(tree).errors.join('\n');
  assert.match(errors, /verb 'case\.close' is taken twice: CloseCaseAgainCommand \(.*close-case-again\.command\.ts:\d+\) and CloseCaseCommand/);
});

test('a class named after something else than its verb fails', () => {
  const tree = soundTree();
  tree['libs/crm/src/commands/close-case.command.ts'] = command(
    'FinishCaseCommand',
    `@Verb({ name: 'case.close', input: FinishCaseInput, summary: 'Close a case' })`,
  );
  tree['apps/bss/src/commands/case/close.ts'] = cli('FinishCaseCommand');
  assert.match(run(tree).errors.join('\n'), /FinishCaseCommand does not match verb 'case\.close': the class name should start with 'Close'/);
});

test('a CLI verb that runs another verb\'s command fails', () => {
  const tree = { ...soundTree(), 'apps/bss/src/commands/case/note.ts': cli('CloseCaseCommand') };
  assert.match(run(tree).errors.join('\n'), /case\/note\.ts runs CloseCaseCommand, which is verb 'case\.close'/);
});

test('the class-name rule: action first, every action word, the noun when the action is one word', () => {
  assert.equal(nameMismatch('case.close', 'CloseCaseCommand'), null);
  assert.equal(nameMismatch('inventory.msisdn.add_range', 'AddMsisdnRangeCommand'), null);
  assert.equal(nameMismatch('admin.catalog.set_price', 'SetPriceCommand'), null);
  assert.equal(nameMismatch('port.approve', 'ApprovePortRequestCommand'), null);
  assert.equal(nameMismatch('promo.assign', 'AssignPromotionCommand'), null);
  assert.match(nameMismatch('admin.catalog.set_price', 'AddPriceCommand'), /start with 'Set'/);
  assert.match(nameMismatch('admin.catalog.window_offering', 'WindowCommand'), /lacks the action word\(s\) offering/);
  assert.match(nameMismatch('order.create', 'CreateCommand'), /lacks the noun 'order'/);
  assert.equal(nameMismatch('step_up.verify', 'VerifyStepUpCommand'), null);
  assert.match(nameMismatch('step_up.verify', 'VerifyStepCommand'), /lacks the noun 'step_up' .*VerifyStepUpCommand/);
});
