/**
 * What a sentence or a tool result names: prefixed ids, MSISDNs, emails, catalog ids and quantities.
 * The id prefixes are the domain's id vocabulary (spec: "IDs are prefixed and opaque"); which tool argument
 * takes which id is read from each tool's JSON schema, not from here.
 */

export type EntityKind = 'id' | 'msisdn' | 'email' | 'catalogId' | 'quantity' | 'prefix';

export interface Entity {
  readonly kind: EntityKind;
  readonly value: string;
  /** For ids: the prefix (`SUB`, `CUST`, …); for catalog ids: `PLAN` or `VAS`. */
  readonly tag?: string;
  /** Where it came from, so the customer profile can refuse ids a customer typed but no tool returned. */
  readonly source: 'user' | 'tool' | 'assistant';
}

/** Quantities in megabytes, as the catalog counts data. */
export interface DataQuantity {
  readonly megabytes: number;
}

export const ID_PREFIXES = ['CUST', 'SUB', 'ORD', 'CASE', 'TKT', 'PORT', 'PTK', 'PM', 'PAY', 'SO', 'SVC', 'CM', 'AGT', 'PTY', 'SES', 'INT', 'NOTE', 'RSV'] as const;
/**
 * Upper-case prefixes as the domain writes them; "cust-0e4d9b12" as people type them is read too, but only
 * when the suffix has a digit, so "so-called" or "pay-as-you-go" stay words.
 */
