import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The tool prior: a linear classifier from a message's words and word pieces (and, for a follow-up, what came before it) to
 * the tool its turn should end on (or none), trained on the routing corpus — `data/intents.heldout.json`, every batch of phrasing written by people outside the
 * rules' tuning, each text labelled with its turn's tool. The word rules read arguments, follow-ups, quotes and every refusal;
 * they were written one phrasing at a time, and an author nobody has read yet words things none of them foresaw. A model fitted
 * on all the authors read so far says which tool such a message is about; `dialogue-policy.ts` takes its word only when it is
 * sure and the rules' reading differs, and then still fills the arguments and applies every guard the rules have.
 *
 * Features as a text classifier's usual pair: words and word pairs, and character 2–5-grams inside each word (typos, slang,
 * run-together words); and for a follow-up a third block, what came before it (`PriorContext`; a fresh request's is one
 * feature saying so). Each block is TF-IDF weighted (sublinear counts) and scaled to unit length. The model is an averaged
 * multiclass passive-aggressive learner (Crammer & Singer 2006): on each example it moves the right tool's weights towards the
 * example and the best wrong tool's away, just enough to separate them by a margin; the average over all steps generalises
 * like a linear SVM at a fraction of the training time.
 */
export const CORPUS_FILE = join(__dirname, 'data', 'intents.heldout.json');
/** The rules' aims on the specs' own sentences (near misses included): what the rules pin on purpose, learnt beside the corpus. */
export const PINNED_FILE = join(__dirname, 'data', 'rules-pinned.json');
export const PRIOR_FILE = join(__dirname, 'tool-prior.bin');
/** Code run from src (jest, ts scripts) may use the build's prior. */
const PRIOR_FILES = [PRIOR_FILE, join(__dirname, '..', '..', '..', 'dist', 'adapters', 'offline', 'tool-prior.bin')];

/** The label of a text whose turn should call no tool (ask back, refuse, small talk). */
export const NO_TOOL = 'none';
const EPOCHS = 8;
/** The largest step one example may take (PA-I's aggressiveness): a few mislabelled or odd texts cannot drag the weights far. */
const AGGRESSIVENESS = 1;
/** Character n-grams (and context features) seen in fewer texts than this are noise (a typo's one-off pieces). */
const MIN_PIECE_TEXTS = 2;

export interface CorpusCase {
  readonly profile: string;
  readonly text: string;
  readonly expect: { readonly tool: string | null };
  readonly history?: unknown[];
  readonly lines?: string;
  readonly batch?: string;
}

export interface ToolGuess {
  readonly tool: string;
  /** The best tool's score less the runner-up's: how sure the prior is. */
  readonly margin: number;
}

/** Record ids say which kind of record is spoken of, not which one: "SUB-0001" and "SUB-9f3e" are one feature. */
const RECORD_ID = /\b(SUB|CUST|ORD|CASE|TKT|PAY|PM|PORT|VAS|RSV|SO|PLAN|PTK|AGT|PROMO)[-_][0-9A-Za-z_]+/g;
const WORD = /[\p{L}\p{N}_]{2,}/gu;

interface Counted {
  readonly words: Map<string, number>;
  readonly pieces: Map<string, number>;
  readonly context: Map<string, number>;
}

/**
 * What came before a follow-up, as the prior reads it: the user's message before, the assistant's last words, the last tool
 * called and the kinds of record its result named. "yes. goodbye and thanks for all the fish" means terminate only after "Terminate SUB-…? Confirm?"; "resolve it"
 * means a provisioning task only after the stuck tasks were listed.
 */
export interface PriorContext {
  readonly assistant?: string;
  readonly call?: string;
  readonly result?: string;
  /** The user's message before this one. */
  readonly earlier?: string;
}

/** A corpus case's history read as the prior's context: its last user message, assistant text, call and that call's result. */
export function contextOfHistory(history: readonly unknown[] | undefined): PriorContext | undefined {
  if (!history?.length) return undefined;
  const entries = history as ReadonlyArray<{ user?: string; assistant?: string; call?: { name?: string }; result?: unknown }>;
  const last = <T>(read: (e: (typeof entries)[number]) => T | undefined) => entries.map(read).filter((v) => v !== undefined).pop();
  const result = last((e) => e.result);
  return { assistant: last((e) => e.assistant), call: last((e) => e.call?.name), result: result === undefined ? undefined : typeof result === 'string' ? result : JSON.stringify(result), earlier: last((e) => e.user) };
}

