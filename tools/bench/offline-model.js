#!/usr/bin/env node
// Routing accuracy of the offline model on the held-out set (libs/agent/src/adapters/offline/data/intents.heldout.json):
// a case passes when the turn's last tool call is the expected tool with (at least) the expected arguments — tool
// results come from the fake world in testing-tools.ts — or, for expect.tool null (ask, refuse or small talk), when the
// turn acts on nothing: it calls no tool, or only reads the customer's own lines (subscription.list_mine) to ask which
// one is meant or to say a named line is not theirs. The strict figure (no call at all) is printed beside it. Also
// prints the model's per-call latency and the cold load of the trained classifier. Needs `npx nx build agent` first.
// `--cv K` instead scores the intent classifier alone by K-fold cross-validation over the training file (each fold trained
// on the other K-1; shuffled with a fixed seed so runs compare).
// The tool prior (tool-prior.ts) is fitted on this same file, so the whole-file figure measures fit, not phrasing nobody wrote:
// `--lobo` scores each tested batch with a prior trained without it (leave one batch out), `--cases FILE` with one trained
// without the file's texts, and `--no-prior` scores the rules alone.
// Usage: node tools/bench/offline-model.js [--verbose] [--batch NAME] [--cases FILE] [--lobo | --no-prior] | --cv K
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', '..', 'libs', 'agent', 'dist', 'adapters', 'offline');
const verbose = process.argv.includes('--verbose');
const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const onlyBatch = option('--batch');
const casesFile = option('--cases');

