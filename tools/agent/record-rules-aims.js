#!/usr/bin/env node
// Regenerates libs/agent/src/adapters/offline/data/rules-pinned.json: runs the offline specs with the tool prior held back
// (BSS_OFFLINE_PRIOR_MARGIN=1e9) and BSS_OFFLINE_RECORD_AIMS set, so the rules write down the tool they aim at on every message
// the specs send (a follow-up with what came before it: the last call, its result, the assistant's last words); each distinct
// one not already in the routing corpus (intents.heldout.json) becomes a labelled case the prior learns from. Run after changing
// the offline specs, then rebuild the agent lib.
// Usage: node tools/agent/record-rules-aims.js
const { spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join } = require('node:path');

const offline = join(__dirname, '..', '..', 'libs', 'agent', 'src', 'adapters', 'offline');
const recorded = join(mkdtempSync(join(tmpdir(), 'rules-aims-')), 'aims.jsonl');
// (tool-prior.spec.ts is left out: it tests the prior overruling the rules, which the held-back margin forbids. The other specs that
// pin what the prior adds fail in this run for the same reason; what the rules aimed at on their messages is recorded all the same.)
const results = join(dirname(recorded), 'results.json');
const run = spawnSync('npx', ['jest', 'src/adapters/offline', '--testPathIgnorePatterns', 'tool-prior.spec', '--json', '--outputFile', results], {
  cwd: join(__dirname, '..', '..', 'libs', 'agent'),
  env: { ...process.env, BSS_OFFLINE_RECORD_AIMS: recorded, BSS_OFFLINE_PRIOR_MARGIN: '1e9' },
  stdio: 'inherit',
});
if (run.error || !existsSync(recorded)) throw run.error ?? new Error(`jest recorded no aims (exit ${run.status})`);
// A spec that fails with the prior held back pins a reading the prior adds ("ok exhaust it" after a promotion was shown): the rules'
// aim on its message is what it rules out. The near misses of its describe block are left unpinned with it: alone ("ok don't exhaust
// it" → nothing) they would teach the prior half of the contrast the block draws.
const tests = JSON.parse(readFileSync(results, 'utf8')).testResults.flatMap((file) => file.assertionResults);
const blocksNeedingThePrior = new Set(tests.filter((test) => test.status === 'failed').map((test) => test.ancestorTitles.join(' › ')));
const titlesNeedingThePrior = tests.filter((test) => test.status === 'failed' || (blocksNeedingThePrior.has(test.ancestorTitles.join(' › ')) && /^near miss\b/i.test(test.title))).map((test) => test.title.toLowerCase());
// (A short message — "yes" — is matched only as quoted in the title.)
const pinnedBySpecThatNeedsThePrior = (text) => {
  const said = text.toLowerCase().trim();
  return titlesNeedingThePrior.some((title) => (said.length >= 6 ? title.includes(said) : title.includes(`"${said}"`)));
};
const key = (profile, text, history) => `${profile}\t${text.toLowerCase().trim()}${history ? `\t${JSON.stringify(history)}` : ''}`;
const corpus = JSON.parse(readFileSync(join(offline, 'data', 'intents.heldout.json'), 'utf8')).cases;
const inCorpus = new Set(corpus.filter((c) => !c.history?.length).map((c) => key(c.profile, c.text)));
const aims = new Map();
for (const line of readFileSync(recorded, 'utf8').trim().split('\n')) {
  const aim = JSON.parse(line);
  const k = key(aim.profile, aim.text, aim.history);
  if (inCorpus.has(k) || pinnedBySpecThatNeedsThePrior(aim.text)) continue;
  // A sentence the specs send to both models alike is read the same way each time; one read two ways is left out.
  if (aims.has(k) && aims.get(k).tool !== aim.tool) aims.get(k).conflicting = true;
  else if (!aims.has(k)) aims.set(k, aim);
}
const cases = [...aims.values()].filter((a) => !a.conflicting)
  // Sorted, so a run over the same specs writes the same file whatever order jest ran them in.
  .sort((a, b) => key(a.profile, a.text, a.history).localeCompare(key(b.profile, b.text, b.history)))
  .map((a) => ({ profile: a.profile, text: a.text, expect: { tool: a.tool === 'none' ? null : a.tool }, ...(a.history ? { history: a.history } : {}), batch: 'pinned' }));
const file = join(offline, 'data', 'rules-pinned.json');
const { about } = JSON.parse(readFileSync(file, 'utf8'));
writeFileSync(file, `${JSON.stringify({ about, cases }, null, 1)}\n`);
console.log(`${cases.length} pinned sentences → ${file}`);
