#!/usr/bin/env node
// Regenerates libs/agent/src/adapters/offline/data/rules-pinned.json: runs the offline specs with the tool prior held back
// (BSS_OFFLINE_PRIOR_MARGIN=1e9) and BSS_OFFLINE_RECORD_AIMS set, so the rules write down the tool they aim at on every message
// the specs send (a follow-up with what came before it: the last call, its result, the assistant's last words); each distinct
// one not already in the routing corpus (intents.heldout.json) becomes a labelled case the prior learns from. Run after changing
// the offline specs, then rebuild the agent lib.
// Usage: node tools/agent/record-rules-aims.js
const { execFileSync } = require('node:child_process');
const { mkdtempSync, readFileSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const offline = join(__dirname, '..', '..', 'libs', 'agent', 'src', 'adapters', 'offline');
const recorded = join(mkdtempSync(join(tmpdir(), 'rules-aims-')), 'aims.jsonl');
// (tool-prior.spec.ts is left out: it tests the prior overruling the rules, which the held-back margin forbids.)
execFileSync('npx', ['jest', 'src/adapters/offline', '--testPathIgnorePatterns', 'tool-prior.spec'], {
  cwd: join(__dirname, '..', '..', 'libs', 'agent'),
  env: { ...process.env, BSS_OFFLINE_RECORD_AIMS: recorded, BSS_OFFLINE_PRIOR_MARGIN: '1e9' },
  stdio: 'inherit',
});
const key = (profile, text, history) => `${profile}\t${text.toLowerCase().trim()}${history ? `\t${JSON.stringify(history)}` : ''}`;
const corpus = JSON.parse(readFileSync(join(offline, 'data', 'intents.heldout.json'), 'utf8')).cases;
const inCorpus = new Set(corpus.filter((c) => !c.history?.length).map((c) => key(c.profile, c.text)));
const aims = new Map();
for (const line of readFileSync(recorded, 'utf8').trim().split('\n')) {
  const aim = JSON.parse(line);
  const k = key(aim.profile, aim.text, aim.history);
  if (inCorpus.has(k)) continue;
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
