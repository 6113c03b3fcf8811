#!/usr/bin/env node
// The verb spine lint (style.md §2 "The write verb is the spine"; issue #11 item 1), run by `npm run lint`.
// It reads the TypeScript sources (no build, no Postgres) and fails when:
//  1. a class in `libs/*/src/commands/**` whose name ends in `Command` has no `@Verb({ … })`;
//  2. a verb's `name` or `cliExempt` is not a string literal (this script cannot read it otherwise);
//  3. two classes share one verb name;
//  4. a verb has no CLI verb and no exemption: without `cliExempt`, the file
//     `apps/bss/src/commands/<name, dots → folders, snake_case → kebab-case>.ts` must exist and run that
//     very class (`admin.catalog.set_price` → `apps/bss/src/commands/admin/catalog/set-price.ts`);
//     with `cliExempt`, that file must NOT run the class (the exemption would be stale);
//  5. a CLI verb file runs a command class registered under another verb name (one CLI verb, one command);
//  6. the class name does not match the verb. The rule, on words (`CloseCaseCommand` → close, case;
//     `case.close` → action `close`, noun `case`):
//     a. the class name starts with the first word of the action (the last segment): `case.close` →
//        `Close…Command`, `admin.catalog.set_price` → `Set…Command`;
//     b. every word of the action appears in the class name: `set_price` → `SetPriceCommand`, not `AddPriceCommand`;
//     c. when the action is one word it does not name its object, so the noun (the segment before it,
//        every word of it) must appear too: `order.create` → `CreateOrderCommand`, not `CreateCommand`;
//        `step_up.verify` → `VerifyStepUpCommand`. A CLI topic that abbreviates its noun lists the
//        spelled-out words in NOUN_WORDS (`promo` → promotion).
//     Extra words are allowed (`port.approve` → `ApprovePortRequestCommand`).
// Usage: node tools/lint/check-verbs.js [--list] [root]   (--list prints the verbs it found)
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');
const ts = require('typescript');

/** CLI topics that abbreviate the noun their verbs act on. */
const NOUN_WORDS = {
  promo: ['promo', 'promotion'],
  prov: ['prov', 'provisioning', 'task'],
};

function* tsFiles(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (entry === 'node_modules' || entry === 'dist' || entry === '__snapshots__') continue;
    if (statSync(full).isDirectory()) yield* tsFiles(full);
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !/\.(int-)?spec\.ts$/.test(entry)) yield full;
  }
}

const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);

function stringValue(node) {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** The `@Verb({ … })` of a class: its literal properties, or undefined when the class has none. */
function verbDecorator(node) {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Verb') continue;
    const spec = call.arguments[0];
    const props = {};
    if (spec && ts.isObjectLiteralExpression(spec)) {
      for (const p of spec.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) props[p.name.text] = p.initializer;
      }
    }
    return props;
  }
  return undefined;
}

/** `CloseCaseCommand` → ['close', 'case']. */
function classWords(className) {
  return (className.replace(/Command$/, '').match(/[A-Z][a-z0-9]*/g) ?? []).map((w) => w.toLowerCase());
}

/** Rule 6 as an error message, or null when the class name matches the verb. */
function nameMismatch(verbName, className) {
  const segments = verbName.split('.');
  const action = segments[segments.length - 1].split('_');
  const noun = segments[segments.length - 2];
  const words = classWords(className);
  if (words[0] !== action[0]) return `the class name should start with '${pascal(action[0])}' (the action of ${verbName})`;
  const missing = action.filter((w) => !words.includes(w));
  if (missing.length) return `the class name lacks the action word(s) ${missing.join(', ')} of ${verbName}`;
  if (action.length === 1 && noun && noun !== 'admin') {
    const nounParts = noun.split('_');
    const named = NOUN_WORDS[noun] ? NOUN_WORDS[noun].some((w) => words.includes(w)) : nounParts.every((w) => words.includes(w));
    if (!named) return `the class name lacks the noun '${noun}' of ${verbName} (e.g. ${pascal(action[0])}${nounParts.map(pascal).join('')}Command)`;
  }
  return null;
}

const pascal = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** `admin.catalog.set_price` → `apps/bss/src/commands/admin/catalog/set-price.ts`. */
function cliFileOf(root, verbName) {
  return join(root, 'apps', 'bss', 'src', 'commands', ...verbName.split('.').map((s) => s.replace(/_/g, '-'))) + '.ts';
}

/** `apps/bss/src/commands/admin/catalog/set-price.ts` → `admin.catalog.set_price`. */
function verbNameOfCliFile(commandsDir, file) {
  return relative(commandsDir, file).replace(/\.ts$/, '').split(/[\\/]/).map((s) => s.replace(/-/g, '_')).join('.');
}