function withIdsAsKinds(text: string): string {
  return text.replace(RECORD_ID, (_, tag: string) => ` id${tag.toLowerCase()} `).toLowerCase();
}

function counted(profile: string, text: string, context?: PriorContext): Counted {
  const lowered = `${profile} ${withIdsAsKinds(text)}`;
  const words = new Map<string, number>();
  const tokens = lowered.match(WORD) ?? [];
  tokens.forEach((token, i) => {
    words.set(token, (words.get(token) ?? 0) + 1);
    if (i > 0) words.set(`${tokens[i - 1]} ${token}`, (words.get(`${tokens[i - 1]} ${token}`) ?? 0) + 1);
  });
  const pieces = new Map<string, number>();
  for (const word of lowered.split(/\s+/)) {
    if (!word) continue;
    const padded = ` ${word} `;
    for (let n = 2; n <= 5; n += 1) for (let i = 0; i + n <= padded.length; i += 1) pieces.set(padded.slice(i, i + n), (pieces.get(padded.slice(i, i + n)) ?? 0) + 1);
  }
  const said = new Map<string, number>([[context ? 'follow-up' : 'fresh', 1]]);
  if (context?.call) said.set(`call ${context.call}`, 1);
  for (const word of withIdsAsKinds(context?.assistant ?? '').match(WORD) ?? []) said.set(`said ${word}`, (said.get(`said ${word}`) ?? 0) + 1);
  for (const [, tag] of (context?.result ?? '').matchAll(RECORD_ID)) said.set(`result id${tag.toLowerCase()}`, 1);
  for (const word of withIdsAsKinds(context?.earlier ?? '').match(WORD) ?? []) said.set(`asked ${word}`, (said.get(`asked ${word}`) ?? 0) + 1);
  return { words, pieces, context: said };
}

interface Sparse {
  readonly index: Int32Array;
  readonly value: Float32Array;
}

export class ToolPrior {
  private constructor(
    /** A hash of the cases it was trained on, so a saved prior older than the corpus is trained again. */
    readonly corpusHash: string,
    private readonly tools: readonly string[],
    /** Feature → its column: words, character pieces (prefixed "#") and what came before (prefixed "@"). */
    private readonly columns: ReadonlyMap<string, number>,
    private readonly idf: Float32Array,
    /** Feature-major weights: `weights[column * tools.length + tool]`. */
    private readonly weights: Float32Array,
  ) {}

