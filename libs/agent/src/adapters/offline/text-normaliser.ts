import { StopwordsEn } from '@nlpjs/lang-en-min';
import { createRequire } from 'node:module';
import type WordsNinja from 'wordsninja';
import { ID_PREFIXES, maskEntities } from './entities';

/**
 * Turns what a person typed into what the classifier was trained on: entities masked to class words,
 * lower case, no emoji or punctuation, contractions spelled out, and words nobody trained on
 * corrected to the nearest training word ("balanse" → "balance") when that word is close and unique.
 */
/** "supplementary data packages", "additional data packs": a package bought on top of the plan, which is a top-up. */
// (h1) "the add more internet package": a package that adds to the plan is a top-up too.
// (session 19) "what kind of add data product exist?": "add data" named as a kind of product (after "what", "which", "kind of", an
// article) is the product that adds data, a top-up; "add data pack to my line" is still the verb.
export const PACKAGE_ON_TOP = String.raw`(?:(?:supplementary|supplemental|additional|add[- ]?more)\s+(?:data\s+|internet\s+|mobile data\s+)?|(?<=\b(?:kinds? of|types? of|sorts? of|what|which|any|the|an?)\s+)add[- ]?(?:data|internet|mobile data)\s+)(?:packages?|packs?|bundles?|products?)`;
const CONTRACTIONS: ReadonlyArray<readonly [RegExp, string]> = [
  // "what's up?", "sup bro": a greeting, not a top-up.
  [/^\s*(?:(?:hey|yo|so|oi)\s+)?(?:what'?s|whats|wats|wat'?s)\s+up\b(?=\s*(?:bro|man|guys|dude|lah|ah)?\s*[?!.]*\s*$)|^\s*(?:sup|wassup|wazzup)\b/, 'hello'],
  // "what's she paid lately", "who's he called", "it's been charged": 's before a subject and a past participle (or "been") is "has".
  [/\b(what|who|where|how much|how many|when|it|that|she|he)'?s\s+((?:she|he|they|it|the customer|the client|this customer|that customer|the account)\s+(?:(?:already|just|ever|actually|really)\s+)?)(paid|been|done|used|bought|had|got|gotten|made|spent|topped|renewed|ported|changed|cancelled|canceled|ordered|called|sent|received|taken|charged|requested|raised|lodged|filed)\b/g, '$1 has $2$3'],
  [/\b(what|who|where|it|that|she|he)'?s\s+(been|got|gotten|had)\b/g, '$1 has $2'],
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
  [/\badd[- ]?ons?\b/g, 'top ups'],
  // "supplementary data packages", "additional data packs": data bought on top of the plan is a top-up, not another plan.
  [new RegExp(String.raw`\b${PACKAGE_ON_TOP}\b`, 'g'), 'top ups'],
  // (h1) "top that one up", "top the other number up with 5gb": a top-up's verb split around the line it goes on is "top up".
  [/\btop\s+((?:that|this|the|my|our|his|her|their|da|dat|dis)\s+(?:[a-z]+\s+)?(?:one|line|number|sim|phone|mobile))\s+up\b/g, 'top up $1'],
  [/\bw\/o\b/g, 'without'],
  [/\be-mails?\b/g, 'email'],
  // "can you confirm what's left" asks to check something; a bare "confirm" stays a yes.
  [/\bconfirm (?=what|how|whether|if|my|the|that my)/g, 'check '],
  [/\bw\//g, 'with '],
  // "for this billing period", "this billing cycle": a stretch of time, not a bill.
  [/\bbilling (period|cycle|month)\b/g, 'month'],
];

/**
 * SMS spelling and shorthand people type on a phone, and the many words for "my allowance", mapped to
 * the words the training file uses. Whole words only, after lower-casing; each entry is a real habit
 * ("hw much dta", "r my mins n txts ok"), not a typo the edit-distance corrector would catch anyway.
 */
const LEXICON: Readonly<Record<string, string>> = {
  hw: 'how',
  hv: 'have',
  hav: 'have',
  dta: 'data',
  dat: 'data',
  wat: 'what',
  wot: 'what',
  wut: 'what',
  wats: 'what is',
  whens: 'when is',
  wots: 'what is',
  n: 'and',
  ur: 'your',
  urs: 'yours',
  y: 'why',
  rn: 'now',
  atm: 'now',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  bc: 'because',
  b4: 'before',
  abt: 'about',
  // (dev-v) "whats the diff between standard and max"
  diff: 'difference',
  tmr: 'tomorrow',
  tmrw: 'tomorrow',
  tix: 'tickets',
  tkts: 'tickets',
  '2day': 'today',
  msg: 'sms',
  msgs: 'sms',
  txt: 'sms',
  txts: 'sms',
  text: 'sms',
  texts: 'sms',
  mins: 'minutes',
  acct: 'account',
  acc: 'account',
  num: 'number',
  chng: 'change',
  chnge: 'change',
  chg: 'change',
  swtch: 'switch',
  upgrd: 'upgrade',
  dngrd: 'downgrade',
  cncl: 'cancel',
  cancl: 'cancel',
  nums: 'numbers',
  ph: 'phone',
  fone: 'phone',
  subs: 'subscriptions',
  sub: 'subscription',
  pkg: 'plan',
  pkgs: 'plans',
  package: 'plan',
  packages: 'plans',
  tariff: 'plan',
  tariffs: 'plans',
  gigs: 'data',
  gig: 'data',
  gb: 'data',
  gbs: 'data',
  mb: 'data',
  gigabyte: 'data',
  gigabytes: 'data',
  megabytes: 'data',
  // (h1, blind-z) "a ledger of every byte she has spent": bytes are data ("byte" was put right to "bye", a farewell), a ledger is its history.
  megabyte: 'data',
  byte: 'data',
  bytes: 'data',
  kilobytes: 'data',
  ledger: 'history',
  mbs: 'data',
  internet: 'data',
  allowance: 'data',
  quota: 'data',
  addon: 'top up',
  addons: 'top ups',
  booster: 'top up',
  boosters: 'top ups',
  topup: 'top up',
  topups: 'top ups',
  esims: 'esim',
  remain: 'left',
  abroad: 'roaming',
  overseas: 'roaming',
  visa: 'card',
  mastercard: 'card',
  amex: 'card',
  creditcard: 'card',
  burned: 'used up',
  burnt: 'used up',
  burn: 'use',
  consumed: 'used',
  remaining: 'left',
  thx: 'thanks',
  ty: 'thanks',
  tks: 'thanks',
  k: 'ok',
  kk: 'ok',
  im: 'i am',
  dont: 'do not',
  dun: 'do not',
  wan: 'want',
  anot: 'or not',
  cant: 'cannot',
  wont: 'will not',
  didnt: 'did not',
  doesnt: 'does not',
  isnt: 'is not',
  ive: 'i have',
  pw: 'password',
  lft: 'left',
  minute: 'minutes',
};

/**
 * Taglish and Malay words customers here mix into English ("ilang GB pa natitira sa data ko", "check baki data can"),
 * mapped to the English the training file uses; particles that only carry politeness or tone map to nothing. Word order
 * stays as typed: the classifier reads a bag of words.
 */
const MIXED_LANGUAGE: Readonly<Record<string, string>> = {
  // Tagalog particles, articles and pronouns
  po: '',
  opo: 'yes',
  ang: '',
  ng: 'of',
  sa: '',
  yung: 'the',
  iyong: 'the',
  mga: '',
  na: '',
  pa: '',
  lang: 'just',
  naman: '',
  ba: '',
  ko: 'my',
  kong: 'my',
  nagamit: 'used',
  akin: 'mine',
  ako: 'i',
  ninyo: 'you',
  inyo: 'you',
  kayo: 'you',
  parang: '',
  // Tagalog content words
  ano: 'what',
  anong: 'what',
  ilan: 'how many',
  ilang: 'how much',
  magkano: 'how much',
  natitira: 'left',
  natira: 'left',
  gamit: 'usage',
  paggamit: 'usage',
  bilis: 'fast',
  maubos: 'run out',
  naubos: 'ran out',
  ubos: 'used up',
  nabayaran: 'paid',
  binayaran: 'paid',
  bayad: 'payment',
  bilhin: 'buy',
  bumili: 'buy',
  pwede: 'can',
  puwede: 'can',
  makita: 'see',
  tingnan: 'check',
  lahat: 'all',
  reklamo: 'complaint',
  nangyari: 'happened',
  palit: 'change',
  pagpalit: 'change',
  palitan: 'change',
  wag: 'do not',
  huwag: 'do not',
  hindi: 'not',
  ituloy: 'continue',
  ngayon: 'now',
  nakalimutan: 'forgot',
  numero: 'number',
  paki: 'please',
  salamat: 'thanks',
  kamusta: 'hello',
  kumusta: 'hello',
  bakit: 'why',
  kasi: 'because',
  gusto: 'want',
  kailangan: 'need',
  tungkol: 'about',
  kasama: 'included',
  kasali: 'included',
  bawat: 'each',
  isa: 'one',
  // (session 12) money taken, when, and a request to look: "nabawasan ba ako ng 12 dollars kahapon? pakicheck po"
  nabawasan: 'deducted',
  binawasan: 'deducted',
  kinaltasan: 'deducted',
  kaltas: 'deduction',
  kahapon: 'yesterday',
  kanina: 'earlier today',
  pakicheck: 'please check',
  pacheck: 'please check',
  pakitingnan: 'please check',
  sweldo: 'salary',
  suweldo: 'salary',
  // People: someone else's line is refused, a relative's looked up among the customer's own.
  kapitbahay: 'neighbour',
  kaibigan: 'friend',
  katrabaho: 'colleague',
  asawa: 'spouse',
  nanay: 'mother',
  tatay: 'father',
  jiran: 'neighbour',
  kawan: 'friend',
  rakan: 'friend',
  isteri: 'wife',
  suami: 'husband',
  ayah: 'father',
  // Malay
  baki: 'left',
  tengok: 'check',
  minit: 'minutes',
  harga: 'price',
  sekarang: 'now',
  pakej: 'plan',
  nombor: 'number',
  talian: 'line',
  bil: 'bill',
  bayar: 'pay',
  dah: 'already',
  sudah: 'already',
  kenapa: 'why',
  bila: 'when',
  apa: 'what',
  aku: 'i',
  saya: 'my',
  berapa: 'how much',
  lagi: 'more',
  nak: 'want',
  mahu: 'want',
  boleh: 'can',
  // (h4 follow-ups) "boleh, teruskan" (ok, go ahead) answering an offer.
  teruskan: 'go ahead',
  // "yg last 2 digit 99": SMS "yg" (yang) before a line's description is "the one".
  yg: 'the one',
  tak: 'not',
  tidak: 'not',
  habis: 'used up',
  beli: 'buy',
  tambah: 'add',
  tukar: 'change',
  batal: 'cancel',
  // (session 12) "batalkan tukar plan tu, saya nak kekal Standard": cancel that plan change, I want to stay on Standard.
  batalkan: 'cancel',
  membatalkan: 'cancel',
  kekal: 'stay on',
  tu: 'that',
  itu: 'that',
  semak: 'check',
  tolong: 'please',
  // (dev-v) "boleh tunjuk rekod bayaran?" (can you show the payment record), "guna" (use), "akaun" (account), "kad" (card).
  tunjuk: 'show',
  tunjukkan: 'show',
  rekod: 'record',
  bayaran: 'payment',
  pasti: 'sure',
  bulan: 'month',
  minggu: 'week',
  semalam: 'yesterday',
  guna: 'use',
  gunakan: 'use',
  akaun: 'account',
  kad: 'card',
  kepada: 'to',
  untuk: 'for',
  sebelum: 'before',
  nama: 'name',
  murah: 'cheap',
  // (dev-v) "tolong siasat" (please look into it), "penggunaan" (usage), "tiga hari" (three days).
  siasat: 'look into it',
  penggunaan: 'usage',
  tiada: 'no',
  takde: 'no',
  hari: 'days',
  tiga: 'three',
  dua: 'two',
  mahal: 'expensive',
  pindah: 'move',
  // (dev-v) "saya dah buat aduan minggu lepas, ada update tak?" (I made a complaint last week, is there any update?).
  aduan: 'complaint',
  buat: 'make',
  ada: 'have',
  // (s14b) "jangan tukar plan saya, saya cuma mau tengok bil": don't change my plan, I only want to check the bill.
  jangan: "don't",
  cuma: 'just',
  hanya: 'just',
  terima: 'thanks',
  kasih: '',
  // (session 12b) Tamil words customers here mix in: "enna plan naan use panren" (what plan am I using), "data evlo irukku"
  // (how much data is left), "1GB venum" (I want 1GB), and Hokkien's "simi" (what), "paiseh" (sorry).
  enna: 'what',
  naan: 'I',
  enoda: 'my',
  ennoda: 'my',
  evlo: 'how much',
  evvalavu: 'how much',
  irukku: 'left',
  venum: 'want',
  vennum: 'want',
  panren: '',
  pannuren: '',
  simi: 'what',
  paiseh: 'sorry',
  // (session 13b) Indonesian words (Indonesian domestic workers and students here write them): "paket saya yang sekarang apa?"
  // (what is my current plan), "sisa kuota berapa" (how much data is left), "mau beli kuota 1GB" (I want to buy 1GB).
  paket: 'plan',
  kuota: 'data',
  pulsa: 'balance',
  sisa: 'left',
  mau: 'want',
  ingin: 'want',
  tanya: '',
  kak: '',
  mbak: '',
  yang: '',
  cek: 'check',
  ganti: 'change',
  nomor: 'number',
  udah: 'already',
  nggak: 'not',
  gak: 'not',
  lemot: 'slow',
  lambat: 'slow',
  dong: '',
  kok: '',
  tadi: 'earlier',
  pagi: 'morning',
  tapi: 'but',
  belum: 'not yet',
  masuk: 'arrived',
  // (s14c-d) Words of the migrant workers' and residents' other languages for the things they ask about — balance, data,
  // left, buy, change, cancel, plan, bill, how much, want, don't — romanised as typed on a phone. Only words no English
  // message uses; those that are English words too ("mat", "main", "pen", "con", "ache") are read in MIXED_LANGUAGE_PHRASES,
  // where their neighbours say which language they are in.
  // Hindi / Hinglish: "mera data kitna bacha hai", "dono line ka balance batao", "1gb aur daal do".
  mera: 'my',
  meri: 'my',
  mere: 'my',
  mujhe: 'I',
  kitna: 'how much',
  kitni: 'how much',
  kitne: 'how much',
  bacha: 'left',
  bachi: 'left',
  // (session 14) "baaki kitna hai" (how much is left).
  baaki: 'left',
  bache: 'left',
  batao: 'tell me',
  bataiye: 'tell me',
  bataye: 'tell me',
  chahiye: 'want',
  chahta: 'want',
  chahti: 'want',
  nahi: 'not',
  nahin: 'not',
  sirf: 'just',
  dono: 'both',
  dusra: 'other',
  doosra: 'other',
  dusre: 'other',
  khatam: 'used up',
  agar: 'if',
  toh: 'then',
  kab: 'when',
  lagu: 'apply',
  galti: 'mistake',
  aur: 'more',
  badlo: 'change',
  badal: 'change',
  lagega: 'cost',
  wala: '',
  wale: '',
  wali: '',
  bhai: '',
  bhaiya: '',
  yaar: '',
  arre: '',
  hai: '',
  hain: '',
  tha: '',
  thi: '',
  raha: '',
  rahi: '',
  kya: '',
  // Bengali: "amar balance koto ache", "ami plan change korte chai na" (I don't want to change the plan).
  amar: 'my',
  ami: 'I',
  koto: 'how much',
  shudhu: 'just',
  jante: 'know',
  kinte: 'buy',
  kinbo: 'buy',
  bondho: 'close',
  oner: 'his',
  baba: 'father',
  // Tamil (with session 12b's above): "data mudinjiduchu, 5gb podunga" (data is finished, put 5GB), "venam" (don't want).
  mudinjiduchu: 'ran out',
  mudinjidichu: 'ran out',
  mudinjiruchu: 'ran out',
  mudinjathu: 'ran out',
  podunga: 'add',
  podu: 'add',
  vaangu: 'buy',
  vaanganum: 'want to buy',
  vaangunga: 'buy',
  venam: "don't want",
  vendam: "don't want",
  venaam: "don't want",
  sollunga: 'tell me',
  sollu: 'tell me',
  maathunga: 'change',
  maathu: 'change',
  maathidunga: 'change',
  seri: 'ok',
  ippo: 'now',
  apram: 'later',
  theriyala: 'not sure',
  // Burmese: "data kyan thay lar" (is data left), "wel" (buy), "pyaung" (change), "phyat" (cancel).
  kyan: 'left',
  wel: 'buy',
  pyaung: 'change',
  phyat: 'cancel',
  // Vietnamese typed without its marks: "goi cuoc" (plan), "huy" (cancel), "mua" (buy), "doi" (change), "gia" (price).
  goi: 'plan',
  cuoc: '',
  huy: 'cancel',
  mua: 'buy',
  doi: 'change',
  gia: 'price',
  muon: 'want',
  nhieu: '',
  khong: 'not',
  giup: 'please',
  // Thai: "plian" (change), "yok leuk" (cancel), "thao rai" (how much), and its polite particles.
  plian: 'change',
  plean: 'change',
  plien: 'change',
  chuay: 'please',
  chuey: 'please',
  chuai: 'please',
  krub: '',
  krap: '',
  khrap: '',
  kha: '',
  // (s14c-d round 2) Money taken and not bought: Hindi "paisa kat gaya" (money was deducted), Bengali "taka keno katlo" (why was
  // money taken), "kinini" (I didn't buy); Hindi "chalu" (started), "galat" (wrong); Vietnamese "xem" (see), "nua" (more).
  paisa: 'money',
  paise: 'money',
  taka: 'money',
  keno: 'why',
  katlo: 'deducted',
  kinini: 'never bought',
  chalu: 'active',
  galat: 'wrong',
  karo: '',
  karna: '',
  kijiye: '',
  dikhao: 'show',
  iska: 'for this',
  thoda: '',
  xem: 'see',
  nua: 'more',
  thoi: '',
  sari: 'ok',
  indha: 'this',
  // Singlish particles
  lah: '',
  leh: '',
  lor: '',
  meh: '',
  hor: '',
  sia: '',
  liao: '',
  alamak: '',
};

/** Misspellings no edit distance reaches ("enuf"), put right in the message as typed (see `correctTyped`). */
const SPELLING: Readonly<Record<string, string>> = {
  enuf: 'enough',
  enuff: 'enough',
  diff: 'difference',
  yday: 'yesterday',
  tmrw: 'tomorrow',
  abt: 'about',
  bcos: 'because',
  cancl: 'cancel',
  cncl: 'cancel',
  chng: 'change',
  chnge: 'change',
  swtch: 'switch',
  upgrd: 'upgrade',
  dngrd: 'downgrade',
  acct: 'account',
  stayin: 'staying',
  // (session 12b) "pls chnge my pln to teh mx one": the plans' and the line's words with their vowels dropped.
  mx: 'max',
  pln: 'plan',
  stndrd: 'standard',
};

/**
 * The verbs and nouns the dialogue policy's word rules turn on: a slip is corrected into one of these only. Without an
 * English dictionary a real word ("three", "filed") would otherwise be "corrected" into a training word ("there", "failed").
 */
const RULE_WORDS: ReadonlySet<string> = new Set(
  'plan plans offer compare switch change cancel upgrade downgrade terminate pending scheduled renewal renew balance remaining complaint account subscription payment payments charges charged refund dispute purchase activate install transfer standard number numbers minutes usage history details status options allowance roaming top-up topup subscribe unsubscribe disconnect close'.split(' '),
);

/**
 * Four-letter words the rules turn on, put right when two neighbouring letters after the first were swapped ("opne tix" →
 * open, "shwo" → show). Only that slip: at four letters any other is as often another real word (and "lien", "lits" are words).
 */
// (Session 20, h3) "the fiev gig one": the four-letter numbers too (a pick by size or price reads them).
const SHORT_RULE_WORDS: ReadonlySet<string> = new Set('open show list find stop move keep undo drop plan data line bill card case four five nine'.split(' '));
const SWAPS_THAT_ARE_WORDS: ReadonlySet<string> = new Set(['lien', 'lits']);

export function shortWordSwapsPutRight(text: string): string {
  return text.replace(/(?<![\w@.+-])[A-Za-z]{4}(?![\w@+-]|\.\w)/g, (typed) => {
    const lower = typed.toLowerCase();
    if (SHORT_RULE_WORDS.has(lower) || SWAPS_THAT_ARE_WORDS.has(lower)) return typed;
    for (let i = 1; i < 3; i += 1) {
      const swapped = lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2);
      if (SHORT_RULE_WORDS.has(swapped)) return typed === typed.toUpperCase() ? swapped.toUpperCase() : typed[0] === typed[0].toUpperCase() ? swapped[0].toUpperCase() + swapped.slice(1) : swapped;
    }
    return typed;
  });
}

/** Politeness and scene-setting that carries no request: dropped when something else is left. */
const FILLER_PHRASES: readonly RegExp[] = [
  /\b(hi|hello|hey|yo|dear)( there| team| bot)?\b/g,
  /\bgood (morning|afternoon|evening|day)\b/g,
  /\bi am writing to (ask|enquire|inquire|check)( you)?\b/g,
  /\b(thank you|thanks)( so much| very much)?( in advance)?\b/g,
  /\bsorry (for|about) (the )?(typos?|spelling|bother|trouble)\b/g,
  // (session 17) "Sorry to bother you … No rush at all.", "if it's no trouble", "I'm afraid I've …": politeness around the ask.
  /\bsorry to (bother|trouble|disturb|pester) (you|u)\b/g,
  /\b(there is |there's |theres )?no (rush|hurry)( at all)?\b/g,
  /\bif (it is|it's|its) no (trouble|bother)\b/g,
  /^(i am|i'm|im) afraid\b(?= (i|i have|i've|ive|we|my) )/g,
  /\b(kindly|please|pls)\b/g,
  /\bif (you|u) (can|could|don't mind)\b/g,
  /\bi was wondering\b/g,
  /\b(?:just )?go ahead and\b/g,
  // (session 14) "please do one thing, shift my connection to Lite": "do one thing" announces the ask; it is none itself.
  /\b(?:(?:can|could|will|would) (?:you|u) )?do (?:me )?one (?:thing|favou?r)\b/g,
  // "ok now show her lines", "now the orders": a leading "now" moves the conversation on; it asks no time of day.
  /^(?:(?:ok|okay|right|alright|and|so|then|great|cool)\s+)*now\b(?=\s+\w+\s+\w+)/g,
  // (session 17) "ok next, show my plan options": a voice assistant's "ok next" moves on too ("ok next bill date?" keeps its "next").
  /^(?:ok|okay|right|alright)\s+next\b(?!\s+(?:bill|billing|renewal|month|week|cycle|payment|charge|time|year|day)\b)(?=\s+\w+\s+\w+)/g,
  // "cool so remind me what my plan has", "nice, and how much is max": an acknowledgement leading into a new ask is no thanks.
  /^(?:(?:ok|okay|cool|nice|great|awesome|perfect|alright|right|noted|got it|i see|sweet|ah|oh)\s+)+(?:so|and|then)\b(?=\s+\w+\s+\w+)/g,
  /^(?:(?:cool|nice|great|awesome|perfect|noted|got it|sweet)\s+)+(?=\w+\s+\w+\s+\w+)/g,
  // "can u help me check data": the help is the asking, the check is the ask.
  /\b(?:(?:can|could) (?:you|u) )?help me(?: to)?\b(?= \w+ \w+)/g,
];

/**
 * The message with its Taglish/Malay words put in English, everything else (case, digits, punctuation) as typed: the
 * dialogue policy's word rules ("what is included in Standard?", "status of my complaint") then read it as they read English.
 */
/**
 * Words voice typing writes for ours by their sound: "rome-ing data" is roaming, "the light one" / "switch to light" is the
 * Lite plan. Only where the sound-alike stands where our word would (before "one"/"plan"… or after "to"/"on"/"the"), so
 * "a light user" keeps its word.
 */
const SOUNDS_LIKE: ReadonlyArray<readonly [RegExp, string]> = [
  // (h1, blind-z) "wats the ballance on my secund line": the ordinals that pick a line, spelt by their sound.
  [/\b(?:secund|seccond|secnd|sekond|sekund|secon)(?=\s+(?:line|number|no|sim|one|phone|account|mobile)\b)/gi, 'second'],
  [/\b(?:furst|frist|fisrt|ferst)(?=\s+(?:line|number|no|sim|one|phone|account|mobile)\b)/gi, 'first'],
  [/\b(?:thurd|therd|thrid)(?=\s+(?:line|number|no|sim|one|phone|account|mobile)\b)/gi, 'third'],
  // (h1, blind-z) "i wont the 1 gig topp up": "wont" after "I" and before what is wanted is "want" ("I won't the…" says nothing).
  [/(?<=\b(?:i|we|u|you)\s+(?:really\s+|just\s+)?)wont(?=\s+(?:the|a|an|to|some|that|this|one|\d))/gi, 'want'],
  [/\b(?:rome|roam)[- ]?ing\b|\broming\b/gi, 'roaming'],
  // "add the won gig", "to gigs more": a number said for its sound before a data unit; "two my line": "to" before the line it goes on.
  [/\bwon(?=[\s-]+(?:gigs?|gb|giga(?:bytes?)?|mb)\b)/gi, 'one'],
  [/(?<=\b(?:add|buy|get|need|want|gimme|another|the)\s+)(?:to|too)(?=[\s-]+(?:gigs?|gb|giga(?:bytes?)?)\b)/gi, 'two'],
  [/\b(?:two|too)(?=\s+(?:my|the|this|that|our|his|her)\s+(?:\w+\s+)?(?:line|number|phone|sim|mobile|account)\b)/gi, 'to'],
  // (s14b) Dictated by voice: "ad one gig" is add, "i dont want to by anything" is buy, "i just want to no my balance" is know, "wear
  // can i see my bill" is where — each only where our word would stand (a verb's object after it, a question's verb after "where"),
  // so "by the way", "no more data" and "an ad" keep theirs.
  [/\bad(?=\s+(?:a|an|one|two|three|four|five|more|some|another|extra|data|the|\d+\s*(?:gb|gigs?|mb))\b)/gi, 'add'],
  [/(?<=\b(?:to|wanna|gonna|don'?t|dont|do not|not|never|can|could|will|i'?ll|pls|please)\s+)by(?=\s+(?:a|an|one|any|anything|more|some|another|extra|data|top|it|that|this|\d+\s*(?:gb|gigs?|mb))\b)/gi, 'buy'],
  [/(?<=\b(?:to|wanna|let me|i|don'?t|dont|do not|didn'?t|did not)\s+)no(?=\s+(?:my|what|how|if|whether|when|where|why|which|about)\b)/gi, 'know'],
  [/\bwear(?=\s+(?:is|are|can|do|does|did|should)\b)/gi, 'where'],
  // (w1) "please cancer my line", "cancer the number ending 9999": "cancel" dictated, only with a line, number or plan as its object.
  [/\bcancer(?=\s+(?:my|the|this|that|our|his|her)\s+(?:\w+\s+)?(?:line|number|phone|sim|mobile|account|plan|subscription|contract|service)\b)/gi, 'cancel'],
  // (session 13) Second-language English: "the history of using of me", "the balance of me" (a possessive put after its noun) is
  // "my …"; "history of using", "my using" are the usage.
  // (session 13) Hokkien: "kong simi" ("say what") asks what something is or how it stands; "wa eh" is "my", "lu eh" "your"
  // (the word map's "kong" is Tagalog's "my", which "kong simi" is not).
  [/\bkong\s+(?:simi|si mi|sim mi|sim)\b/gi, 'what is'],
  [/\b(?:wa|wah|gua|goa)\s+(?:eh|e|ee)\b/gi, 'my'],
  [/\b(?:lu|lee|li)\s+(?:eh|e|ee)\b/gi, 'your'],
  [/\bhistory of (?:using|use|usage)\b/gi, 'usage history'],
  // (s14c-d) "Max how much", "Standard plan price how much": the question put after the plan it asks about is its price.
  [/\b(lite|standard|max)(\s+plan)?\s+(?:price\s+|cost\s+)?how much\b(?!\s+(?:data|gb|gigs?|left|used|minutes))/gi, 'how much is $1$2'],
  // (s14b) The copula dropped: "see what plan i on now", "which package we on" is "i am on" / "we are on".
  [/\b(plan|package|tariff)\s+i\s+on\b/gi, '$1 i am on'],
  [/\b(plan|package|tariff)\s+we\s+on\b/gi, '$1 we are on'],
  [/\b(?:the\s+)?((?:[a-z-]+\s+){0,2}?(?:history|balance|data|usage|number|line|plan|bill|account|sim|phone|charges?|payments?|cases?|top-?ups?|code|usages?|minutes|credit))\s+of\s+me\b/gi, 'my $1'],
  [/(?<=\b(?:my|the|of|see|show|check)\s+)using\b(?=\s+(?:history|records?|details|list|log|of)\b|\s*$)/gi, 'usage'],
  // (dev-v) The past tense dropped: "you all charge me 45 for Max", "u guys deduct my money twice" tell a charge made, never ask for
  // one ("can you charge me…", "pls bill me…" keep theirs).
  [/(?<!\b(?:can|could|will|would|pls|please|plz|to|should|must|don'?t|do not|dont|may|might|why|not|never)\s+(?:you|u|they)(?:\s+(?:all|guys|people|ppl))?\s+)(?<=\b(?:you|u|they)(?:\s+(?:all|guys|people|ppl))?\s+)charge(?=\s+(?:me|my|us|our)\b[^.?!]{0,30}?(?:\$|\d|\btwice\b|\bdouble\b|\bfor\b))/gi, 'charged'],
  [/(?<!\b(?:can|could|will|would|pls|please|plz|to|should|must|don'?t|do not|dont|may|might|why|not|never)\s+(?:you|u|they)(?:\s+(?:all|guys|people|ppl))?\s+)(?<=\b(?:you|u|they)(?:\s+(?:all|guys|people|ppl))?\s+)(deduct|debit|bill)(?=\s+(?:me|my|us|our)\b[^.?!]{0,30}?(?:\$|\d|\btwice\b|\bdouble\b|\bfor\b))/gi, '$1ed'],
  // (dev-v) Singlish puts the thing first: "the roaming one put for me lah" is "put the roaming one for me".
  [/\b(the\s+(?:[\w$.-]+\s+){1,3}?one)\s+(put|add|buy|get|top\s*up)\s+(?=(?:for|to)\s+me\b)/gi, '$2 $1 '],
  // (dev-x1) Autocorrect's "date pass" / "dat pass" for the day pass (only before "pass", so "due date" keeps its word).
  [/\b(?:date|dat|dau|dya)(?=[\s-]+pass(?:es)?\b)/gi, 'day'],
  [/\blight(?=\s+(?:one|plan|package|tier|line|number|sim)\b)|(?<=\b(?:to|onto|on|the|for|about)\s+)light\b(?!\s+(?:user|use|usage|bulb|rail)\b)/gi, 'lite'],
];
/**
 * An email's salutation and sign-off ("Dear Customer Care,", "Kind regards, Susan Lim") say nothing of the request; a name
 * in them is no plan name and "care" is no complaint.
 */
const SALUTATION = /^\s*(?:dear|to)\s+[^,.!?\n]{1,40}[,.!:\n]\s*/i;
const SIGN_OFF =
  /(?:[.!?,]\s*|\n\s*|\s+)(?:(?:[Kk]ind|[Bb]est|[Ww]arm(?:est)?)\s+[Rr]egards|[Rr]egards|[Bb]est [Ww]ishes|[Yy]ours (?:[Ss]incerely|[Ff]aithfully|[Tt]ruly)|[Ss]incerely|[Cc]heers|[Mm]any [Tt]hanks|[Tt]hanks (?:and|&) [Rr]egards)\b[,.!\s]*(?:[A-Z][\w'-]*\s*){0,3}[.!]?\s*$/;
/**
 * (session 12) A letter's closing on its own line and the signature block under it — the name, a title, a company, "Tel:
 * 6123 4567 | Fax: …" — to the end: the phone and fax there are the writer's letterhead, never a line asked about.
 */
const SIGNATURE_BLOCK =
  /\n\s*(?:(?:[Kk]ind|[Bb]est|[Ww]arm(?:est)?)\s+[Rr]egards|[Rr]egards|[Bb]est [Ww]ishes|[Yy]ours (?:[Ss]incerely|[Ff]aithfully|[Tt]ruly)|[Ss]incerely|[Tt]hanks (?:and|&) [Rr]egards)\b[,.!]?[ \t]*\n(?:[ \t]*(?![^\n]*\b(?:please|pls|kindly|can you|could you|top[- ]?up|cancel|terminate|buy|add|change|switch|upgrade|downgrade|p\.?s)\b)[^\n?]{0,80}(?:\n|$)){1,6}\s*$/;
/** The signature block under a letter's closing, cut before the message's lines are joined (its Tel/Fax are no line of ours). */
export function withoutSignatureBlock(text: string): string {
  const stripped = text.replace(SIGNATURE_BLOCK, '');
  return (stripped.match(/\w+/g) ?? []).length >= 2 ? stripped : text;
}
export function withoutLetterForm(text: string): string {
  const stripped = text.replace(SALUTATION, '').replace(SIGNATURE_BLOCK, '.').replace(SIGN_OFF, '.');
  // A message that is nothing but its greeting or sign-off ("Kind regards") keeps it.
  return (stripped.match(/\w+/g) ?? []).length >= 2 ? stripped : text;
}

export function correctSoundAlikes(text: string): string {
  return SOUNDS_LIKE.reduce((out, [pattern, word]) => out.replace(pattern, word), text);
}

/** (session 12) "ate, magkano…", "kuya pakicheck…": the Tagalog address for an elder sister or brother opening a Tagalog ask. */
const TAGALOG_ADDRESS = /^\s*(?:ate|kuya|manang|manong)\b[\s,!.]*(?=(?:magkano|ano|anong|ilang|ilan|pa|pwede|puwede|paano|paki\w*|bakit|may|yung|sa|po|nabawasan|gusto|kailangan)\b)/i;

/**
 * (session 13c) Mandarin typed in pinyin between English words ("wo bu yao terminate, zhi shi xiang kan wo de plan": I don't
 * want to terminate, I only want to see my plan). Its words are short and English-looking, so they are read as phrases of two
 * syllables or more; the one-syllable ones ("wo", "le", "ge") only once such a phrase was met. Its negation must survive: a
 * "bu yao" that was dropped left "terminate" to be carried out.
 */
const PINYIN_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\bbu\s*(?:yao|xiang)(?:\s+le)?\b/gi, ' do not want '],
  [/\bbu\s*yong(?:\s+le)?\b/gi, ' no need to '],
  [/\bbie\s+(?=[a-z])/gi, ' do not '],
  [/\bwo\s*de\b/gi, ' my '],
  [/\bbang\s*wo\b/gi, ' please '],
  [/\bwo\s*(?:yao|xiang)\b/gi, ' i want '],
  [/\b(?:xiang\s+)?(?:kan\s*yi\s*xia|cha\s*yi\s*xia|kan\s*kan)\b/gi, ' check '],
  [/\bxiang\s+kan\b/gi, ' want to see '],
  [/\bzhi\s*(?:shi|yao|xiang)\b/gi, ' just '],
  [/\bduo\s*shao(?:\s+qian)?\b/gi, ' how much '],
  [/\b(?:hai\s*(?:you|sheng)|sheng\s*xia)\b/gi, ' left '],
  [/\bqu\s*xiao\b/gi, ' cancel '],
  // (s14c-d) "wo de liuliang hai sheng duoshao" (how much data is left), "huan taocan" (change plan), "zhangdan" (bill), "tui qian" (refund).
  [/\bliu\s*liang(?:\s+bao)?\b/gi, ' data '],
  [/\btao\s*can\b/gi, ' plan '],
  [/\bzhang\s*hu(?:\s+xin\s*xi)?\b/gi, ' account details '],
  [/\bhuan\b(?=\s+(?:plan|tao))/gi, ' change '],
  [/\bzhang\s*dan\b/gi, ' bill '],
  [/\btui\s*(?:qian|kuan)\b/gi, ' refund '],
  [/\bwen\s*(?:wen|yi\s*xia)\b/gi, ' asking '],
  [/\b(\d+\s*gb)\s+de\b/gi, ' $1 '],
  [/\bmai\s+yi\s*ge\b/gi, ' buy a '],
  [/\b(?:na|zhe)\s*ge\b/gi, ' that '],
];
export function translatePinyin(text: string): string {
  const translated = PINYIN_PHRASES.reduce((out, [pattern, words]) => out.replace(pattern, words), text);
  if (translated === text) return text;
  return translated
    .replace(/\bwo\b/gi, ' i ')
    .replace(/\b(?:le|ba|ne)\b(?=\s*(?:[,.!?;]|$))/gi, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * (session 13c) Emoji that stand for a verb in a message of emoji and a few words ("📶❌ 🙏 1GB ➕", "⬇️ Lite plan pls"): the plus
 * adds, the arrows before a plan's name move to it, a question mark asks; a thumbs-up alone says yes, a thumbs-down no. Other emoji carry no intent and are dropped later.
 */
const EMOJI_WORDS: readonly (readonly [RegExp, string])[] = [
  [/\s*(?:➕|✚)\uFE0F?\s*/gu, ' add '],
  [/\s*(?:⬆|🔼|⏫)\uFE0F?\s*(?=(?:to\s+)?(?:the\s+)?(?:lite|standard|max|PLAN_\w+)\b)/giu, ' upgrade to '],
  [/\s*(?:⬇|🔽|⏬)\uFE0F?\s*(?=(?:to\s+)?(?:the\s+)?(?:lite|standard|max|PLAN_\w+)\b)/giu, ' downgrade to '],
  // (dev-v) "📱➡️ Max plan 🙏", "me → lite pls": a right arrow before a plan's name moves the line there (no way up or down said).
  [/\s*(?:➡|→|⇒|⏩)\uFE0F?\s*(?=(?:to\s+)?(?:the\s+)?(?:lite|standard|max|PLAN_\w+)\b)/giu, ' switch to '],
  [/\s*(?:❓|❔)\uFE0F?/gu, '? '],
  // (dev-v) emoji for the nouns and verbs of an account: "🧾💸 this month?" is the bill and money spent, "💰 Max?" its price,
  // "🛒 5GB" buys it.
  [/\s*🧾\uFE0F?\s*/gu, ' bill '],
  [/\s*💸\uFE0F?\s*/gu, ' charges '],
  [/(?:\s*(?:💰|💵|💲)\uFE0F?)+\s*/gu, ' price '],
  [/\s*💳\uFE0F?\s*/gu, ' card '],
  // A cross before words crosses out what follows ("❌ Lite switch"); a "no" gesture inside a message only separates its parts.
  [/^\s*(?:❌|✖)\uFE0F?\s*(?=\w)/gu, ' cancel '],
  [/\s*🙅[\u{1F3FB}-\u{1F3FF}\u200D\u2640\u2642\uFE0F]*\s*(?=\w)/gu, ', '],
  [/\s*🛒\uFE0F?\s*/gu, ' buy '],
];
// A message of nothing but a thumbs-up (or OK hand, check mark) says yes; a thumbs-down or cross alone says no.
const EMOJI_YES = /^\s*(?:(?:👍|👌|✅|✔|🆗)[\u{1F3FB}-\u{1F3FF}\uFE0F]*\s*)+(?:(?:🙏|😊|🙂|😀|😁)[\u{1F3FB}-\u{1F3FF}\uFE0F]*\s*)*$/u;
const EMOJI_NO = /^\s*(?:(?:👎|❌|🙅|✖)[\u{1F3FB}-\u{1F3FF}\u200D\u2640\u2642\uFE0F]*\s*)+$/u;
export function emojiAsWords(text: string): string {
  if (EMOJI_YES.test(text)) return 'yes';
  if (EMOJI_NO.test(text)) return 'no';
  return EMOJI_WORDS.reduce((out, [pattern, words]) => out.replace(pattern, words), text);
}

/**
 * (s14c-d) Phrases of Hindi, Bengali, Tamil, Burmese, Vietnamese and Thai that say a request or its negation, read before the
 * word map: their negation comes after the verb ("plan cancel mat karna": don't cancel the plan; "change korte chai na": I
 * don't want to change) and must be put before it, or the English verb left behind is carried out. Words that are English
 * too ("mat", "ki", "pen", "con", "ache") are read only here, among the words of their own language.
 */
const MIXED_LANGUAGE_PHRASES: readonly (readonly [RegExp, string | ((...groups: string[]) => string)])[] = [
  // (h1, dev-aa1) "just give me my balance in one line please" (a braille-display user): the form the reply should take ("in one
  // line", "in a sentence") asks nothing itself; "one line" there is no line of theirs.
  [/\b(?:in|as)\s+(?:one|a single|1|a)\s+(?:short\s+)?(?:line|sentence)(?:\s+only)?\b/gi, ' '],
  // (h1, dev-aa1) Sri Lankan and Indian English tag "no?": "my data finished no?" asks whether it finished; it denies nothing.
  [/(?<=[a-z])(?<!\bor)\s*,?\s+no\s*\?/gi, '?'],
  // (h1, blind-z) Jamaican Patois: "dem charge mi card two time fi di same month! Mi want somebody fi look into it" (they charged my
  // card twice for the same month; I want somebody to look into it). "mi" before a verb is "I", before a noun "my"; "fi di" is "for
  // the", "fi" before a verb "to"; "two time" is twice. ("di" alone is left: it is Indonesian's "in".)
  [/\bdem\s+(charge|tek|take|cut|block|bill|send|sen|add|put|deduct|debit)\b/gi, (_all: string, verb: string) => `they ${({ charge: 'charged', tek: 'took', take: 'took', cut: 'cut', block: 'blocked', bill: 'billed', send: 'sent', sen: 'sent', add: 'added', put: 'put', deduct: 'deducted', debit: 'debited' } as Record<string, string>)[verb.toLowerCase()] ?? verb}`],
  [/\bdem\s+(?=(?:seh|say|tell)\b)/gi, 'they '],
  [/\bmi\s+(?=(?:want|waan|need|nuh|cyaan|did|neva|never|just|haffi|have|get|pay|buy|tink|think|a\s+go|ago|no|nah|use|check|see|si)\b)/gi, 'I '],
  [/\bfi\s+di\b/gi, 'for the'],
  [/\bfi\s+(?=(?:look|check|see|fix|sort|help|call|talk|reach|get|know|tell|find|stop|cancel|buy|add|change|switch|move)\b)/gi, 'to '],
  [/\btwo\s+time\b(?!\s*(?:zone|s)\b)/gi, 'twice'],
  [/\bunu\b/gi, 'you'],
  [/\btek\b/gi, 'take'],
  [/\bdis\s+(?=(?:month|week|year|line|number|one|plan|time|bill|phone)\b)/gi, 'this '],
  [/\b(?<=(?:charge[ds]?|bill(?:ed)?|tek|take|took|debit(?:ed)?)\s+)mi\b/gi, 'my'],
  // (y3) Yeses in the languages customers here mix in: Tagalog "sige (na)" (go on), "bilhin mo na" (buy it now); Spanish "sí, por
  // favor", "dale" / "vale" opening an answer.
  [/\bsige(?:\s+na)?\b/gi, 'ok'],
  // (session 18) Nigerian Pidgin: "my broda say make I terminate my line" (says I should: advice, not an order — it terminated the
  // line), "I never decide" (not yet), "abeg" (please), "wetin" (what), "I wan" (I want), "sha" (a filler).
  [/\bsay\s+make\s+(i|we|you)\b/gi, (_all: string, who: string) => `says ${who} should`],
  [/\b(i|we)\s+never\s+(decide|finish|pay|see|get|receive|use)\b/gi, (_all: string, who: string, verb: string) => `${who} have not ${({ decide: 'decided', finish: 'finished', pay: 'paid', see: 'seen', get: 'got', receive: 'received', use: 'used' } as Record<string, string>)[verb.toLowerCase()]} yet`],
  [/\babeg\b/gi, 'please'],
  [/\bwetin\b/gi, 'what'],
  [/\b(i|we)\s+wan\b/gi, '$1 want'],
  [/,?\s*\bsha\b/gi, ''],
  // (session 19) Scots: "ma wife wants tae switch us tae Lite but ah've no decided yet" (my, to, I've, not yet) — "ma" unread left
  // the wife's wish the customer's own, and the plan was changed. "ma" is "my" only before a person or a thing of the account
  // ("Ma wants Max" is a mother); "no" is "not" only before a verb's past form after "I've"/"I'm".
  [/\bma(?=\s+(?:\w+\s+)?(?:wife|husband|man|missus|wean|weans|bairn|bairns|son|daughter|maw|mam|mum|da|dad|faither|mither|brother|sister|pal|mate|boss|granny|gran|kid|kids|phone|mobile|line|number|sim|e-?sim|data|plan|bill|account|balance|contract|card|top-?up|minutes|texts)\b)/gi, 'my'],
  [/\btae\b/gi, 'to'],
  // (session 19) Indonesian: "gak jadi beli day pass, nanti aja" (not buying it after all, later), "cek tagihan bulan lalu" (last
  // month's bill); a business shorthand: "itemised chg hist" (charge history — "chg" alone stays "change").
  [/\b(?:gak|ga|nggak|enggak|tidak|tak)\s+jadi\b/gi, "don't"],
  [/\bnanti\s+(?:aja|saja|deh)\b/gi, 'later'],
  [/\bbulan\s+(?:lalu|kemarin)\b/gi, 'last month'],
  [/\btagihan\b/gi, 'bill'],
  [/\bchg\s+hist(?:ory)?\b/gi, 'charge history'],
  [/\bah(?=['’](?:ve|m|ll|d)\b|\s+(?:cannae|dinnae|didnae|want|wantae|need|hae|have|had|am|was|will|would|think|dunno|know|ken)\b)/gi, 'I'],
  [/\b(i['’]ve|i have|i['’]m|i am|we['’]ve|we have)\s+no\s+(?=(?:\w+ed|made|done|got|seen|heard|paid|bought|chosen)\b)/gi, '$1 not '],
  [/\b(can|do|did|is|was|would|could|should|will|are|have|does)nae\b/gi, (_all: string, verb: string) => `${verb.toLowerCase() === 'will' ? 'wo' : verb}n't`],
  [/\bwantae\b/gi, 'want to'],
  [/\bgonnae\b/gi, 'going to'],
  [/\bhae\b/gi, 'have'],
  [/\b(?:bilhin|bilin|kunin)\s+mo(?:\s+na)?\b/gi, 'buy it'],
  [/(?<![\p{L}])sí(?![\p{L}])/giu, 'yes'],
  [/\bpor\s+favor\b/gi, 'please'],
  // (y3) "sige pero bukas na lang", "sí pero mañana": the but and the later day put the yes off.
  [/\bpero\b/gi, 'but'],
  [/\bbukas\b/gi, 'tomorrow'],
  [/\bmañana\b/gi, 'tomorrow'],
  [/\bahora\b/gi, 'now'],
  // (y3) Tagalog "pano / paano mag cancel…?" asks how.
  // (session 18) "paano mag cancel…?": "mag" makes the verb after it, so the question is how to (it cancelled the change).
  [/\bp(?:a)?ano\s+(?:mag|mang|ma)(?=\s+\w)/gi, 'how to'],
  [/\bp(?:a)?ano\b/gi, 'how'],
  [/^\s*(?:dale|vale)(?=\s*[,.!]|\s*$)/gi, 'ok go ahead'],
  // (dev-v) "boleh tak tambah day pass?" asks whether it can be done (can you…?); "tak boleh" (cannot) is left as it is. "paling
  // murah" is the cheapest; "tukar ke" change to.
  [/\bboleh\s+(?:tak|tidak|ke)\b(?=\s+\w)/gi, ' can you '],
  // (h4 follow-ups) "boleh, teruskan", "boleh lah": "boleh" said alone is a yes (it can be done), not a question of whether it can.
  [/^\s*boleh(?:\s+(?:lah|la))?(?=\s*[,.!]|\s*$)/gi, 'ok'],
  [/\bpaling\s+(murah|mahal|besar|kecil)\b/gi, (_all, what: string) => ` ${({ murah: 'cheapest', mahal: 'most expensive', besar: 'biggest', kecil: 'smallest' } as Record<string, string>)[what.toLowerCase()]} `],
  [/\b(tukar|pindah|tambah)\s+ke\b/gi, ' $1 to '],
  // (dev-v) "tak ada signal" is "no signal" (not a refusal); "minggu ni" this week.
  [/\b(?:tak|tidak)\s+ada\b/gi, ' no '],
  [/\b(minggu|bulan)\s+(?:ni|ini)\b/gi, (_all, when: string) => ` this ${when.toLowerCase() === 'minggu' ? 'week' : 'month'} `],
  // (dev-v) Malay "ada … tak?" asks whether there is any (not a refusal); "dah buat" is "already made".
  [/\bada\s+([^,.;!?]{1,30}?)\s+(?:tak|tidak|ke)\s*(?=\?|$)/gi, ' any $1 '],
  [/\b(?:dah|sudah|udah)\s+buat\b/gi, ' already made '],
  // (dev-v) Malay puts "last" after its noun: "bulan lepas" last month, "minggu lepas" last week.
  [/\b(bulan|minggu|tahun)\s+lepas\b/gi, (_all, when: string) => ` last ${({ bulan: 'month', minggu: 'week', tahun: 'year' } as Record<string, string>)[when.toLowerCase()]} `],
  // Hindi: "X mat karo" don't X; "kuch mat karo" do nothing; "daal do" add; "wapas karo" undo it; "puch raha" asking.
  // (session 17) "mujhe Max plan pe shift kar do" (move me onto Max), "pichle hafte" (last week), "use kiya" (used), "list dikhao"
  // (show me the list: the verb last again).
  [/\bmujhe\s+([a-z]+(?:\s+plan)?)\s+(?:pe|par|mein|me)\s+(?:shift|switch|change|move|daal|dal)\s+kar\s*(?:do|dijiye|dena|o)\b/gi, ' switch me to $1 '],
  [/\b(?:pichle|pichhle|picchle)\s+(hafte|hafta|mahine|mahina|saal)\b/gi, (_all, when: string) => ` last ${/^haft/i.test(when) ? 'week' : /^mahin/i.test(when) ? 'month' : 'year'} `],
  [/\b(?:use|istemal|istemaal)\s+(?:kiya|kia|hua|hui|ho\s+gaya)\b/gi, ' used '],
  [/\b(?:(mera|meri|mere)\s+)?([a-z]+)\s+(?:dikhao|dikhaiye|dikhaye|dikha\s+do)\b/gi, (_all, mine: string | undefined, noun: string) => ` show me ${mine ? 'my' : 'the'} ${noun} `],
  [/\bkuch\s+mat\s+kar\w*/gi, " don't do anything "],
  [/\b(?:abhi\s+)?mat\s+kar(?:o|na|ein|iye|e)?\b/gi, " don't do it "],
  [/\b([a-z]+)\s+mat\s+(?=karo|karna|karein|kariye)/gi, " don't $1 "],
  [/\bband\s+kar(?:\s+do|\s+dena|o|na)?\b/gi, ' close '],
  [/\bwapas\s+(?:kar(?:\s+do|o|\s+dijiye)?|le\s+lo|lo)\b/gi, ' undo it '],
  [/\b(?:daal|dal)\s+(?:do|dena|dijiye)\b|\b(?:daalo|dalo)\b/gi, ' add '],
  [/\b(cancel|change|undo|buy|add|upgrade|downgrade|check)\s+(?:kar(?:o|na|do|ein)|kar\s+(?:do|dijiye|dena))\b/gi, ' $1 it '],
  [/\bkar\s+(?:do|dijiye|dena)\b|\bkardo\b/gi, ' please '],
  [/\b(?:puch|pooch|puchh)\s+(?:raha|rahi)\s+(?:tha|thi|hoon|hu|hun)\b/gi, ' just asking '],
  [/\b(?:kya\s+)?(?:main|mai|mein)\s+([a-z]+(?:\s+plan)?)\s+le\s+(?:sakta|sakti)\s+(?:hoon|hu|hun)\b/gi, ' can i get $1 '],
  [/\ble\s+(?:sakta|sakti)\s+(?:hoon|hu|hun)\b/gi, ' can i get it '],
  [/\b(?:ka|ki|ke)\s+(?=how much|kitna|kitni|balance|data|bill|price|cost|details)/gi, ' '],
  [/\b(?:pe|par)\s+(?=kitna|kitni|how much)/gi, ' '],
  // A line by its number's end, or the other one: "9999 wale number pe" is "on the 9999 number", "dusra wala" "the other one".
  [/\b(\d{3,4})\s+(?:wala|wale|wali)\s+(number|line|sim)(?:\s+(?:pe|par|mein|me|ka|ki|ke))?\b/gi, ' on the $1 $2 '],
  [/\b(\d{3,4})\s+(?:wala|wale|wali)\b/gi, ' the $1 one '],
  [/\b(?:dusra|doosra|dusre|dusri)\s+(?:wala|wale|wali)\b/gi, ' the other one '],
  [/\bdono\s+(line|number|sim)s?\b/gi, ' both $1s '],
  // The verb comes last: "price batao" is "tell me the price".
  [/\b(?:(mera|meri|mere)\s+)?(price|cost|balance|bill|data|details)\s+(?:batao|bataiye|bataye|bata\s+do)\b/gi, (_all, mine: string | undefined, noun: string) => ` tell me ${mine ? 'my' : 'the'} ${noun} `],
  [/\bkab\s+(?:se\s+)?lagu\s+hoga\b/gi, ' when does it take effect '],
  [/\bkab\s+se\b/gi, ' from when '],
  [/\b(?:(plan|line|number|package|data)\s+)?(top\s+up|[a-z]+)\s+nahi\s+kar(?:na|ni|unga|ungi)(?:\s+hai)?\b/gi, (_all, thing: string | undefined, verb: string) => ` don't want to ${verb} ${thing ?? ''} `],
  [/\bbas\s+(?=[a-z]+\s+[a-z]+)/gi, ' just '],
  [/\b([a-z]+)\s+dekhna\s+(?:hai|tha|chahta|chahti)\b/gi, ' want to see the $1 '],
  [/\b(lite|standard|max)(\s+plan)?\s+(?:mein|me)\s+(?:kitna|kitni)\s+([a-z]+)\s+(?:milta|milti|milega|hai)(?:\s+hai)?\b/gi, ' how much $3 is included in $1$2 '],
  [/\bitna\s+zyada\b/gi, ' so much '],
  [/\bkaise\s+kharch\s+(?:hua|ho\s+gaya)\b/gi, ' how was it used '],
  // "paisa kat gaya kya iska", "data khatam hua kya": "kya" (not "kya kya", what all) makes the sentence a yes-or-no question.
  [/(?<!\bkya\s+)\bkya\b(?!\s+kya)([^?.!]*)$/gi, '$1?'],
  [/\b([a-z]+)\s+nahi\s+chahiye(?:\s+(?:tha|thi))?\b/gi, " didn't want $1 "],
  [/\bkat\s+(?:gaya|gaye|gayi|liya|liye)\b|\bkaat\s+(?:liya|liye)\b/gi, ' deducted '],
  [/\b(?:galat|galti)\s+ho\s+gaya\b/gi, ' was a mistake '],
  [/\b(?:soch\s*ke|sochke|soch\s+kar)\s+(?:batata|batati|bataunga|bataungi)(?:\s+(?:hoon|hu|hun))?\b/gi, ' i will think and tell you '],
  [/\b(\d+\s*(?:dollars?|gb|gigs?))\s+(?:wala|wale|wali)\b/gi, ' the $1 one '],
  [/\b(?:de\s+do|dedo|de\s+dijiye)\b/gi, ' please '],
  // Bengali: "korte chai na" don't want to; "ki ki ache" what is included; "namiye dao" downgrade; "mara gechen" passed away.
  [/\b(top\s+up|[a-z]+)\s+kor(?:te|bo)\s+chai\s+na\b/gi, " don't want to $1 "],
  [/\b(top\s+up|[a-z]+)\s+kor(?:te|bo)\s+chai\b/gi, ' want to $1 '],
  [/\b(?:ki\s+)?ki\s+ache\b/gi, ' what is included '],
  [/\bkoto\s+ache\b/gi, ' how much left '],
  [/\bthik\s+ache\b/gi, ' ok '],
  [/\b([a-z]+)\s+e\s+namiye\s+(?:dao|din|den)\b/gi, ' downgrade to $1 '],
  [/\bmara\s+(?:gechen|geche|gese|gesen|gechhen)\b/gi, ' passed away '],
  [/\breport\s+kor(?:en|un|o|e\s+dao|e\s+din)\b/gi, ' report it '],
  // Tamil: "enna (enna) irukku" what is included (irukku alone is "left"); "max ku maathunga" change to Max; "vaanganuma vendama" whether to buy.
  [/\benna(?:\s+enna)?\s+irukku\b/gi, ' what is included '],
  [/\b([a-z]+)\s+(?:ku|kku)\s+(?=maathunga|maathu|maathidunga)/gi, ' to $1 '],
  [/\bvaanganuma\s+vendama(?:\s+theriyala)?\b/gi, ' not sure whether to buy '],
  [/\b(?:vaanga|vaangu)\s+(?:venaam|vendam|venam)\b/gi, " don't want to buy "],
  [/\bmaathi\s+(?:vidunga|vidu|kudunga)\b/gi, ' change '],
  [/\b([a-z]+)(\s+plan)?\s+(?:ku|kku)\s+(?=change\b)/gi, ' to $1$2 '],
  [/\bsumma\b/gi, ' just '],
  [/\bmattum\b/gi, ' only '],
  [/\b(?:vandhuchu|vanthuchu)(?:\s+nu)?\b/gi, ' came '],
  // Burmese: "bal lout" how much; "kyar ma lal" how long; "ma X ne" don't X.
  [/\b(?:bal|ba|b)\s*lout\s+kyar(?:\s+ma)?(?:\s+(?:lal|lè|le|leh))?\b/gi, ' how long will it take '],
  [/\b(?:ka\s+)?(?:bal|ba)\s*lout\b/gi, ' how much '],
  [/\b(?:(plan|package|line|data)\s+)?([a-z]+)\s+chin\s+lo\s+ma\s+(?:hote|hut)\s+(?:buu|bu|phoo)\b/gi, (_all, thing: string | undefined, verb: string) => ` I don't want to ${verb} ${thing ?? ''} `],
  [/\bchin\s+(?:tal|tel|dal)\b/gi, ' want '],
  [/\bngwe\b/gi, ' money '],
  [/\b(?:kyat|kya)\s+thwar\b/gi, ' charged '],
  [/\bma\s+kyan\s+(?:tot|dot)\s+(?:buu|bu|phoo)\b/gi, ' ran out '],
  [/\bma\s+(wel|pyaung|phyat)\s+(?:ne|nae|nay)\b/gi, " don't $1 "],
  // Its question particles close the question ("Lite ka bal lout lè"): read as the question mark ("è" is no word letter to \b).
  [/\s+(?:thay\s+)?(?:lè|lèh|leh|lar|lal)(?=\s*(?:[.,!?]|$))/gi, '?'],
  // Vietnamese: "cho em hoi" may I ask; "thue bao" subscription; "bao nhieu" how much; "tru tien 2 lan" charged twice; "khieu nai" complaint.
  [/\bcho\s+(?:em|toi|minh|anh)\s+hoi\b/gi, ' '],
  [/\b(?:em|toi|minh)\s+(?=muon|can|bi|da|dang|khong|hoi)/gi, ' i '],
  [/\bthue\s+bao(?:\s+nay)?\b/gi, ' my line '],
  [/\b(?:con\s+)?bao\s+nhieu\b/gi, ' how much '],
  [/\b(?:du\s+lieu|dung\s+luong)\b/gi, ' data '],
  [/\bhoa\s+don\b/gi, ' bill '],
  [/\bkiem\s+tra\b/gi, ' check '],
  [/\btru\s+tien(?:\s+(?:cua\s+)?(?:em|toi|minh))?\s+(?:2|hai)\s+lan\b/gi, ' charged twice '],
  [/\bkhieu\s+nai\b/gi, ' complaint '],
  [/\bdung\s+(?=huy|mua|doi)/gi, " don't "],
  [/\bde\s+(?:em|toi|minh)\s+suy\s+nghi(?:\s+da)?\b/gi, ' let me think about it '],
  [/\bchi\s+hoi(?:\s+thoi)?\b/gi, ' just asking '],
  [/\bchi\s+(?=muon|can|xem|hoi)/gi, ' just '],
  [/\bkhong\s+muon\b/gi, " don't want "],
  [/\bcham\s+qua\b/gi, ' so slow '],
  [/\bthem\s+(?=\d+\s*(?:gb|gigs?|mb)\b)/gi, ' add '],
  [/\bthang\s+nay\b/gi, ' this month '],
  // Thai: "thao rai" how much; "duan nee" this month; "plian pen" change to; "yok leuk" cancel; "mai ao" don't want; "kho du" show me.
  [/\b(?:thao|tao)\s*rai\b/gi, ' how much '],
  [/\b(?:duan|duen|deun|deuan)\s+(?:nee|ni)\b/gi, ' this month '],
  [/\b(plian|plean|plien)\s+pen\b/gi, ' change to '],
  [/\byok\s*(?:leuk|lerk|luek)\b/gi, ' cancel '],
  [/\bmai\s+ao\b/gi, " don't want "],
  [/\bmai\s+(?:tong|dtong)\b/gi, " don't need to "],
  [/\b(?:kae|khae)\s+yak\s+ru\b/gi, ' just want to know '],
  [/\b(?:tae|dtae)\s+yak\s+ru\b/gi, ' but I want to know '],
  [/\braka\b/gi, ' the price '],
  [/\s+(?:ka|kha|krub|krap)(?=\s*(?:[.,!?]|$))/gi, ''],
  [/\bmee\s+arai\s+bang\b/gi, ' what is included '],
  [/\b(?:sue|seu|suu)\s+(?=roaming|data|day|package|top|\d+\s*gb)/gi, ' buy '],
  [/\bkho\s+du\b/gi, ' show me '],
  [/\b(?:hai\s+)?(?:noi|duay|duai)\s+(?=ka|krub|krap|kha|$)/gi, ' '],
];
export function translateMixedLanguagePhrases(text: string): string {
  return MIXED_LANGUAGE_PHRASES.reduce((out, [pattern, words]) => (typeof words === 'string' ? out.replace(pattern, words) : out.replace(pattern, words)), text);
}

export function translateMixedLanguage(text: string): string {
  return (
    // Sound-alikes and second-language word order are read again once the other languages' phrases are English ("Max ka bal
    // lout" is "Max how much", which is "how much is Max").
    correctSoundAlikes(translateMixedLanguagePhrases(translatePinyin(emojiAsWords(correctSoundAlikes(withoutLetterForm(text))))))
      .replace(TAGALOG_ADDRESS, '')
      // (session 13b) "mau tanya", "nak tanya" ("I want to ask") announce a question; they want nothing themselves.
      .replace(/\b(?:mau|nak|ingin|mo|mahu)\s+tanya\b/gi, ' ')
      // Tagalog puts "my" after its noun: "plan ko po" → "my plan".
      .replace(/\b([A-Za-z]+)\s+(?:po\s+)?(?:ko|saya)\b/gi, (all, noun: string) => (MIXED_LANGUAGE[noun.toLowerCase()] === undefined || /^(?:kapitbahay|kaibigan|katrabaho|asawa|nanay|tatay|jiran|kawan|rakan|isteri|suami|ayah|pakej|paket|kuota|pulsa|nombor|nomor|talian|bil)$/i.test(noun) ? `my ${noun}` : all))
      // (s14b) "saya cuma mau tengok bil": "saya" before what the speaker does or wants is "I", not "my".
      .replace(/\b(?:saya|aku)(?=\s+(?:cuma|hanya|nak|mau|mahu|ingin|tak|tidak|dah|sudah|boleh|perlu|just|only|want|need)\b)/gi, 'I')
      .replace(/[A-Za-z]+/g, (word) => MIXED_LANGUAGE[word.toLowerCase()] ?? word)
      .replace(/ {2,}/g, ' ')
  );
}

/** "the one ending 9999", "last four digits 4567": a line named by its number's end is a number, not a word of ending. */
const NUMBER_END = /\b(?:ending|ends|end)(?:\s+(?:in|with))?\s+(?:\d{3,4}|\d{2}(?!\s*(?:days?|d|hours?|hrs?|h|mins?|minutes?|weeks?|months?|years?|gb|mb|%|sgd|dollars?|bucks|cents?)\b))\b|\blast (?:4|four|3|three|2|two) digits?(?:\s+(?:is|are|of))?\s+\d{2,4}\b|(?<=\bthe )\d{4}(?= one\b)|(?<=^\s*(?:(?:mine|my one|the one|it'?s|its|that'?s|number|no\.?|line)\s*[,:-]?\s*)?)\d{4}(?=\s*[.!?]*\s*$)/gi;
export function maskNumberEndings(text: string): string {
  return text.replace(NUMBER_END, ' msisdnref ');
}

/** (h5) Idioms whose words say nothing one by one: "pull the plug on my line" ends it. */
const IDIOMS: ReadonlyArray<readonly [RegExp, string]> = [[/\bpull(?:s|ed|ing)?\s+the\s+plug\b/g, 'end']];

export function normaliseUtterance(text: string): string {
  let out = maskEntities(maskNumberEndings(correctSoundAlikes(withoutLetterForm(text)))).toLowerCase();
  out = out.replace(/[’‘`]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  for (const [pattern, replacement] of IDIOMS) out = out.replace(pattern, replacement);
  // Emoji, symbols and punctuation carry no intent here; keep letters, digits and the apostrophe-free words.
  out = out.replace(/[^a-z0-9\s]/g, ' ');
  // Stretched words ("heyyy", "pleeease") → at most two repeats.
  out = out.replace(/([a-z])\1{2,}/g, '$1$1');
  out = out
    .split(/\s+/)
    .map((word) => LEXICON[word] ?? MIXED_LANGUAGE[word] ?? word)
    .join(' ');
  const withoutFiller = FILLER_PHRASES.reduce((text, pattern) => text.replace(pattern, ' '), out);
  // "hi", "thanks" alone are the request; filler is only dropped around something else.
  const left = withoutFiller.trim().split(/\s+/).filter(Boolean);
  if (left.length >= 2 || (left.length === 1 && left[0].length >= 4)) out = withoutFiller;
  return out.replace(/\s+/g, ' ').trim();
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_POSITION = new Map<string, [number, number]>(KEY_ROWS.flatMap((row, r) => [...row].map((key, c): [string, [number, number]] => [key, [r, c + r * 0.5]])));

const REGULAR_ENDING = /(ing|ed|ly|tion|sion|ness|ment|ers|est|able|ible|ful|less)$/;

/** Letters spelt for one another by sound ("balanse", "balence"): as near as neighbouring keys. */
const SOUND_ALIKE = new Set(['sc', 'cs', 'sz', 'zs', 'ck', 'kc', 'ae', 'ea', 'ei', 'ie', 'iy', 'yi']);

function adjacentKeys(a: string, b: string): boolean {
  if (SOUND_ALIKE.has(a + b)) return true;
  const [pa, pb] = [KEY_POSITION.get(a), KEY_POSITION.get(b)];
  return !!pa && !!pb && Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/**
 * Edit distance as a phone keyboard slips: a dropped letter or two swapped neighbours cost 1, a wrong letter 1 when its key
 * is next to the right one (else 2), an extra letter 1 when it repeats or sits next to a neighbour's key (else 2).
 */
export function typoDistance(typed: string, word: string): number {
  const d = Array.from({ length: typed.length + 1 }, (_, i) => Array.from({ length: word.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i * 2 : 0)));
  for (let i = 1; i <= typed.length; i += 1) {
    for (let j = 1; j <= word.length; j += 1) {
      const [t, w] = [typed[i - 1], word[j - 1]];
      const extra = t === typed[i - 2] || t === typed[i] || adjacentKeys(t, typed[i - 2] ?? '') || adjacentKeys(t, typed[i] ?? '') ? 1 : 2;
      d[i][j] = Math.min(d[i - 1][j] + extra, d[i][j - 1] + 1, d[i - 1][j - 1] + (t === w ? 0 : adjacentKeys(t, w) ? 1 : 2));
      if (i > 1 && j > 1 && t === word[j - 2] && typed[i - 2] === w) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[typed.length][word.length];
}

/** English function words ("both", "each", "whom"): real words, never typos of a training word ("both" is not "bot"). */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(Object.keys(new StopwordsEn().dictionary));

/** Corrects words outside the training vocabulary by edit distance; short words and English function words are left alone. */
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

  knows(word: string): boolean {
    return this.vocabulary.has(word);
  }

  /** Whether the word, or its stem under a regular ending ("resets", "refreshed", "topping"), was trained on. */
  knowsAnyForm(word: string): boolean {
    if (this.vocabulary.has(word)) return true;
    const stem = word.replace(/(?:es|s|ed|ing)$/, '');
    return stem !== word && stem.length >= 3 && [stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')].some((form) => this.vocabulary.has(form));
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

  /**
   * The message as typed with its misspelt words put right ("swich me to max, standrd not enuf" → "switch me to max, standard
   * not enough"), so the dialogue policy's word rules see what the classifier sees. Only plain words are touched: ids,
   * numbers, emails and catalog ids stay as typed, a capital stays a capital, and a word that becomes two stays two.
   */
  correctTyped(text: string): string {
    return text.replace(/(?<![\w@.+-])[A-Za-z]+(?![\w@+-]|\.\w)/g, (typed) => {
      const lower = typed.toLowerCase();
      if (SPELLING[lower]) return SPELLING[lower];
      // Shorthand the normaliser maps ("wats", "burned") is read by the rules as typed; short words are too often real ones
      // ("fine" is not "find"); a word longer than its candidate is an inflection ("stranger"), not a slip.
      if (lower.length < 5 || LEXICON[lower] !== undefined || MIXED_LANGUAGE[lower] !== undefined || this.vocabulary.has(lower) || ENGLISH_FUNCTION_WORDS.has(lower)) return typed;
      const corrected = this.correctWord(lower);
      if (!RULE_WORDS.has(corrected) || corrected.length < lower.length || typoDistance(lower, corrected) > 1) return typed;
      return /^[A-Z]/.test(typed) ? corrected.charAt(0).toUpperCase() + corrected.slice(1) : corrected;
    });
  }

  /** Each word is corrected once per process: the scan over the vocabulary is the costly part of a classification. */
  private readonly corrected = new Map<string, string>();

  private correctWord(word: string): string {
    let corrected = this.corrected.get(word);
    if (corrected === undefined) {
      corrected = this.correctUncached(word);
      if (this.corrected.size < 50_000) this.corrected.set(word, corrected);
    }
    return corrected;
  }

  private correctUncached(word: string): string {
    if (word.length < 4 || this.vocabulary.has(word) || ENGLISH_FUNCTION_WORDS.has(word) || /\d/.test(word)) return word;
    // A typo seldom hits the first letter: an unknown word with another first letter is more often a real word nobody
    // trained on ("block" is not "clock", "stopping" is not "dropping").
    const allowed = word.length >= 7 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = allowed + 1;
    let tie = false;
    for (const candidate of this.words) {
      if (Math.abs(candidate.length - word.length) > allowed) continue;
      if (candidate[0] !== word[0]) continue;
      // A word with a regular ending ("sitting", "processed") is a real word unless a letter was dropped from a known one ("remaning").
      if (REGULAR_ENDING.test(word) && candidate.length <= word.length) continue;
      // Only slips a keyboard makes ("datq" → data, "balnce" → balance), not other words ("pull" is not "poll").
      const distance = typoDistance(word, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
        tie = false;
      } else if (distance === bestDistance) {
        tie = true;
      }
    }
    if (best && !tie && bestDistance <= 1) return best;
    return this.split(word) ?? (best && !tie ? best : word);
  }

  /** Two words typed without the space between them ("databalance", "checkmy"): both halves known, the most even split first. */
  private split(word: string): string | undefined {
    if (word.length < 5) return undefined;
    const known = (part: string) => this.vocabulary.has(part) || ENGLISH_FUNCTION_WORDS.has(part);
    const cuts = [...Array(word.length - 3).keys()].map((i) => i + 2).sort((a, b) => Math.abs(a - word.length / 2) - Math.abs(b - word.length / 2));
    const cut = cuts.find((i) => known(word.slice(0, i)) && known(word.slice(i)));
    if (cut) return `${word.slice(0, cut)} ${word.slice(cut)}`;
    return word.length >= 10 ? this.segment(word) : undefined;
  }

  /**
   * (session 12) A whole question typed with no spaces ("howmuchdataileft", "checkmydatabalance"): three to five known words,
   * each of two letters or more but "i", the fewest words first. Only long runs: a short one is two words or a typo.
   */
  private segment(word: string): string | undefined {
    const known = (part: string) => part === 'i' || (part.length >= 2 && (this.vocabulary.has(part) || ENGLISH_FUNCTION_WORDS.has(part)));
    const best: Array<string[] | undefined> = [[]];
    for (let end = 1; end <= word.length; end += 1) {
      for (let start = Math.max(0, end - 12); start < end; start += 1) {
        const before = best[start];
        const part = word.slice(start, end);
        if (before && known(part) && (!best[end] || before.length + 1 < (best[end] as string[]).length)) best[end] = [...before, part];
      }
    }
    const parts = best[word.length];
    return parts && parts.length >= 3 && parts.length <= 5 ? parts.join(' ') : undefined;
  }
}

export interface FocusedRequest {
  /** The part of the message that carries the ask. */
  readonly focus: string;
  /** What was set aside: a negated or scene-setting clause ("don't cancel anything", "before I buy a top-up"). */
  readonly aside: string;
  /** The negated part alone ("I'm not disputing anything"): its words are evidence of nothing. */
  readonly negated: string;
  /** The one sentence that is a question, when the message tells a story around it; a second reading to weigh. */
  readonly question?: string;
}

// "forget the day pass, just move me to Max", "skip the 5GB, only the 1GB": a thing declined by name is negated too.
// (dev-v) a formal writer's "refrain from", "abstain from", "desist from" refuse as "don't" does.
const NEGATION = String.raw`(?:don'?t|do not|dun|dnt|not|never|refrain from|abstain from|desist from|no need to|nothing|no|skip|forget(?: about)?|never ?mind(?: about)?|nvm|scrap|ditch|pass on|no need for|hold off on)`;
/** "Don't cancel anything, just tell me my balance" / "I'm not disputing anything, I just want the log" / "Not the 5GB, just the 1GB one". */
// (session 13c) a careful writer's "merely", "simply", "solely" contrast as "just" does ("I am not instructing you to terminate my
// line; I merely wish to know its status").
// (s14b) "I have no wish to do the same; I should merely like to know which plan I am on": a modal before the contrast word too.
// (h1) "don't change anything on my line — I just want to see …": a dash closes the refused clause as a comma does.
const NEGATED_THEN_CONTRAST = new RegExp(String.raw`^(.*?\b${NEGATION}\b[^,;:.!?—–]*)[,;:.!?—–-]+\s*(?:but\s+|and\s+)?(?:i\s+(?:(?:should|would|shall|do)\s+)?|i'?m\s+|i am\s+)?(?:just|only|instead|rather|merely|simply|solely)\b\s*(.+)$`, 'is');
/** The words of a refusal, as against a failure told with "not" or "nothing" ("nothing happened", "it would not let me"). */
const REFUSING = /\b(?:don'?t|do not|dont|dun|dnt|no need|never ?mind|nvm|skip|forget|scrap|ditch|pass on|hold off)\b/i;
/** "i was gonna get the 5gb but nah", "We were about to approve PORT-… but the papers are missing": an intention given up. */
const MEANT_THEN_BUT = /^(.*?\b(?:i|we|i'?d|we'?d)\s+(?:was|were|had been)\s+(?:going to|gonna|about to|planning to|meaning to|thinking of|ready to)\b.*?)[,;]?\s+\bbut\b\s+(.+)$/is;
/** "terminate SUB-0042? no, just show it": the question is a proposal the same message refuses; the ask follows the "no". */
// (session 17) ("…? No rush at all.", "…? no worries if not": politeness, no answer.)
// (session 19) 'Trainee asked "should I renew SUB-… early?" — no, don't. …': a quoted proposal answered after its closing quote and a dash.
const PROPOSAL_ANSWERED_NO = /^(.+?)\?["'”’]?\s*(?:[—–-]+\s*)?(?:no+|nope|nah+|naw|not really|no no|no way)\b(?!\s+(?:rush|hurry|worries|worry|problem|pressure|stress|biggie)\b)[\s,.!;:-]*(.*)$/is;
/** "X, but Y": the ask follows the "but" when it is a question or a request. */
// ("eSIMs downloaded but not activated yet, list them": "but not …" narrows what was named; it starts no ask of its own.)
/**
 * (session 17) "show usage on the lite line, pretty sure my kid is streaming on it all night": a read ordered first, then only a
 * guess or a story of why, with no question of its own: the order is the ask (the story read as "which line is my kid on").
 */
const READ_THEN_STORY = /^(\s*(?:(?:pls|please|plz|kindly)\s+)?(?:show|check|list|pull up|give me|get me|tell me)\b[^,.;!?]{3,60})[,.;]\s+((?:(?:pretty|quite|fairly)\s+sure|i\s+(?:think|guess|reckon|bet|suspect)|probably|prob|coz|cos|cuz|because|my\s+[a-z]+\s+(?:is|was|has been|keeps|kept))\b[^?]*)$/i;
const BUT_THEN_ASK = /^(.*?)[,;]?\s+\bbut\b\s+(?!not\s+(?:yet\s+)?[a-z]+(?:ed|en)\b)(.*(?:\?|\b(?:what|which|how|show|tell|list|check|give|can you|could you)\b).*)$/is;
/** "…picked Lite but nothing happened, can you just do it (from here)": an ask that only points back ("do it for me") asks what the story before it named. */
const ASKS_ONLY_WHAT_WAS_NAMED = /^(?:(?:[\w']+\s+){0,6}?[\w']+[,.;!]\s*)?(?:(?:so|then|pls|please|kindly|can|could|would|will|you|u|just|help|me|to|for)\s+)*(?:do|sort|settle|process|handle|make)\s+(?:it|this|that)(?:\s+(?:for me|happen|then|now|pls|please|manually|yourself|from your end|from your side|from here|here|on your end|on your side|(?:through|via|in|over) (?:the )?chat))*\s*[.!?]*\s*$/i;
/** "Before I buy a top-up, what's left?" / "Before I go and buy one I wanna see what's left". */
// (session 13b) "wait for ORD-… to finish before we tell the customer": the preamble holds a verb of its own after "before I/we";
// the verb right after it ("tell") is that preamble's, never the ask.
/**
 * (s14c-d) "my card got charged twice i think but whatever thats not why im writing, i need the day pass": a story waved away
 * ("that's not why I'm writing", "anyway", "whatever") is no ask; what follows is the one to act on. (w1) An "anyway" closing an order
 * ("add it to my line anyway, I need it tonight") waves nothing away: it opens a clause or follows but/and/so. (dev-x1) "Anyway." as a
 * sentence of its own waves away all before it ("Oh sure, let me just terminate my line… Anyway. Usage history please.").
 */
const STORY_WAVED_AWAY = /^(.*?)\s*[,;.!]?\s*\b(?:(?:but|and|so)\s+)?(?:(?:whatever|anyway|anyways|never ?mind that|not important)[,;.!]?\s+)*(?:(?:that'?s|thats|that is|it'?s|its|it is)\s+not\s+why\s+(?:i'?m|im|i am)\s+(?:writing|messaging|texting|calling|here|contacting you)|(?<=(?:^|[,;.!]|\b(?:but|and|so))\s*)(?:whatever|anyway|anyways|never ?mind that)(?=[,;.!]\s+(?:i|can|could|pls|please|just|what|how|my)\b|[.!]+\s+\S|\s+(?:can|could|pls|please|just|what|how|show|tell)\b))[,;.!:]?\s*(.+)$/is;
const BEFORE_THEN_ASK = /^(.*?\bbefore (?:i|we)\s+\w[^,;:?]*?)(?:[,;:]\s*|\s+(?=(?:i (?:want|wanna|would like|need|'d like)|i'd like|let me|can you|could you|can i|show|tell)\b))(.+)$/is;

/** "don't upgrade me tho", "DON'T SWITCH ME TO ANYTHING", "pls dont buy anything yet": an action asked not to be done. */
// (session 20) "Do NOT close, terminate or modify anything": the negation reaches every verb of a list.
// (s14c-d) "don't want day pass, …" (Thai "mai ao day pass"): not wanting an item is refusing to buy it.
const NEGATED_ACTION = /(?:^|(?<=[,;:.!?])|\s)\s*(?:but\s+|and\s+|pls\s+|please\s+|so\s+)?(?:i\s+)?(?:don'?t|do not|dont|dun|no need to)\s+(?:(?:\w+\s+){0,2}?(?:upgrade|downgrade|switch|change|move|buy|purchase|add|cancel|terminate|close|end|open|charge|top\s?up|sign|renew|exhaust|approve|reject|resolve|retry|assign|release|suspend|credit|adjust|freeze|advance)\w*\b(?:\s*,\s*(?:upgrade|downgrade|switch|change|move|cancel|terminate|close|end|open|renew|exhaust|approve|reject|resolve|retry|assign|release|suspend|credit|adjust|freeze|advance|modify|edit|update|touch|delete|remove)\w*\b)*(?:\s*,?\s*(?:or|nor)\s+(?:upgrade|downgrade|switch|change|move|cancel|terminate|close|end|open|renew|exhaust|approve|reject|resolve|retry|assign|release|suspend|credit|adjust|freeze|advance|modify|edit|update|touch|delete|remove)\w*\b)?|(?:want|need)\s+(?:the\s+|a\s+|any\s+|that\s+)?(?:day pass|roaming|top[- ]?up|\d+\s*gb|data pack|pack|pass)\b)[^,;:.!?]*/gi;
/** What is left must ask something ("dont downgrade me anymore, call it off" is itself the request: an undo). */
// (s14c-d) "Lite how much", "my balance how much left": the question word put after its topic (as Burmese, Hindi, Tamil and
// Thai put it) asks too, with no question mark typed.
// (session 20) "Do NOT close, terminate or modify anything. Pull the audit events for CUST-…": a read ordered by its verb asks too.
const ASKS_SOMETHING = /\?|^\s*(?:(?:please|pls|just|then|so|now)\s+)?(?:how|what|which|when|where|why|who|is|are|do|does|did|can|could|tell|show|list|pull|check|find|look|fetch|display|view|see|trace)\b|\b(?:how much|how many|what|when|which)(?:\s+(?:left|is included))?\s*[.!]*\s*$/i;
/** "just asking", "only curious", "JUST ANSWER": a word about the asking, not the ask. */
const JUST_ASKING = /\b(?:i'?m\s+|i am\s+)?(?:just|only)\s+(?:asking|answer(?: me)?|curious|wondering|checking|looking|want(?:ed)? to know)\b(?!\s+(?:if|whether)\s+(?:you|u)\s+(?:could|can|would|might|will)\b)/gi;

/** "check my balance and also what plans you have": with two asks joined by "and also"/"plus", the first is the one answered now. */
const SECOND_ASK = /^(.{6,}?)\s*[,;]?\s+(?:and\s+also|also|plus|as well as|and then|and after that|(?<=[,;]\s*)after that|and afterwards|followed by)\s+(.{6,})$/is;
/** (h3) "could you also tell me…", "can u also check…": the words before "also" only open the one ask; there is no first one. */
// ("Thank you very much indeed. Might I also ask when…": a sentence before the opener is another one.)
const ONLY_A_REQUEST_OPENER = /^(?:.*[.!?]\s+)?\s*(?:(?:and|so|oh|ok(?:ay)?|then|now|but)[\s,]+)*(?:(?:can|could|would|will)\s+(?:you|u)|(?:might|may|can|could)\s+i|(?:you\s+)?(?:please|pls|plz|kindly))(?:\s+(?:please|pls|plz|kindly))?\s*[,;]?\s*$/i;
/**
 * (dev-v) "show my recent usage, then tell me when my plan renews": two asks in sequence, the second after ", then" opening an ask of
 * its own; the first is answered now. A first clause that is a condition ("if it's low, then add 1gb") is no ask of its own.
 */
const SECOND_ASK_AFTER_THEN = /^(?!\s*(?:if|when|whenever|once|after|as soon as|in case|should)\b)(.{6,}?)\s*[,;.]\s*then\s+((?:please\s+|pls\s+|kindly\s+|also\s+)?(?:tell|show|give|send|list|check|what|how|when|which|can|could|let me|buy|add|top|change|switch|move|cancel|terminate|open|get)\b.{4,})$/is;
/**
 * (dev-v) "what's my balance on the lite line and when does it renew?": a question that opens the message, then a second question
 * after "and" + a question word; the first is answered now. A story before "and how come…" asks nothing of its own, so stays whole.
 */
const SECOND_QUESTION_AFTER_AND = /^(\s*(?:what|what'?s|whats|how|which|where|show|tell|check|give|list|can you|could you|pls|please|kindly)\b.{6,}?)\s*,?\s+and\s+((?:when|what|how|which|where)\s+(?:is|are|does|do|did|will|was|can|could|much|many|long|'s|about)\b.{3,})$/is;
/**
 * (session 12) "Please move me to Max. Show me what it includes too.": a later sentence that asks "too"/"as well" is the second
 * ask; the first sentence is answered now.
 */
const SECOND_SENTENCE_TOO = /^(.{6,}?[.!])\s+((?:(?:and|also|oh and|then)\s+)?(?:show|tell|send|give|list|let me (?:see|know)|what|which|how|can you|could you|pls|please)\b.{4,}?\s+(?:too|as well|also))\s*[.!?]*\s*$/is;
/** "full profile of CUST-… incl. open cases": what is included is secondary to the thing asked for. */
const INCLUDING_TAIL = /^(.*?\S)\s*[,;(-]?\s*\b(?:incl\.?|including|inc\.|together with|along with)(?:\s|$).*$/is;
/** A clause that puts something off ("maybe later I'll buy more", "I might switch next month") is not the ask now. */
// "the next time money is taken" is a date asked about, not a request put off.
const DEFERRED = /\b(?:later|afterwards|(?<!the )next time|another time|some other time|someday|eventually)\b/i;

/** Drops deferred clauses when a clause that asks now remains. */
function withoutDeferredClauses(text: string): { kept: string; dropped: string } {
  const clauses = text.split(/\s*[,;]\s*|(?<=[.!?])\s+|\s+(?=\b(?:then|and then)\b)/).filter((c) => c.trim());
  if (clauses.length < 2) return { kept: text, dropped: '' };
  const now = clauses.filter((c) => !DEFERRED.test(c));
  if (now.length === 0 || now.length === clauses.length || now.join(' ').split(/\s+/).length < 2) return { kept: text, dropped: '' };
  return { kept: now.join(', '), dropped: clauses.filter((c) => DEFERRED.test(c)).join(', ') };
}

/**
 * The clause that carries the request when a message sets another one aside. Classifying the whole message
 * lets "cancel" in "don't cancel anything, just tell me my balance" win; the clause after "just", "but", or
 * after a "before I …" preamble is what the person wants done now.
 */
/** Whether the message ends in an ask that only points back at what it told ("…but it keeps failing, could you do it for me"). */
/** The proposal a set-aside "X? no" refused ("terminate SUB-0042? no" → "terminate SUB-0042"), or nothing when it is no such aside. */
export function proposalRefused(aside: string): string | undefined {
  const refused = aside.match(PROPOSAL_ANSWERED_NO);
  return refused && !/\w/.test(refused[2]) ? refused[1] : undefined;
}

export function handsTheActionBack(text: string): boolean {
  const tail = text.split(/[,;:.!?]+\s+|\s+\bbut\b\s+/i).filter((part) => /\w/.test(part)).pop() ?? '';
  return tail.trim() !== text.trim() && ASKS_ONLY_WHAT_WAS_NAMED.test(tail.trim());
}

/** "…? jk jk. what's my balance", "… lol just kidding, …": what comes before the jest is not asked (group 1), the rest is (group 2). */
const SAID_IN_JEST = /^(.*?\S)(?:\s*[.,;?!-]+\s*|\s+)(?:(?:lol|haha+|hehe+)\s+)?(?:jk|j\/k|jkjk|just kidding|just joking|kidding|joking|only joking|bluff (?:you|u) one)(?:\s+(?:jk|lol|haha+|hehe+|la|lah|ah))*\b[\s,.!-]*(\S.*)$/is;
/** A pronoun, or a price or the details asked of nothing named ("just tell me the price"): the thing meant was named before. */
const POINTS_BACK = /\b(?:it|its|that|this|them|they)\b|\bthe\s+(?:price|cost|fee|rate|details)\b(?!\s+(?:of|for|on)\b)/i;
/** The request frame of an act asked as a question: "can i get", "could you switch me to", "i want to buy". */
const ACT_ASKED_FOR = /^\s*(?:(?:can|could|may|shall|should)\s+(?:i|you|we|u)\s+(?:please\s+)?|(?:i|we)\s+(?:want|wanna|would like|need)\s+(?:to\s+)?)(?:get|have|buy|take|add|purchase|go\s+(?:for|with)|(?:switch|change|move|upgrade|downgrade)(?:\s+me)?\s+to)\s+(?:me\s+)?/i;
const PRICE_ASKED = /\b(?:price|cost\w*|fee|rate|how much|charge)\b/i;
/** "…? writing the promo copy", "…? I'm putting together the deck": a question, then what the operator is busy with. */
const QUESTION_THEN_BUSY_WITH = /^(.*\?)\s*((?:(?:i'?m|i am|we'?re|we are|just)\s+)?(?:writing|drafting|doing|preparing|prepping|working on|putting together|building|updating|finishing|finalising|finalizing)\b[^?]*)$/is;
/** "for my churn report:", "for the weekly CX deck -": the purpose of a read heading the message, before the ask. */
const PURPOSE_HEADING = /^\s*((?:this is\s+|it'?s\s+)?for\s+(?:my|the|our|a|this|next|tomorrow'?s|today'?s)\s+(?:[\w'-]+\s+){0,3}?(?:report|deck|dashboard|review|recon|reconciliation|analysis|slides?|presentation|spreadsheet|sheet|export|audit|summary|meeting)s?)\s*[:,–—-]\s*(\S.*)$/is;
export function focusOnRequest(text: string): FocusedRequest {
  let focus = text.trim();
  const aside: string[] = [];
  let negated = '';
  // "I was going to close CASE-… but the customer called back": what was meant to be done, then not, is set aside, negated.
  const meant = focus.match(MEANT_THEN_BUT);
  if (meant && /\w/.test(meant[2])) {
    aside.push(meant[1]);
    negated = meant[1];
    focus = meant[2].trim();
  }
  // (task H7) "for my churn report: every closed customer please": what the list is for, heading the message, is not the ask.
  const purpose = focus.match(PURPOSE_HEADING);
  if (purpose && /\w/.test(purpose[2])) {
    aside.push(purpose[1]);
    focus = purpose[2].trim();
  }
  // (task H7) "what does VAS_… include? writing the promo copy": what the operator is busy with, after the question, is no ask.
  const busy = focus.match(QUESTION_THEN_BUSY_WITH);
  if (busy && /\w/.test(busy[1])) {
    aside.push(busy[2]);
    focus = busy[1].trim();
  }
  // (session 12b) "can u terminate my line? jk jk. whats my balance": what was said before a "just kidding" is taken back, negated.
  const joked = focus.match(SAID_IN_JEST);
  if (joked && /\w/.test(joked[2])) {
    aside.push(joked[1]);
    negated = negated ? `${negated} ${joked[1]}` : joked[1];
    focus = joked[2].trim();
  }
  // "buy the 5gb? no, just show the price": a proposal put as a question and answered no is set aside, negated.
  const refused = focus.match(PROPOSAL_ANSWERED_NO);
  if (refused && /\w/.test(refused[2])) {
    aside.push(`${refused[1]}? no`);
    negated = refused[1];
    focus = refused[2].trim();
  }
  const storyAfter = focus.match(READ_THEN_STORY);
  if (storyAfter) {
    aside.push(storyAfter[2]);
    focus = storyAfter[1].trim();
  }
  for (const pattern of [STORY_WAVED_AWAY, BUT_THEN_ASK, BEFORE_THEN_ASK, NEGATED_THEN_CONTRAST]) {
    const m = focus.match(pattern);
    if (pattern === BUT_THEN_ASK && m && ASKS_ONLY_WHAT_WAS_NAMED.test(m[2].trim())) continue;
    // (session 14) "I tapped 'Buy 1GB' in the app and nothing happened. Just do it from here": a failure told ("nothing happened", "it
    // would not let me") before an ask that only points back is what the ask names, not an action refused.
    if (pattern === NEGATED_THEN_CONTRAST && m && ASKS_ONLY_WHAT_WAS_NAMED.test(m[2].trim()) && !REFUSING.test(m[1])) continue;
    if (m && m[2].trim().split(/\s+/).length >= 2) {
      // (session 13c) "Could you tell me what Max includes? I am not asking to change anything; I merely wish to know its price": only
      // the sentence that refuses is set aside; a question before it stays, with the thing "its" points back to.
      const before = pattern === NEGATED_THEN_CONTRAST ? m[1].match(/^(.*\?)\s+(\S[^?!.]*)$/s) : null;
      // (s14c-d) "can i get Max? don't do it now, just tell me the price": "the price" with nothing named after it points back too.
      const kept = before && POINTS_BACK.test(m[2]) && before[1].trim().split(/\s+/).length >= 3 ? before[1].trim() : '';
      aside.push(kept ? before![2] : m[1]);
      if (pattern === NEGATED_THEN_CONTRAST) negated = kept ? before![2] : m[1];
      // A story waved away is no report either: its charge or fault is no evidence for a case.
      if (pattern === STORY_WAVED_AWAY) negated = negated ? `${negated} ${m[1]}` : m[1];
      // The question kept for its item keeps none of the act the next sentence refused ("can i get the 5gb? don't buy it now, just
      // tell me what it costs" asks the price of the 5GB, it buys nothing).
      const keptItem = kept.replace(ACT_ASKED_FOR, PRICE_ASKED.test(m[2]) ? 'how much is ' : 'tell me about ');
      focus = kept ? `${keptItem} ${m[2].trim()}` : m[2].trim();
    }
  }
  // "how much is max?? dont upgrade me tho, just asking": an action the message asks NOT to be done, and "just asking",
  // are no part of the ask; what is left is.
  const withoutNegatedAction = focus
    .replace(NEGATED_ACTION, ' ')
    .replace(JUST_ASKING, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(?:\s*[,;:.])+\s*$/, '')
    // (session 13) "do NOT change my plan. how much have i used": what is left starts after the refused sentence's stop
    // ("don't buy the day pass, how much is it" keeps the item "it" points back to).
    .replace(/^\s*[.!?]+\s*(?!.*(?:\b(?:it|its|that|them|they|one)\b|\bthis\b(?!\s+(?:week|month|year|morning|afternoon|evening|cycle|period))))/i, '')
    .trim();
  if (withoutNegatedAction !== focus && /\w/.test(withoutNegatedAction) && withoutNegatedAction.split(/\s+/).filter((w) => /\w{2,}/.test(w)).length >= 3 && (ASKS_SOMETHING.test(withoutNegatedAction) || withoutNegatedAction.split(/(?<=[.!?])\s+/).some((sentence) => ASKS_SOMETHING.test(sentence) && !/\b(?:it|its|them|they|one)\b|\b(?:this|that)\s*[?.!]*\s*$/i.test(sentence)))) {
    aside.push(focus);
    focus = withoutNegatedAction;
  }
  const second = focus.match(SECOND_ASK) ?? focus.match(SECOND_ASK_AFTER_THEN) ?? focus.match(SECOND_QUESTION_AFTER_AND) ?? focus.match(SECOND_SENTENCE_TOO);
  if (second && second[1].trim().split(/\s+/).length >= 2 && second[2].trim().split(/\s+/).length >= 2 && !ONLY_A_REQUEST_OPENER.test(second[1])) {
    aside.push(second[2]);
    focus = second[1].trim();
  }
  const included = focus.match(INCLUDING_TAIL);
  if (included && included[1].trim().split(/\s+/).length >= 2) {
    aside.push(focus.slice(included[1].length));
    focus = included[1].trim();
  }
  const { kept, dropped } = withoutDeferredClauses(focus);
  if (dropped) {
    aside.push(dropped);
    focus = kept;
  }
  return { focus, aside: aside.join(' '), negated, question: questionSentence(focus) };
}

/** "My internet is slow since this morning, did I use up all my gigs?" → "did I use up all my gigs?" (one question, 3+ words, with a story around it). */
/** Words a question opens with, as typed too ("whats been eating it", "hows my data"). */
const QUESTION_OPENER = "what|what'?s|wats?|which|how|how'?s|when|where|where'?s|why|who|who'?s|is|are|am|do|does|did|have|has|can|could|will";

/** (session 13) A thing named alone as a topic: "the lite plan ah", "your day pass hor", "that 5gb one". */
const TOPIC_ONLY = /^(?:(?:the|my|your|ur|that|this|dat|dis|da)\s+(?:[\w$.-]+\s+){1,3}?ones?|(?:(?:the|my|your|ur|that|this|dat|dis|da)\s+)?(?:[\w$.-]+\s+){0,3}?(?:plans?|pass|top-?ups?|add-?ons?|packages?|packs?|bundles?|lines?|numbers?|sims?|e-?sims?))(?:\s+(?:ah|ar|leh|lah|la|hor|eh|ya|huh|then|hah|ha|one))*\s*[,;:]?$/i;

/** "please tell what is inside…", "Sir kindly explain how…", "let me know which…": a question asked as a request to tell. */
const ASKED_INDIRECTLY = /^(?:[\w']+[,!]?\s+){0,2}?(?:(?:please|pls|plz|kindly|can you|could you|can u|pls can you)\s+)?(?:tell|explain|show|let me know|share|inform)(?:\s+(?:me|us))?\s+(?:what|which|how|when|where|whether|if)\b/i;
function questionSentence(text: string): string | undefined {
  // Sentences end at . ! ?, at a dash after a clause of 4+ words ("…I moved house - could you tell me…"; "Max plan - how much?"
  // is one topic and its question), or before a question word after , ; : or "anyway".
  const dashed = text.replace(/((?:^|[.!?]\s+)(?:\S+\s+){3,}\S+)\s+[-–—]+\s+/g, '$1. ');
  const sentences = dashed.split(new RegExp(`(?<=[.!?])\\s+|(?:[,;:]|\\banyway\\b,?)\\s+(?=(?:${QUESTION_OPENER}|would)\\b)`, 'i')).map((s) => s.trim()).filter(Boolean);
  if (sentences.length < 2) return undefined;
  // (session 19) "Do not do that again." opens with "do" but orders; it is no question beside "What is my balance?".
  const questions = sentences.filter((s) => /\?$/.test(s) || (new RegExp(`^(?:${QUESTION_OPENER})\\b`, 'i').test(s) && !/^do\s+not\b[^?]*[.!]$/i.test(s)));
  // (session 13) "the lite plan ah, how many GB inside one", "your day pass hor, how long can use?": a thing named alone, with no
  // verb, before the question is the question's topic (as "Max plan - how much?"), not a story around it.
  const told = sentences.filter((s) => !questions.includes(s));
  if (told.length > 0 && told.every((s) => TOPIC_ONLY.test(s))) return undefined;
  // (session 14) "Sir please tell what is inside the Standard plan, how many GB": a sentence that itself asks ("tell me what…") is no
  // story around the question; the question after it only narrows that ask.
  if (told.some((s) => ASKED_INDIRECTLY.test(s))) return undefined;
  // "why so much data yesterday? whats my balance now": a why-question beside another question is the complaint; the other asks.
  const asking = questions.length > 1 ? questions.filter((q) => !/^(?:why|how come|wtf|what the)\b/i.test(q)) : questions;
  return asking.length === 1 && asking[0].split(/\s+/).length >= 3 ? asking[0] : undefined;
}

const DIGIT_WORDS: Readonly<Record<string, string>> = { zero: '0', oh: '0', o: '0', nought: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9' };
const DIGIT_WORD = String.raw`(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine)`;
const SPOKEN_DIGIT = String.raw`(?:(?:double|triple)\s+${DIGIT_WORD}|${DIGIT_WORD})`;
/** Four or more digits spoken one by one ("eight one two three, nine nine nine nine", "double nine"), as dictation types them. */
const SPOKEN_DIGIT_RUN = new RegExp(String.raw`\b${SPOKEN_DIGIT}(?:[\s,-]+${SPOKEN_DIGIT}){3,}\b`, 'gi');

/** "the number eight one two three nine nine nine nine" → "the number 81239999": a number dictated digit by digit, written. */
export function spokenDigitsWritten(text: string): string {
  // (session 13) "the nine nine nine nine one", "the nine nine eight eight one pls": after a determiner, a last "one" that ends the
  // run is the pronoun ("the 9999 one"), not a digit.
  const pronounKept = text.replace(new RegExp(String.raw`\b(the|that|this|dat|da)(\s+)(${SPOKEN_DIGIT}(?:[\s,-]+${SPOKEN_DIGIT}){3,})[\s,-]+one\b(?![\s,-]+${SPOKEN_DIGIT}\b)`, 'gi'), (_all, det: string, gap: string, run: string) => `${det}${gap}${run} ${PRONOUN_ONE}`);
  return pronounKept.replace(SPOKEN_DIGIT_RUN, (run) =>
    run
      .toLowerCase()
      .split(/[\s,-]+/)
      .reduce<{ digits: string; repeat: number }>(
        (acc, word) => (word === 'double' ? { ...acc, repeat: 2 } : word === 'triple' ? { ...acc, repeat: 3 } : { digits: acc.digits + (DIGIT_WORDS[word] ?? '').repeat(acc.repeat), repeat: 1 }),
        { digits: '', repeat: 1 },
      ).digits,
  ).replace(new RegExp(PRONOUN_ONE, 'g'), 'one');
}
/**
 * (session 23) "O R D dash 7715", "S U B 0457", "p.t.k. oh oh nine one": a record's prefix spelt letter by letter, as dictation and
 * phone calls give it, is the prefix; a spoken "dash" or "hyphen" after it is the id's dash. Only the domain's own prefixes are
 * joined ("a b c" stays letters).
 */
const SPELT_PREFIX = new RegExp(String.raw`(?<![\w.])((?:[A-Za-z][\s.-]+){1,3}[A-Za-z])\.?(?:\s+(?:dash|hyphen)\s+|\s*-\s*|\s+)(?=[0-9a-f]*\d)([0-9A-Fa-f]{3,8})\b`, 'g');
export function speltIdsWritten(text: string): string {
  return text.replace(SPELT_PREFIX, (all, letters: string, digits: string) => {
    const prefix = letters.replace(/[\s.-]+/g, '').toUpperCase();
    return (ID_PREFIXES as readonly string[]).includes(prefix) ? `${prefix}-${digits}` : all;
  }).replace(PREFIX_DASH_SPOKEN, (_all, prefix: string, digits: string) => `${prefix.toUpperCase()}-${digits}`);
}
const PREFIX_DASH_SPOKEN = new RegExp(String.raw`\b(${ID_PREFIXES.join('|')})\s+(?:dash|hyphen)\s+([0-9A-Fa-f]*\d[0-9A-Fa-f]*)\b`, 'gi');
/**
 * (session 23) "listmycases thx", "buy1gbdata now", "changemyplantoLite nextmonth": words typed without the spaces between them are
 * split by wordsninja (an English word list ranked by use), only where every part is a digit run or a word among the list's
 * commoner 40,000 (two letters only for a few function words and units), so a misspelling ("balanace", "terminte"), an id or a code
 * stays as typed. The list (1.8 MB) is loaded on the first long unspaced word, not at start.
 */
const GLUED = /(?<![\w\-./@#:_"'=`])([A-Za-z][A-Za-z0-9]{7,})(?![\w\-./@_"'=`:])/g;
const ID_TYPED_WITHOUT_DASH = new RegExp(String.raw`^(?:${ID_PREFIXES.join('|')})\d`, 'i');
const TWO_LETTER_PARTS = new Set(['my', 'me', 'to', 'up', 'on', 'of', 'in', 'is', 'it', 'do', 'go', 'no', 'gb', 'mb', 'at', 'an', 'am', 'be', 'by', 'or', 'so', 'we', 'us', 'he']);
const COMMON_WORDS = 40_000;
let segmenter: { ninja: WordsNinja; rank: ReadonlyMap<string, number> } | undefined;
function wordSegmenter(): { ninja: WordsNinja; rank: ReadonlyMap<string, number> } {
  if (!segmenter) {
    const load = createRequire(__filename);
    const Ninja = load('wordsninja') as new () => WordsNinja;
    const ninja = new Ninja();
    // Its dictionary is filled synchronously, inside the promise's executor.
    void ninja.loadDictionary();
    segmenter = { ninja, rank: new Map((load('wordsninja/words-en.json') as string[]).map((word, i) => [word, i])) };
  }
  return segmenter;
}
let commonByInitial: Map<string, string[]> | undefined;
function byInitial(): Map<string, string[]> {
  if (!commonByInitial) {
    commonByInitial = new Map();
    for (const [word, i] of wordSegmenter().rank) {
      if (i >= COMMON_WORDS || word.length < 6) continue;
      const sameInitial = commonByInitial.get(word[0]);
      if (sameInitial) sameInitial.push(word);
      else commonByInitial.set(word[0], [word]);
    }
  }
  return commonByInitial;
}
export function gluedWordsSplit(text: string): string {
  return text.replace(GLUED, (token: string, _run: string, at: number) => {
    // A name is capitalised mid-sentence ("Jonas Petraitis"): only a capital that opens a sentence may open glued words.
    if (/^[A-Z]/.test(token) && /[^\s.!?>]\s*$/.test(text.slice(0, at))) return token;
    // An id typed without its dash ("SUB0457", "cust0e4d9b12") or a catalog code is no run of words.
    // (A capital after a capital — "SUMMER25", "SubscriptionTerminated" — is a code's, read as typed; so is a word with a number after
    // it, "summer25". A camel's hump is a word's start: "getBalance", "changemyplantoLite".)
    if (ID_TYPED_WITHOUT_DASH.test(token) || /^[a-z]+\d+$/i.test(token) || /^[A-Z].*[A-Z]|[A-Z]{2}/.test(token)) return token;
    const { ninja, rank } = wordSegmenter();
    const lower = token.toLowerCase();
    // A word of the list, or one with an ending on a word of it ("hotspotted", "rebooting"), is one word.
    const stems = [lower, ...[/(?:ed|ing|er|ers|es|s|ly)$/, /([bdgklmnprt])\1(?:ed|ing|er)$/].map((ending) => lower.replace(ending, (end: string) => (/^(.)\1/.test(end) ? end[0] : '')))];
    if (stems.some((stem) => (rank.get(stem) ?? Infinity) < COMMON_WORDS * 2)) return token;
    // Nor is a word of the list misspelt ("subscripton" is no "subscript on"): the typo corrector reads those.
    if ((byInitial().get(lower[0]) ?? []).some((known) => Math.abs(known.length - lower.length) <= 2 && typoDistance(lower, known) <= 2)) return token;
    // "whats" is split "what s": the "s" goes back on its word.
    const parts = ninja.splitSentence(lower).reduce<string[]>((out, part) => (part === 's' && out.length ? [...out.slice(0, -1), `${out[out.length - 1]}s`] : [...out, part]), []);
    // (A three-letter part must be among the commonest 5,000: "balanace" is no "bal an ace".)
    const word = (part: string) => /^\d+$/.test(part) || part === 'i' || part === 'a' || (part.length === 2 ? TWO_LETTER_PARTS.has(part) : (rank.get(part) ?? Infinity) < (part.length === 3 ? 5_000 : COMMON_WORDS)) || /^(?:what|it|that|let|there|here|who|where)s$/.test(part);
    // Glued words hold a little word or a number ("list my cases", "buy 1 gb data"); two content words are likelier one word the list
    // lacks ("prebaked" is no "pre baked").
    const glue = (part: string) => /^\d+$/.test(part) || ENGLISH_FUNCTION_WORDS.has(part) || part === 'pls' || part === 'next';
    return parts.length >= 2 && parts.every(word) && (parts.some(glue) || lower.length >= 12) ? parts.join(' ') : token;
  });
}
/** A "one" kept as a word while the digits before it are written (a zero-width space before it ends the run). */
const PRONOUN_ONE = '\u200bone';
