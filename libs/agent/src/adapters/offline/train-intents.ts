/**
 * Build step: trains the offline intent classifier on data/intents.train.json and writes
 * intent-model.json beside the compiled classifier, so a cold `bss ask` loads it instead of training; and the tool prior on
 * the routing corpus (data/intents.heldout.json) into tool-prior.bin.
 * Run by libs/agent's `build` after swc: `node dist/adapters/offline/train-intents.js`.
 */
import { writeFileSync } from 'node:fs';
import { IntentClassifier, MODEL_FILE } from './intent-classifier';
import { PRIOR_FILE, trainOnCorpus } from './tool-prior';

async function main(): Promise<void> {
  const started = performance.now();
  const classifier = await IntentClassifier.train();
  writeFileSync(MODEL_FILE, JSON.stringify(classifier.toJSON()));
  process.stdout.write(`offline intent model trained in ${Math.round(performance.now() - started)} ms → ${MODEL_FILE}\n`);
  const priorStarted = performance.now();
  trainOnCorpus().save();
  process.stdout.write(`offline tool prior trained in ${Math.round(performance.now() - priorStarted)} ms → ${PRIOR_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`offline intent model training failed: ${String(error)}\n`);
  process.exitCode = 1;
});