  /**
   * Trains on the corpus's cases, each follow-up with what came before it. A case whose customer has two lines and whose turn
   * calls nothing ("top up 1GB": which line?) is left out: the message itself asks for a tool, and the prior cannot see how many
   * lines there are.
   */
  static train(corpus: readonly CorpusCase[], corpusHash = ''): ToolPrior {
    const examples = corpus.filter((c) => !(c.lines === 'two' && !c.expect.tool)).map((c) => ({ tool: c.expect.tool ?? NO_TOOL, features: counted(c.profile, c.text, contextOfHistory(c.history)) }));
    const tools = [...new Set(examples.map((e) => e.tool))].sort();
    const documentFrequency = new Map<string, number>();
    for (const { features } of examples) {
      for (const word of features.words.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
      for (const piece of features.pieces.keys()) documentFrequency.set(`#${piece}`, (documentFrequency.get(`#${piece}`) ?? 0) + 1);
      for (const said of features.context.keys()) documentFrequency.set(`@${said}`, (documentFrequency.get(`@${said}`) ?? 0) + 1);
    }
    const columns = new Map<string, number>();
    const idfs: number[] = [];
    for (const [feature, df] of documentFrequency) {
      if (!/^[\p{L}\p{N}_]/u.test(feature) && df < MIN_PIECE_TEXTS) continue;
      columns.set(feature, idfs.length);
      idfs.push(Math.log((1 + examples.length) / (1 + df)) + 1);
    }
    const idf = Float32Array.from(idfs);
    const vectors = examples.map((e) => vectorOf(e.features, columns, idf));
    const labels = examples.map((e) => tools.indexOf(e.tool));
    const weights = averagedPassiveAggressive(vectors, labels, tools.length, idf.length);
    return new ToolPrior(corpusHash, tools, columns, idf, weights);
  }

  /** Whether its corpus labelled any turn with this tool (a tool added since, as `knowledge.search` was, it knows nothing of). */
  knows(tool: string): boolean {
    return this.tools.includes(tool);
  }

  /**
   * The tool a message is about (after `context`, when it follows one), and how sure the prior is; only tools in `allowed`
   * compete, and "no tool" unless told not to.
   */
  guess(profile: string, text: string, allowed: ReadonlySet<string>, context?: PriorContext, { noneCompetes = true } = {}): ToolGuess | undefined {
    const vector = vectorOf(counted(profile, text, context), this.columns, this.idf);
    const k = this.tools.length;
    const scores = new Float64Array(k);
    for (let i = 0; i < vector.index.length; i += 1) {
      const base = vector.index[i] * k;
      const x = vector.value[i];
      for (let t = 0; t < k; t += 1) scores[t] += x * this.weights[base + t];
    }
    let best = -1;
    let second = -1;
    for (let t = 0; t < k; t += 1) {
      if (this.tools[t] === NO_TOOL ? !noneCompetes : !allowed.has(this.tools[t])) continue;
      if (best < 0 || scores[t] > scores[best]) {
        second = best;
        best = t;
      } else if (second < 0 || scores[t] > scores[second]) second = t;
    }
    if (best < 0) return undefined;
    return { tool: this.tools[best], margin: second < 0 ? Infinity : scores[best] - scores[second] };
  }

  /**
   * One file, quick to load: a JSON header (corpus hash, tools), the features one per line, then the idf and the weights as
   * little-endian float32 — each part preceded by its byte length and padded to a multiple of 4 bytes, so the floats are read
   * where they lie in the file's buffer, not copied.
   */
  save(path = PRIOR_FILE): void {
    const parts = [Buffer.from(JSON.stringify({ corpusHash: this.corpusHash, tools: this.tools })), Buffer.from([...this.columns.keys()].join('\n')), floatBytes(this.idf), floatBytes(this.weights)];
    writeFileSync(path, Buffer.concat(parts.flatMap((part) => [lengthOf(part), part, Buffer.alloc((4 - (part.length % 4)) % 4)])));
  }

  /** The corpus hash a saved prior was trained on, read from its header alone (the weights are tens of megabytes). */
  static savedCorpusHash(path: string): string {
    const file = openSync(path, 'r');
    try {
      const length = Buffer.alloc(4);
      readSync(file, length, 0, 4, 0);
      const header = Buffer.alloc(length.readUInt32LE(0));
      readSync(file, header, 0, header.length, 4);
      return (JSON.parse(header.toString('utf8')) as { corpusHash: string }).corpusHash;
    } finally {
      closeSync(file);
    }
  }

  static load(path: string): ToolPrior {
    const file = readFileSync(path);
    const parts: Buffer[] = [];
    for (let at = 0; at < file.length; ) {
      const length = file.readUInt32LE(at);
      parts.push(file.subarray(at + 4, at + 4 + length));
      at += 4 + length + ((4 - (length % 4)) % 4);
    }
    const [header, features, idf, weights] = parts;
    const { corpusHash, tools } = JSON.parse(header.toString('utf8')) as { corpusHash: string; tools: string[] };
    const columns = new Map<string, number>();
    features
      .toString('utf8')
      .split('\n')
      .forEach((feature, i) => columns.set(feature, i));
    return new ToolPrior(corpusHash, tools, columns, floatsOf(idf), floatsOf(weights));
  }
}

function lengthOf(part: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(part.length);
  return length;
}

function floatBytes(floats: Float32Array): Buffer {
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength);
}

/** A view of the floats where they lie (copied only if the buffer sits at an odd offset, as a small pooled one may). */
function floatsOf(bytes: Buffer): Float32Array {
  if (bytes.byteOffset % 4 === 0) return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const floats = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(floats.buffer).set(bytes);
  return floats;
}

