// NLP.js ships no type definitions; these cover the part the offline intent classifier uses.
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): NlpContainer;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
  export class StemmerEn {
    stemWord(word: string): string;
  }
  export class StopwordsEn {
    dictionary: Record<string, boolean>;
  }
}

declare module '@nlpjs/nlu' {
  import type { NlpContainer } from '@nlpjs/core';
  export interface NluClassification {
    intent: string;
    score: number;
  }
  export class NluNeural {
    constructor(settings: Record<string, unknown>, container: NlpContainer);
    train(corpus: Array<{ utterance: string; intent: string }>): Promise<unknown>;
    process(utterance: string): Promise<{ classifications: NluClassification[] }>;
    toJSON(): Record<string, unknown>;
    fromJSON(json: Record<string, unknown>): void;
  }
}

declare module '@nlpjs/similarity' {
  export function leven(a: string, b: string): number;
}

// wordsninja (a word segmenter over an English word list ranked by frequency) ships no type definitions either.
declare module 'wordsninja' {
  export default class WordsNinja {
    loadDictionary(): Promise<Record<string, number>>;
    splitSentence(text: string, options?: { camelCaseSplitter?: boolean; joinWords?: false }): string[];
  }
}
declare module 'wordsninja/words-en.json' {
  const words: string[];
  export default words;
}
