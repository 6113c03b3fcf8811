import { leven } from '@nlpjs/similarity';
import { maskEntities } from './entities';

/**
 * Turns what a person typed into what the classifier was trained on: entities masked to class words,
 * lower case, no emoji or punctuation, contractions spelled out, and words nobody trained on
 * corrected to the nearest training word ("balanse" → "balance") when that word is close and unique.
 */
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bwhat's\b/g, 'what is'],
  [/\bwhats\b/g, 'what is'],
  [/\bwhere's\b/g, 'where is'],
  [/\bhow's\b/g, 'how is'],
  [/\bit's\b/g, 'it is'],
  [/\bi'm\b/g, 'i am'],
  [/\bi've\b/g, 'i have'],
  [/\bi'll\b/g, 'i will'],
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/\bwanna\b/g, 'want to'],
  [/\bgonna\b/g, 'going to'],
  [/\bgimme\b/g, 'give me'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bu\b/g, 'you'],
  [/\br\b/g, 'are'],
];

export function normaliseUtterance(text: string): string {
  let out = maskEntities(text).toLowerCase();
  out = out.replace(/[’‘`]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  // Emoji, symbols and punctuation carry no intent here; keep letters, digits and the apostrophe-free words.
  out = out.replace(/[^a-z0-9\s]/g, ' ');
  // Stretched words ("heyyy", "pleeease") → at most two repeats.
  out = out.replace(/([a-z])\1{2,}/g, '$1$1');
  return out.replace(/\s+/g, ' ').trim();
}

/** Corrects words outside the training vocabulary by edit distance; short words are left alone. */
export class SpellingCorrector {
  private readonly vocabulary: ReadonlySet<string>;
  private readonly words: readonly string[];

  constructor(vocabulary: Iterable<string>) {
    this.vocabulary = new Set(vocabulary);
    this.words = [...this.vocabulary].filter((w) => w.length >= 3);
  }

  static fromUtterances(normalisedUtterances: Iterable<string>): SpellingCorrector {
    const vocabulary = new Set<string>();
    for (const utterance of normalisedUtterances) for (const word of utterance.split(' ')) if (word) vocabulary.add(word);
    return new SpellingCorrector(vocabulary);
  }

  get vocabularyList(): string[] {
    return [...this.vocabulary];
  }

  correct(normalised: string): string {
    return normalised
      .split(' ')
      .map((word) => this.correctWord(word))
      .join(' ');
  }

  private correctWord(word: string): string {
    if (word.length < 4 || this.vocabulary.has(word) || /\d/.test(word)) return word;
    const allowed = word.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    let tie = false;
    for (const candidate of this.words) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      const distance = leven(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance) {
        tie = true;
      }
    }
    return best && !tie ? best : word;
  }
}
