import { StemmerEn } from '@nlpjs/lang-en-min';
import type { IntentScore } from './intent-classifier';

/**
 * The second opinion beside NLP.js's network: TF-IDF cosine similarity of the message to each training
 * utterance, over stemmed words, word pairs and character 3-grams inside words. The network sees a bag of
 * stems and is thrown by words it never met (long polite messages, SMS spelling); the nearest training
 * sentences by shared pieces of words are not, and rare, telling words weigh more than filler through IDF.
 * An intent scores the mean of its two nearest utterances, so one lucky neighbour does not decide.
 */
type SparseVector = Map<string, number>;

/** Features in more than this share of the utterances ("<th", "my") say little and make every lookup walk most of the corpus. */
const MAX_DOCUMENT_SHARE = 0.1;
/** Filler that says nothing about the intent; dropped before the features are counted. */
const FILLER = new Set(['a', 'an', 'the', 'i', 'me', 'my', 'please', 'you', 'can', 'could', 'would', 'to', 'is', 'are', 'do', 'does', 'of', 'for', 'on', 'in', 'it', 'and', 'so', 'just', 'kindly']);

export class SimilarityClassifier {
  private constructor(
    private readonly idf: ReadonlyMap<string, number>,
    /** Each utterance's intent, as an index into `intentNames`. */
    private readonly intentOf: Int32Array,
    private readonly intentNames: readonly string[],
    /** Per feature, the utterances holding it and its weight there, so a lookup is one pass over flat arrays. */
    private readonly postings: ReadonlyMap<string, { readonly utterances: Int32Array; readonly weights: Float64Array }>,
  ) {}

  /** `corpus`: normalised utterances with their intents. */
  static train(corpus: ReadonlyArray<{ utterance: string; intent: string }>): SimilarityClassifier {
    const counted = corpus.map((c) => ({ intent: c.intent, features: featureCounts(c.utterance) }));
    const documentFrequency = new Map<string, number>();
    for (const { features } of counted) for (const feature of features.keys()) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    const idf = new Map<string, number>();
    const maxDocuments = Math.max(3, counted.length * MAX_DOCUMENT_SHARE);
    for (const [feature, df] of documentFrequency) if (df <= maxDocuments) idf.set(feature, Math.log((1 + counted.length) / (1 + df)) + 1);
    // Each kept feature's posting is sized by its document frequency up front and filled in place: no growing arrays to copy
    // and collect, which is most of a cold start.
    const postings = new Map<string, { utterances: Int32Array; weights: Float64Array; filled: number }>();
    for (const [feature, df] of documentFrequency) if (idf.has(feature)) postings.set(feature, { utterances: new Int32Array(df), weights: new Float64Array(df), filled: 0 });
    counted.forEach(({ features }, index) => {
      for (const [feature, weight] of weigh(features, idf)) {
        const posting = postings.get(feature)!;
        posting.utterances[posting.filled] = index;
        posting.weights[posting.filled] = weight;
        posting.filled += 1;
      }
    });
    const intentNames = [...new Set(counted.map((c) => c.intent))];
    const intentOf = Int32Array.from(counted.map((c) => intentNames.indexOf(c.intent)));
    return new SimilarityClassifier(idf, intentOf, intentNames, postings);
  }

  /** Intents best first, each scored by the mean cosine of its nearest training utterances (0…1). */
  classify(normalised: string): IntentScore[] {
    const query = weigh(featureCounts(normalised), this.idf);
    const similarity = new Float64Array(this.intentOf.length);
    const touched: number[] = [];
    for (const [feature, weight] of query) {
      const posting = this.postings.get(feature);
      if (!posting) continue;
      for (let i = 0; i < posting.utterances.length; i += 1) {
        const index = posting.utterances[i];
        if (similarity[index] === 0) touched.push(index);
        similarity[index] += weight * posting.weights[i];
      }
    }
    // The two nearest utterances of each intent; an intent with one near utterance counts the second at half of it.
    const first = new Float64Array(this.intentNames.length);
    const second = new Float64Array(this.intentNames.length);
    for (const index of touched) {
      const score = similarity[index];
      const intent = this.intentOf[index];
      if (score > first[intent]) {
        second[intent] = first[intent];
        first[intent] = score;
      } else if (score > second[intent]) {
        second[intent] = score;
      }
    }
    const scores: IntentScore[] = [];
    this.intentNames.forEach((intent, i) => {
      if (first[i] > 0) scores.push({ intent, score: (first[i] + (second[i] || first[i] * 0.5)) / 2 });
    });
    return scores.sort((a, b) => b.score - a.score);
  }
}

const stemmer = new StemmerEn();
const stems = new Map<string, string>();

function stem(word: string): string {
  if (/ref$/.test(word)) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemmer.stemWord(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

function featureCounts(normalised: string): Map<string, number> {
  const words = normalised.split(' ').filter((w) => w && !FILLER.has(w));
  const stemmed = words.map(stem);
  const counts = new Map<string, number>();
  const add = (feature: string, weight = 1) => counts.set(feature, (counts.get(feature) ?? 0) + weight);
  stemmed.forEach((word, i) => {
    add(`w:${word}`);
    if (i > 0) add(`b:${stemmed[i - 1]}_${word}`);
    const padded = `<${word}>`;
    if (word.length > 2) for (let j = 0; j + 3 <= padded.length; j += 1) add(`c:${padded.slice(j, j + 3)}`, 0.3);
  });
  return counts;
}

function weigh(counts: ReadonlyMap<string, number>, idf: ReadonlyMap<string, number>): SparseVector {
  const vector: SparseVector = new Map();
  let norm = 0;
  for (const [feature, count] of counts) {
    const termFrequency = count < 1 ? count : 1 + Math.log(count);
    const weight = termFrequency * (idf.get(feature) ?? 0);
    if (weight <= 0) continue;
    vector.set(feature, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [feature, weight] of vector) vector.set(feature, weight / norm);
  return vector;
}
