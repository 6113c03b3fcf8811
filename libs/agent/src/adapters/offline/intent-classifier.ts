import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { NluNeural } from '@nlpjs/nlu';
import { SimilarityClassifier } from './similarity-classifier';
import { ENGLISH_FUNCTION_WORDS, normaliseUtterance, SpellingCorrector } from './text-normaliser';

/**
 * The intent classifier: NLP.js's neural NLU (bag of stems → one-layer network) trained on
 * `data/intents.train.json`, averaged with a TF-IDF nearest-utterance similarity over the same file
 * (`similarity-classifier.ts`), which holds up better on long, chatty or misspelt messages. The build trains it once and writes `intent-model.json` beside the
 * compiled file; a process that finds no model (or one trained on an older utterance file) trains
 * in memory on first use instead.
 */
export const TRAINING_FILE = join(__dirname, 'data', 'intents.train.json');
export const MODEL_FILE = join(__dirname, 'intent-model.json');
/** Code run from src (jest, ts scripts) may use the build's model; the training hash says whether it is current. */
const MODEL_FILES = [MODEL_FILE, join(__dirname, '..', '..', '..', 'dist', 'adapters', 'offline', 'intent-model.json')];

export interface IntentScore {
  readonly intent: string;
  readonly score: number;
}

interface TrainingFile {
  readonly intents: Record<string, string[]>;
}

interface SavedModel {
  readonly trainingHash: string;
  readonly vocabulary: string[];
  readonly nlu: Record<string, unknown>;
  /** The normalised training utterances the similarity index is built from, so a cold start need not normalise them again. */
  readonly corpus?: Array<{ utterance: string; intent: string }>;
}

// errorThresh 0.001 (NLP.js default 0.00005) stops before the perceptrons memorise rare words: +2 points in 5-fold CV.
const NLU_SETTINGS = { locale: 'en', log: false, spellCheck: true, spellCheckDistance: 1, useNoneFeature: true, errorThresh: 0.001 };
/** The network's share of the combined score; the similarity's is the rest (0.25: best of 0.15–0.5 on 5-fold CV, the held-out set and blind batch A with four probe batches). */
export const NETWORK_WEIGHT = Number(process.env.BSS_OFFLINE_NETWORK_WEIGHT ?? 0.25);
/** Below this similarity a message the network calls None stays None (small talk nobody trained on). */
const NONE_FLOOR = 0.35;

/** Words every request has; they tell no intent apart. */
const FUNCTION_WORDS = new Set(
  'the and but for you your yours are was were what when where which who why how can could would will should shall may might must have has had does did not this that these those there their them they with from into about just only also very really please thanks thank hello there here then than some any all its our ours mine ask tell know want need like get got give make let see look'.split(' '),
);

export class IntentClassifier {
  private constructor(
    private readonly nlu: NluNeural,
    private readonly similarity: SimilarityClassifier,
    private readonly corrector: SpellingCorrector,
    readonly trainingHash: string,
    private readonly corpus: Array<{ utterance: string; intent: string }>,
  ) {}

  static async train(training: TrainingFile = readTrainingFile()): Promise<IntentClassifier> {
    const corpus = normalisedCorpus(training);
    const nlu = newNlu();
    await nlu.train(corpus);
    const corrector = SpellingCorrector.fromUtterances(corpus.map((c) => c.utterance));
    return new IntentClassifier(nlu, SimilarityClassifier.train(corpus), corrector, hashTraining(training), corpus);
  }

  /** The saved network; the similarity index is rebuilt from the saved normalised utterances (or the training file). */
  static fromJSON(saved: SavedModel, training?: TrainingFile): IntentClassifier {
    const nlu = newNlu();
    nlu.fromJSON(saved.nlu);
    const corpus = saved.corpus ?? normalisedCorpus(training ?? readTrainingFile());
    return new IntentClassifier(nlu, SimilarityClassifier.train(corpus), new SpellingCorrector(saved.vocabulary), saved.trainingHash, corpus);
  }

  toJSON(): SavedModel {
    return { trainingHash: this.trainingHash, vocabulary: this.corrector.vocabularyList, nlu: this.nlu.toJSON(), corpus: this.corpus };
  }

  /** The message as typed, its misspelt words corrected to the training vocabulary (case, ids and punctuation kept). */
  correctTyped(text: string): string {
    return this.corrector.correctTyped(text);
  }

  /**
   * Whether the message has words that carry meaning and none of them was ever trained on ("what's your favourite colour"):
   * then any reading rests on "what is your" alone.
   */
  meetsOnlyUnknownWords(text: string): boolean {
    const content = this.corrector
      .correct(normaliseUtterance(text))
      .split(' ')
      .filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !ENGLISH_FUNCTION_WORDS.has(w));
    return content.length > 0 && content.every((w) => !this.corrector.knowsAnyForm(w));
  }

  /** The words the classifier reads: normalised, typos corrected to the training vocabulary ("swich" → "switch"). */
  spell(text: string): string {
    return this.corrector.correct(normaliseUtterance(text));
  }

  /** Intents best first; `None` when nothing the model knows was said. */
  async classify(text: string): Promise<IntentScore[]> {
    const prepared = this.spell(text);
    if (!prepared) return [{ intent: 'None', score: 1 }];
    const { classifications } = await this.nlu.process(prepared);
    const combined = new Map<string, number>();
    const similar = this.similarity.classify(prepared);
    // The network answers None when it met no feature it trusts; then the nearest utterances decide, unless they are far too.
    if (classifications[0]?.intent === 'None' && (similar[0]?.score ?? 0) >= NONE_FLOOR) return similar;
    for (const { intent, score } of classifications) combined.set(intent, NETWORK_WEIGHT * score);
    for (const { intent, score } of similar) combined.set(intent, (combined.get(intent) ?? 0) + (1 - NETWORK_WEIGHT) * score);
    return [...combined].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
  }
}

function normalisedCorpus(training: TrainingFile): Array<{ utterance: string; intent: string }> {
  const corpus: Array<{ utterance: string; intent: string }> = [];
  for (const [intent, utterances] of Object.entries(training.intents)) {
    for (const utterance of utterances) corpus.push({ intent, utterance: normaliseUtterance(utterance) });
  }
  return corpus;
}

function newNlu(): NluNeural {
  const container = containerBootstrap();
  container.use(LangEn);
  return new NluNeural({ ...NLU_SETTINGS }, container);
}

export function readTrainingFile(path = TRAINING_FILE): TrainingFile {
  return JSON.parse(readFileSync(path, 'utf8')) as TrainingFile;
}

export function hashTraining(training: TrainingFile): string {
  return createHash('sha256').update(JSON.stringify(training.intents)).digest('hex');
}

let shared: Promise<IntentClassifier> | undefined;

/** One classifier per process: the build's model if it matches the shipped utterances, else trained now. */
export function loadIntentClassifier(): Promise<IntentClassifier> {
  shared ??= (async () => {
    const training = readTrainingFile();
    const trainingHash = hashTraining(training);
    for (const file of MODEL_FILES.filter((f) => existsSync(f))) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedModel;
      if (saved.trainingHash === trainingHash) return IntentClassifier.fromJSON(saved, training);
    }
    return IntentClassifier.train(training);
  })();
  return shared;
}