/** A prefix in any mix of cases ("cust", "Cust", "cUsT"), as a character class per letter. */
const LOWER_PREFIXES = ID_PREFIXES.map((p) => [...p].map((ch) => `[${ch}${ch.toLowerCase()}]`).join(''));
// A lower-case prefix counts when its suffix has a digit or is the domain's 8-hex shape ("port-deadbeef"); a suffix is 3+ characters,
// 1–2 digits ("AGT-7") or a capital and a digit ("AGT-R7", "AGT-K9").
// (task H2) "give it to agt-mei": an agent's id is letters too, and "agt" is no word, so a lower-case agent id is read in capitals.
const ID_REGEX = new RegExp(`\\b(?:(${ID_PREFIXES.join('|')})|(${LOWER_PREFIXES.join('|')})(?=-(?:[0-9A-Za-z]*\\d|[0-9A-Fa-f]{8}\\b)|(?<=\\b[Aa][Gg][Tt])-[A-Za-z]{2,}\\b))-([0-9A-Za-z]{3,}|\\d{1,2}|[A-Za-z]\\d|\\d[A-Za-z])\\b`, 'g');
const EMAIL_REGEX = /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g;
/** 8 national digits, optionally `+65`/`65` in front and a space in the middle ("8123 4567"). */
const MSISDN_REGEX = /(?<![\w-])(?:\+?65[\s-]?)?([3689]\d{3})[\s-]?(\d{4})(?![\w-])/g;
const CATALOG_ID_REGEX = /\b((?:PLAN|VAS|PROMO|PRICE)_[A-Z0-9_]+)\b/gi;
// "numbers starting 9", "that begin with an 8": after a word of starting, one or two digits are a prefix too (never after "under").
// "load the 8800 block", "the 9123 range", "block 8800", (session 20) "the 8765 prefix": a block or range of numbers is named by its prefix ("a block of 200 numbers" counts them).
// "how many 8123 numbers", "msisdn 8123 count": a short number starting 8 or 9 beside the number noun in a count is a prefix.
// (session 23) "8765xxxx", SQL's "like '9123%'", "the 8123 ones": a prefix written as a pattern or picked among the stock.
const PREFIX_REGEX = /\b(?:(?:prefix(?:ed)?|start(?:s|ing)?|begin(?:s|ning)?)(?:\s+(?:with|in))?(?:\s+(?:a|an|the digits?|digits?))?\s+(\d{1,7})|(?:under|in the)\s+(\d{3,7})|(\d{1,4})(?=[-\s]?series\b)|(\d{1,4})(?=-(?:numbers?|msisdns?|range)\b)|(\d{2,7})(?=[-\s](?:block|range|blk|prefix)\b)|\b(?:block|range|blk)\s+(?:of\s+)?(\d{2,7})(?!\s+(?:new\s+|more\s+|fresh\s+)?(?:numbers?|nos\b|msisdns?|lines|sims))|(?<=\b(?:how many|count|any|msisdns?|numbers?)\s+)([89]\d{1,3})(?=\s+(?:numbers?|msisdns?|nos|count|left|free|available)\b|\s*[?.!]*\s*$)|(?<=\b(?:numbers?|msisdns?|nos|free|available|avail|left)\s+(?:[a-z]+\s+)?)under\s+([89]\d?)|([89]\d{1,6})[xX]{1,7}|(?<=\blike\s+['"]?)([89]\d{0,6})(?=%)|(?<=\bthe\s+)([89]\d{1,3})(?=\s+ones\b))\b(?!\s*(?:(?:gb|mb|gigs?|dollars?|sgd|days?|weeks?|months?|hours?|hrs?|mins?|minutes?|am|pm|th|st|nd|rd|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b|\.\d|[:/-]\d))/gi;

/** Numbers in words, English and the Malay/Tagalog ones mixed into messages here ("satu giga", "dalawang gig", "isa"). */
/** Numbers said in English words, for the readers that spell them out (a duration, a price); each reader's own pattern says which it takes. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, ninety: 90,
};
const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, another: 1, satu: 1, dua: 2, tiga: 3, lima: 5, isa: 1, isang: 1, dalawa: 2, dalawang: 2, tatlong: 3, limang: 5 };
// Tagalog "ang" (the) is no "an" + "g".
const QUANTITY_REGEX = /\b(?!ang\b)(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|another|satu|dua|tiga|lima|isa|isang|dalawa|dalawang|tatlong|limang)\s*-?\s*(?:(?:more|extra|additional)\s+)?(gb|gig|gigs|giga|gigabytes?|g|mb|megs?|megabytes?)\b/gi;

/** "cust 0e4d9b12", "SUB 0150", "sub0150": an id typed with a space (or nothing) for its dash; the suffix must hold a digit. */
// "my sub 81239999" is a line named by its number (8 digits as an MSISDN has them), not an id.
// (session 13c) "pm 0042", "svc0311": a card's or a service's number after its prefix, digits only, never right after a number ("3 pm 1500" stays a time).
const SPACED_ID_REGEX = /\b(CUST|SUB|ORD|CASE|TKT|PORT|PTK|RSV)(?:[\s_]+|(?=\d))(?![3689]\d{7}\b)(?=[0-9A-Za-z]*\d)([0-9A-Za-z]{4,})\b|(?<!\d\s*)\b(PM|SVC)(?:[\s_]+|(?=\d))(?![3689]\d{7}\b)(\d{4,6})\b/gi;

/** "customer 0a0b0c0d", "order #0042", "order # 4417", "order no. 4417": an id's suffix after the noun its prefix stands for. */
// (dev-x2) "customer 81234567 — find them": eight digits opening as an MSISDN does are a number, not a customer's suffix.
const NOUN_THEN_SUFFIX = /\b(customer|case|ticket|reservation)\s+(?:#\s*)?(?![3689]\d{7}\b)(?=[0-9a-f]*\d)([0-9a-f]{8})\b|\b(order|subscription)\s+(?:#\s*|no\.?\s*)?(\d{4,6})\b/gi;
const PREFIX_OF_NOUN: Readonly<Record<string, string>> = { customer: 'CUST', case: 'CASE', order: 'ORD', ticket: 'TKT', subscription: 'SUB', reservation: 'RSV' };

function withDashedIds(text: string): string {
  // "8 1 2 3 4 5 6 7": a number read out digit by digit is one number.
  return text
    .replace(/\b\d(?: \d){7,9}\b/g, (digits) => digits.replace(/ /g, ''))
    .replace(NOUN_THEN_SUFFIX, (_all, hexNoun?: string, hex?: string, numberNoun?: string, digits?: string) => {
      const noun = (hexNoun ?? numberNoun)!;
      return `${noun} ${PREFIX_OF_NOUN[noun.toLowerCase()]}-${hex ?? digits}`;
    })
    .replace(SPACED_ID_REGEX, (_all, prefix?: string, suffix?: string, numbered?: string, digits?: string) => `${prefix ?? numbered}-${suffix ?? digits}`);
}

export function extractEntities(typed: string, source: Entity['source']): Entity[] {
  const text = withDashedIds(typed);
  const found: Entity[] = [];
  const seen = new Set<string>();
  const push = (entity: Entity) => {
    const key = `${entity.kind}:${entity.value}`;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(entity);
    }
  };
  for (const m of text.matchAll(ID_REGEX)) {
    // Port request ids are upper-case hex, the others lower-case; keep the suffix as typed, fix the prefix.
    const prefix = (m[1] ?? m[2]).toUpperCase();
    push({ kind: 'id', value: `${prefix}-${prefix === 'AGT' ? m[3].toUpperCase() : m[3]}`, tag: prefix, source });
  }
  const withoutIds = text.replace(ID_REGEX, ' ');
  for (const m of withoutIds.matchAll(EMAIL_REGEX)) push({ kind: 'email', value: m[0].toLowerCase(), source });
  const withoutEmails = withoutIds.replace(EMAIL_REGEX, ' ');
  for (const m of withoutEmails.matchAll(CATALOG_ID_REGEX)) {
    const value = m[1].toUpperCase();
    push({ kind: 'catalogId', value, tag: value.split('_')[0], source });
  }
  for (const m of withoutEmails.matchAll(PREFIX_REGEX)) push({ kind: 'prefix', value: m.slice(1).find((group) => group !== undefined) ?? m[0], source });
  for (const m of withoutEmails.replace(PREFIX_REGEX, ' ').matchAll(MSISDN_REGEX)) {
    // "6588776655" typed as one run of digits with the country code is looked up as typed (tag); "+65 9123 4567" by its 8 national digits.
    const typedWhole = /^65\d{8}$/.test(m[0]) ? m[0] : undefined;
    push({ kind: 'msisdn', value: `${m[1]}${m[2]}`, tag: typedWhole, source });
  }
  for (const quantity of extractQuantities(withoutEmails.replace(CATALOG_ID_REGEX, ' '))) push({ kind: 'quantity', value: String(quantity.megabytes), source });
  return found;
}

const COUNT_WORDS: Record<string, number> = {
  ...WORD_NUMBERS,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};
const COUNT = String.raw`(\d{1,4}|${Object.keys(COUNT_WORDS).filter((w) => !['a', 'an', 'another'].includes(w)).join('|')})`;
const RECENT = String.raw`(?:last|latest|most recent|recent|newest|top|first|past|previous)`;
/** "the last 10 usage events", "last five records", "only the 3 latest", "20 most recent": how many rows a listing should return. */
// "ten of the free ones", "5 of them": a number of a listing's rows.
/** A number that is an amount of something (data, time, money), never a count of rows. */
const NOT_A_UNIT = String.raw`(?!\s*(?:%|\$|\.\d|(?:gb|mb|gigs?|min\w*|secs?|seconds?|sms|days?|weeks?|months?|hours?|hrs?|years?|digits?|sgd|dollars?|bucks|percent)\b))`;
const COUNT_REGEXES = [
  new RegExp(String.raw`\b${RECENT}\s+${COUNT}\b(?!\s*(?:digits?|gb|mb|gigs?|days?|weeks?|months?|hours?|years?)\b)`, 'i'),
  new RegExp(String.raw`\b${COUNT}\s+${RECENT}\b`, 'i'),
  new RegExp(String.raw`\b(?:list|show|give|get|pull|gimme)\s+(?:me\s+|us\s+)?${COUNT}\s+of\s+(?:the|them|those)\b`, 'i'),
  // "show 20 available msisdns", "list 5 open tickets": a number right after the verb of listing, before what is listed.
  // ((task H7) "shop stock check: show me 20 available eSIM profiles": the listing may open a clause after a heading.)
  new RegExp(String.raw`(?:^|[.?!;:,])\s*(?:pls\s+|please\s+)?(?:list|show|give|get|pull|gimme)\s+(?:me\s+|us\s+)?${COUNT}\s+(?![\d-])(?!(?:gb|mb|gigs?|min\w*|sms|days?|weeks?|months?|hours?|digits?)\b)[a-z]`, 'i'),
  // (task H2) "any numbers in quarantine? show me 10", "failed tasks. list 15": a bare number after a verb of listing ends the message.
  new RegExp(String.raw`(?:^|[.?!;,:]\s*)(?:pls\s+|please\s+|just\s+)?(?:list|show|give|get|pull|gimme)\s+(?:me\s+|us\s+)?${COUNT}\s*(?:pls|please)?[.!]*\s*$`, 'i'),
  // "available esims, just 10", "failed orders - max 5 pls": a bare number capped at the end of a listing asked is its size.
  new RegExp(String.raw`(?:^|[,;:-]\s*|\s)(?:just|only|max(?:imum)?|at most|no more than|limit(?:\s+(?:it\s+)?to)?)\s+${COUNT}\s*(?:rows|results|entries|records|items|of (?:them|those)|please|pls)?[.!]*\s*$`, 'i'),
  // (session 14) "20 max", "max 20", "at most 20", "up to 20", "limit 20": a cap on the rows, said before or after its number.
  new RegExp(String.raw`\b(?:max(?:imum)?|at most|up to|no more than|limit(?:ed)?(?:\s+(?:it\s+)?to)?|cap(?:ped)?(?:\s+(?:it\s+)?at)?)\s+${COUNT}\b${NOT_A_UNIT}`, 'i'),
  new RegExp(String.raw`\b${COUNT}\s+(?:max(?:imum)?|tops|at most)\b`, 'i'),
  // (h1) "show me more, like 50", "more — say 30", "20 more pls": how many more rows are wanted.
  new RegExp(String.raw`\bmore\b(?:\s+(?:rows|results|entries|records|items|events|of (?:them|those|it|that|this|these)))?[\s,:—–-]*(?:(?:please|pls|plz)[\s,:—–-]+)?(?:(?:like|say|maybe|about|around|roughly|perhaps|approx\w*)\s+)?${COUNT}\b${NOT_A_UNIT}`, 'i'),
  new RegExp(String.raw`\b${COUNT}\s+more\b(?!\s*(?:gb|mb|gigs?|giga|min\w*|sms|texts?|data|days?|weeks?|months?|hours?|dollars?|sgd|bucks)\b)`, 'i'),
  // (task H7) "numbers in quarantine, 30 of them, for the report": a clause of a number "of them" after what is listed is its size.
  new RegExp(String.raw`(?:^|[,;:]|\s[-–—])\s*(?:just\s+|only\s+|about\s+)?${COUNT}\s+of\s+(?:them|those|these)\b`, 'i'),
  // (dev-w2) "suspended esims, 12 rows", "up to 40 entries", "50 results pls": a number of rows, results or entries is the listing's size.
  new RegExp(String.raw`\b${COUNT}\s+(?:rows|results|entries|records|items|lines of output)\b`, 'i'),
  // (session 23) "gimme 20", ".take(25)", "head(10)", "10 eSIM profiles from the pool": a listing's size said as code, or as the
  // number that opens what is listed.
  new RegExp(String.raw`\bgimme\s+${COUNT}\b${NOT_A_UNIT}`, 'i'),
  new RegExp(String.raw`\.(?:take|limit|head|first|top)\(\s*${COUNT}\s*\)`, 'i'),
  new RegExp(String.raw`^\s*${COUNT}\s+(?:(?:available|free|open|failed|stuck|pending|active|new|latest|recycled|reserved|quarantined)\s+)?(?:e-?sims?(?:\s+profiles)?|profiles|msisdns|numbers|cases|tickets|orders|tasks|customers|events|port(?:[- ]in)? requests)\b`, 'i'),
  // (dev-w2) "all SubscriptionTerminated events, 50": a bare number closing a listing asked, after a comma or dash, is its size.
  new RegExp(String.raw`(?:[,;]|\s[-–—])\s*${COUNT}\s*(?:pls|please)?[.!]*\s*$`, 'i'),
  // (session 19) "list the quarantined numbers, 20 will do", "open cases — 10 is enough": a number said to suffice is the listing's size.
  // (session 20) "the failed provisioning tasks, maybe 15, the customer … is among them": a rough number set off as its own clause.
  new RegExp(String.raw`(?:[,;]|\s[-–—])\s*(?:maybe|say|about|around|roughly|approx\w*|perhaps|like|some)\s+${COUNT}\s*(?=[,;]|[.!]*\s*$|\s[-–—])`, 'i'),
  new RegExp(String.raw`(?:^|[,;:.]|\s[-–—])\s*(?:just\s+|only\s+)?${COUNT}\s+(?:will do|would do|should do|is enough|is plenty|is fine|should be (?:enough|fine|plenty)|(?:'s|s) (?:enough|fine|plenty))\b`, 'i'),
];

export function extractCount(text: string): number | undefined {
  // "usage on the first one", "the last one pls": a pick by place among what was listed, no count.
  const counted = text.replace(/\bthe\s+(?:first|last|top|latest|newest)\s+one\b(?!\s+(?:records?|entries|events|items|rows|transactions?|charges?|payments?)\b)/gi, ' ');
  for (const pattern of COUNT_REGEXES) {
    const m = counted.match(pattern);
    if (m) {
      const n = COUNT_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
      if (Number.isInteger(n) && n > 0) return n;
    }
  }
  return undefined;
}

/** "5G", "4G" written with a capital G name a network generation; "5g", "5 gigs", "5GB" are data. */
function isNetworkGeneration(quantity: string): boolean {
  return /^[2-6]G$/.test(quantity.trim());
}

export function extractQuantities(text: string): DataQuantity[] {
  const quantities: DataQuantity[] = [];
  for (const m of text.matchAll(QUANTITY_REGEX)) {
    if (isNetworkGeneration(m[0])) continue;
    const amount = WORD_NUMBERS[m[1].toLowerCase()] ?? Number(m[1]);
    const unit = m[2].toLowerCase();
    const megabytes = unit.startsWith('m') ? amount : amount * 1024;
    if (Number.isFinite(megabytes) && megabytes > 0) quantities.push({ megabytes: Math.round(megabytes) });
  }
  return quantities;
}

/** Replaces entities by a class word so the classifier learns "show <order id>", not "show ORD-0001". */
export function maskEntities(text: string): string {
  return withDashedIds(text)
    .replace(ID_REGEX, (_all, upper: string | undefined, lower: string | undefined) => ` ${(upper ?? lower ?? '').toLowerCase()}ref `)
    .replace(EMAIL_REGEX, ' emailref ')
    .replace(CATALOG_ID_REGEX, (_all, id: string) => ` ${id.split('_')[0].toLowerCase()}ref `)
    .replace(PREFIX_REGEX, ' prefix prefixref ')
    .replace(MSISDN_REGEX, ' msisdnref ')
    .replace(QUANTITY_REGEX, (quantity) => (isNetworkGeneration(quantity) ? quantity : ' qtyref '));
}

/** Every entity found in a JSON tool result (string values, walked recursively). */
export function extractEntitiesFromJson(value: unknown): Entity[] {
  const strings: string[] = [];
  const walk = (node: unknown, key?: string) => {
    if (typeof node === 'string') strings.push(key && /msisdn/i.test(key) ? node.replace(/^\+?65/, '') : node);
    else if (Array.isArray(node)) node.forEach((item) => walk(item));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
  };
  walk(value);
  const entities: Entity[] = [];
  const seen = new Set<string>();
  for (const text of strings) {
    for (const entity of extractEntities(text, 'tool')) {
      if (entity.kind === 'quantity' || entity.kind === 'prefix') continue;
      const key = `${entity.kind}:${entity.value}`;
      if (!seen.has(key)) {
        seen.add(key);
        entities.push(entity);
      }
    }
  }
  return entities;
}