/** Reading the customer's own lines to ask which one is meant (or to refuse one that is not theirs) acts on nothing. */
function asksOrRefuses(turn) {
  return turn.calls.every((call) => call.name === 'subscription.list_mine');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function argsMatch(expected, actual) {
  return Object.entries(expected).every(([k, v]) => JSON.stringify(actual[k]) === JSON.stringify(v));
}

async function crossValidate(folds) {
  const { IntentClassifier, readTrainingFile } = require(join(dist, 'intent-classifier.js'));
  const training = readTrainingFile();
  const labelled = Object.entries(training.intents).flatMap(([intent, utterances]) => utterances.map((text) => ({ intent, text })));
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const shuffled = labelled.map((c) => ({ c, key: random() })).sort((a, b) => a.key - b.key).map(({ c }) => c);
  let correct = 0;
  const confusions = {};
  for (let fold = 0; fold < folds; fold += 1) {
    const intents = {};
    shuffled.forEach((c, i) => {
      if (i % folds !== fold) (intents[c.intent] ??= []).push(c.text);
    });
    const classifier = await IntentClassifier.train({ intents });
    for (const c of shuffled.filter((_, i) => i % folds === fold)) {
      const [top] = await classifier.classify(c.text);
      if (top?.intent === c.intent) correct += 1;
      else confusions[`${c.intent} → ${top?.intent}`] = (confusions[`${c.intent} → ${top?.intent}`] ?? 0) + 1;
    }
  }
  console.log(`intent classifier ${folds}-fold cross-validation: ${correct}/${shuffled.length} = ${((100 * correct) / shuffled.length).toFixed(1)}%`);
  if (verbose) for (const [pair, n] of Object.entries(confusions).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${n} × ${pair}`);
}

async function main() {
  if (option('--cv')) return crossValidate(Number(option('--cv')));
  const loadStarted = performance.now();
  const { loadIntentClassifier, readTrainingFile } = require(join(dist, 'intent-classifier.js'));
  await loadIntentClassifier();
  require(join(dist, 'tool-prior.js')).loadToolPrior();
  const coldLoadMs = performance.now() - loadStarted;
  const { createOfflineModel } = require(join(dist, 'offline-model.js'));
  const { CUSTOMER_TOOLS, OPERATOR_TOOLS, driveTurn } = require(join(dist, 'testing-tools.js'));
  const allCases = JSON.parse(readFileSync(casesFile ?? join(dist, 'data', 'intents.heldout.json'), 'utf8')).cases;
  const cases = onlyBatch ? allCases.filter((c) => (c.batch ?? 'first') === onlyBatch) : allCases;

  const trained = new Set(Object.values(readTrainingFile().intents).flat().map((u) => u.toLowerCase().trim()));
  const leaked = cases.filter((c) => trained.has(c.text.toLowerCase().trim()));
  if (leaked.length) throw new Error(`held-out utterances found in the training file: ${leaked.map((c) => c.text).join(' | ')}`);

  const { ToolPrior, readCorpus } = require(join(dist, 'tool-prior.js'));
  const corpus = readCorpus();
  /** A prior that has not seen the tested texts: trained without them (and, with --lobo, without their whole batch). */
  const priorWithout = (tested, batch) => {
    const texts = new Set(tested.map((c) => c.text.toLowerCase().trim()));
    return ToolPrior.train(corpus.filter((c) => !texts.has(c.text.toLowerCase().trim()) && (batch === undefined || (c.batch ?? 'first') !== batch)));
  };
  const lobo = process.argv.includes('--lobo');
  const modelsWith = (toolPrior) => ({ customer: createOfflineModel({ toolPrior }).bindTools(CUSTOMER_TOOLS), operator: createOfflineModel({ toolPrior }).bindTools(OPERATOR_TOOLS) });
  const fixedPrior = process.argv.includes('--no-prior') ? null : casesFile ? priorWithout(cases) : undefined;
  const modelsByBatch = new Map();
  const modelsFor = (c) => {
    const batch = lobo ? (c.batch ?? 'first') : '';
    if (!modelsByBatch.has(batch)) modelsByBatch.set(batch, modelsWith(lobo ? priorWithout(cases.filter((t) => (t.batch ?? 'first') === batch), batch) : fixedPrior));
    return modelsByBatch.get(batch);
  };
  const bound = { customer: new Set(CUSTOMER_TOOLS.map((t) => t.function.name)), operator: new Set(OPERATOR_TOOLS.map((t) => t.function.name)) };
  const latencies = [];
  const failures = [];
  let unboundCalls = 0;
  let askedAfterListingLines = 0;
  const byProfile = { customer: [0, 0], operator: [0, 0] };
  const byBatch = {};
  for (const c of cases) {
    const turn = await driveTurn(modelsFor(c)[c.profile], c.text, { history: c.history, lines: c.lines });
    latencies.push(...turn.latencies);
    unboundCalls += turn.calls.filter((call) => !bound[c.profile].has(call.name)).length;
    const last = turn.calls[turn.calls.length - 1];
    const ok = c.expect.tool === null ? asksOrRefuses(turn) : !!last && last.name === c.expect.tool && argsMatch(c.expect.args, last.args);
    if (ok && c.expect.tool === null && turn.calls.length > 0) askedAfterListingLines += 1;
    byProfile[c.profile][1] += 1;
    if (ok) byProfile[c.profile][0] += 1;
    const batch = (byBatch[c.batch ?? 'first'] ??= [0, 0]);
    batch[1] += 1;
    if (ok) batch[0] += 1;
    else failures.push({ c, turn });
  }
  const passed = cases.length - failures.length;
  latencies.sort((a, b) => a - b);
  const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
  console.log(`offline model routing accuracy (right tool AND right arguments): ${passed}/${cases.length} = ${pct(passed, cases.length)}  (goal ≥ 95%)`);
  console.log(`  strict (a "no tool" case passes only with no call at all, so listing the customer's lines to ask which one fails): ${passed - askedAfterListingLines}/${cases.length} = ${pct(passed - askedAfterListingLines, cases.length)}`);
  console.log(`  customer ${byProfile.customer[0]}/${byProfile.customer[1]}   operator ${byProfile.operator[0]}/${byProfile.operator[1]}   calls to unbound tools: ${unboundCalls}`);
  console.log(`  by batch: ${Object.entries(byBatch).map(([b, [p, n]]) => `${b} ${p}/${n} = ${pct(p, n)}`).join('   ')}`);
  console.log(`per model call: p50 ${percentile(latencies, 50).toFixed(2)} ms  p95 ${percentile(latencies, 95).toFixed(2)} ms  max ${latencies[latencies.length - 1].toFixed(2)} ms  (${latencies.length} calls)`);
  console.log(`cold load of the trained classifier and tool prior: ${coldLoadMs.toFixed(0)} ms`);
  for (const { c, turn } of verbose ? failures : failures.slice(0, 20)) {
    console.log(`  FAIL [${c.profile}] ${JSON.stringify(c.text)} expected ${c.expect.tool ?? '(no tool)'} ${JSON.stringify(c.expect.args)} got ${JSON.stringify(turn.calls)} reply: ${turn.reply.slice(0, 120).replace(/\n/g, ' | ')}`);
  }
  process.exitCode = passed / cases.length >= 0.95 ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