function unitBlock(entries: Array<[number, number]>): Array<[number, number]> {
  const norm = Math.sqrt(entries.reduce((sum, [, w]) => sum + w * w, 0)) || 1;
  return entries.map(([column, w]) => [column, w / norm]);
}

function vectorOf(features: Counted, columns: ReadonlyMap<string, number>, idf: Float32Array): Sparse {
  const block = (counts: Map<string, number>, prefix: string) => {
    const entries: Array<[number, number]> = [];
    for (const [feature, count] of counts) {
      const column = columns.get(prefix + feature);
      if (column !== undefined) entries.push([column, (1 + Math.log(count)) * idf[column]]);
    }
    return unitBlock(entries);
  };
  const entries = [...block(features.words, ''), ...block(features.pieces, '#'), ...block(features.context, '@')];
  return { index: Int32Array.from(entries.map(([c]) => c)), value: Float32Array.from(entries.map(([, w]) => w)) };
}

/** A fixed-seed shuffle, so a build trains the same prior every time. */
function shuffled(n: number, epoch: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let seed = 7919 + epoch;
  for (let i = n - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function averagedPassiveAggressive(vectors: readonly Sparse[], labels: readonly number[], k: number, width: number): Float32Array {
  const weights = new Float64Array(width * k);
  // The running sum of step-weighted updates: the average of the weights over all steps is weights − sum / steps.
  const stepWeighted = new Float64Array(width * k);
  const scores = new Float64Array(k);
  let step = 1;
  for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
    for (const e of shuffled(vectors.length, epoch)) {
      const { index, value } = vectors[e];
      const right = labels[e];
      scores.fill(0);
      let squared = 0;
      for (let i = 0; i < index.length; i += 1) {
        const base = index[i] * k;
        const x = value[i];
        squared += x * x;
        for (let t = 0; t < k; t += 1) scores[t] += x * weights[base + t];
      }
      let wrong = right === 0 ? 1 : 0;
      for (let t = 0; t < k; t += 1) if (t !== right && scores[t] > scores[wrong]) wrong = t;
      const loss = 1 - (scores[right] - scores[wrong]);
      if (loss > 0) {
        const tau = Math.min(AGGRESSIVENESS, loss / (2 * squared));
        for (let i = 0; i < index.length; i += 1) {
          const base = index[i] * k;
          const delta = tau * value[i];
          weights[base + right] += delta;
          weights[base + wrong] -= delta;
          stepWeighted[base + right] += step * delta;
          stepWeighted[base + wrong] -= step * delta;
        }
      }
      step += 1;
    }
  }
  const averaged = new Float32Array(width * k);
  for (let i = 0; i < averaged.length; i += 1) averaged[i] = weights[i] - stepWeighted[i] / step;
  return averaged;
}

/** The routing corpus and the rules' pinned sentences, as one list of labelled cases. */
export function readCorpus(paths: readonly string[] = [CORPUS_FILE, PINNED_FILE]): CorpusCase[] {
  return paths.flatMap((path) => (JSON.parse(readFileSync(path, 'utf8')) as { cases: CorpusCase[] }).cases);
}

let loaded: ToolPrior | undefined;

/** The corpus files' bytes, hashed: whether a saved prior was trained on the corpus as it is now. */
export function hashCorpusFiles(paths: readonly string[] = [CORPUS_FILE, PINNED_FILE]): string {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(readFileSync(path));
  return hash.digest('hex');
}

/** The prior trained on the corpus files as they are, with their hash (the build saves it). */
export function trainOnCorpus(): ToolPrior {
  return ToolPrior.train(readCorpus(), hashCorpusFiles());
}

/** The build's prior, or one trained now when no build has run or the corpus changed since (jest from src, ~10 s). */
export function loadToolPrior(): ToolPrior {
  if (loaded) return loaded;
  const hash = hashCorpusFiles();
  const saved = PRIOR_FILES.find((path) => existsSync(path) && ToolPrior.savedCorpusHash(path) === hash);
  loaded = saved ? ToolPrior.load(saved) : trainOnCorpus();
  return loaded;
}