/** Every identifier a file mentions outside comments and strings. */
function identifiersOf(sourceFile) {
  const names = new Set();
  const walk = (node) => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, walk);
  };
  walk(sourceFile);
  return names;
}

/** Reads the spine under `root`; returns the verbs found and one message per broken rule. */
function checkVerbs(root) {
  const errors = [];
  const verbs = [];
  const at = (file, node) => {
    const { line } = node.getSourceFile().getLineAndCharacterOfPosition(node.getStart());
    return `${relative(root, file)}:${line + 1}`;
  };
  const libsDir = join(root, 'libs');
  for (const lib of existsSync(libsDir) ? readdirSync(libsDir).sort() : []) {
    for (const file of tsFiles(join(libsDir, lib, 'src', 'commands'))) {
      const source = parse(file);
      for (const node of source.statements) {
        if (!ts.isClassDeclaration(node) || !node.name || !node.name.text.endsWith('Command')) continue;
        const className = node.name.text;
        const props = verbDecorator(node);
        if (!props) {
          errors.push(`${at(file, node)} ${className} is a write command without @Verb({ name, input, summary }): put it on the verb spine`);
          continue;
        }
        const name = stringValue(props.name);
        if (name === undefined) {
          errors.push(`${at(file, node)} ${className}: @Verb name must be a string literal`);
          continue;
        }
        const cliExempt = props.cliExempt === undefined ? undefined : stringValue(props.cliExempt);
        if (props.cliExempt !== undefined && !cliExempt?.trim()) {
          errors.push(`${at(file, node)} ${className}: cliExempt must be a non-empty string literal saying why there is no CLI verb`);
        }
        const destructive = props.destructive?.kind === ts.SyntaxKind.TrueKeyword;
        verbs.push({ name, className, cliExempt, destructive, where: at(file, node) });
      }
    }
  }

  const byName = new Map();
  for (const verb of verbs) {
    const first = byName.get(verb.name);
    if (first) errors.push(`${verb.where} verb '${verb.name}' is taken twice: ${first.className} (${first.where}) and ${verb.className}`);
    else byName.set(verb.name, verb);
    const mismatch = nameMismatch(verb.name, verb.className);
    if (mismatch) errors.push(`${verb.where} ${verb.className} does not match verb '${verb.name}': ${mismatch}`);
  }

  const commandsDir = join(root, 'apps', 'bss', 'src', 'commands');
  const cliUses = new Map();
  for (const file of tsFiles(commandsDir)) cliUses.set(file, identifiersOf(parse(file)));
  for (const verb of byName.values()) {
    const cliFile = cliFileOf(root, verb.name);
    const runsIt = cliUses.get(cliFile)?.has(verb.className) ?? false;
    if (verb.cliExempt === undefined && !runsIt) {
      const why = cliUses.has(cliFile) ? `does not run ${verb.className}` : 'does not exist';
      errors.push(`${verb.where} verb '${verb.name}' has no CLI verb: ${relative(root, cliFile)} ${why} (add it, or say why in cliExempt)`);
    }
    if (verb.cliExempt !== undefined && runsIt) {
      errors.push(`${verb.where} verb '${verb.name}' is cliExempt but ${relative(root, cliFile)} runs ${verb.className}: drop the exemption`);
    }
  }
  const byClass = new Map(verbs.map((v) => [v.className, v]));
  for (const [file, names] of cliUses) {
    const cliVerb = verbNameOfCliFile(commandsDir, file);
    for (const name of names) {
      const verb = byClass.get(name);
      if (verb && verb.name !== cliVerb) {
        errors.push(`${relative(root, file)} runs ${name}, which is verb '${verb.name}': one CLI verb runs its own command`);
      }
    }
  }
  return { verbs: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)), errors };
}

module.exports = { checkVerbs, nameMismatch, cliFileOf };

if (require.main === module) {
  const args = process.argv.slice(2);
  const root = resolve(args.find((a) => !a.startsWith('--')) ?? join(__dirname, '..', '..'));
  const started = Date.now();
  const { verbs, errors } = checkVerbs(root);
  if (args.includes('--list')) {
    for (const v of verbs) console.log(`${v.name.padEnd(40)} ${v.className.padEnd(36)} ${v.destructive ? 'destructive ' : ''}${v.cliExempt ? `(no CLI: ${v.cliExempt})` : ''}`);
  }
  for (const e of errors) console.error(`✗ ${e}`);
  const summary = `verb spine: ${verbs.length} verbs, ${errors.length} problem(s) in ${Date.now() - started} ms`;
  if (errors.length) {
    console.error(summary);
    process.exit(1);
  }
  console.log(summary);
}
