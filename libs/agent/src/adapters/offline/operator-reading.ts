import { typoDistance } from './text-normaliser';
import { flattenJsonObjects } from './tool-arguments';

/**
 * Readings of an operator's message that lean on what the cockpit conversation already holds: the records the assistant's
 * last reply listed ("the second one", "the Lite one", "the resolved one"), and whether a one-record write was asked for in
 * words of that action at all ("history of TKT-…" names a ticket, it cancels nothing).
 */

/**
 * One-record writes and the verbs an operator asks for them with. The classifier reads the record noun and the id as
 * strongly as the verb, so a read about a ticket can score as cancelling it; without one of these words it is not that write.
 */
const ACTION_WORDS: Readonly<Record<string, RegExp>> = {
  cancel_ticket: /\b(cancel\w*|call(?:ed|ing)? off|abort\w*|drop\w*|withdr[ae]w\w*|scrap\w*|void\w*|kill\w*)\b/i,
  cancel_order: /\b(cancel\w*|call(?:ed|ing)? off|abort\w*|drop\w*|withdr[ae]w\w*|scrap\w*|void\w*|kill\w*|stop\w*|halt\w*)\b/i,
  resolve_ticket: /\b(resolv\w*|fix\w*|solved|done|complete\w*|clos\w*|sorted)\b/i,
  assign_ticket: /\b(assign\w*|reassign\w*|give|hand\w*|route\w*|transfer\w*|move|allocat\w*|put)\b/i,
  close_case: /\b(clos\w*|resolv\w*|shut|wrap\w* up|done|finish\w*)\b/i,
  renew: /\b(renew\w*|re-?activat\w*|unblock\w*|restor\w*)\b/i,
  // (session 13b) "the old card PM-… expired, take it off her account": a card taken or got off the account is removed.
  remove_payment_method: /\b(remov\w*|delet\w*|drop\w*|detach\w*|unlink\w*|get rid|(?:take|get|pull|strip)\s+(?:it|that|this|them|the\s+(?:old\s+|expired\s+)?card|PM-\w+)\s+off)\b/i,
  case_note: /\b(notes?|noted|comment\w*|remarks?|memo|log|write|record|add|jot|annotat\w*)\b/i,
  // "who did the KYC for CUST-…", "has her KYC been done?": a question about an attestation attests nothing (asked for a provider, an
  // answer would have written one); "KYC for CUST-…: passport …" and "attest …" still say it.
  attest_kyc: /\b(kyc|attest\w*|verif\w*|done|did|complet\w*|record\w*)\b/i,
  // case.transition's triggers (take, await_customer, resume, resolve, cancel) in the words operators use for them.
  case_transition: /\b(take|taking|took|grab\w*|pick\w* (?:it )?up|start\w*|begin\w*|work\w* on|in progress|resolv\w*|solved|fixed|done|re-?open\w*|resum\w*|continu\w*|park\w*|hold|pend\w*|wait\w*|await\w*|cancel\w*|transition\w*|mov\w*|set|put|mark\w*|escalat\w*)\b/i,
};

/** An imperative of a one-record write, or of ending a line: the message opens with its verb ("terminate the Lite one, customer asked"). */
const POLITE_OPENING = /^\s*(?:(?:ok(?:ay)?|right|so|then|now|pls|please|kindly|can you|could you|would you|go ahead and|just)[\s,]+)*/i;
const ENDS_A_LINE = /^(terminat\w*|disconnect\w*|deactivat\w*)\b/i;

/** Writes whose words are checked elsewhere, opened with their verb: "drop pending change SUB-…", "could you schedule that?". */
const OPENING_VERBS: Readonly<Record<string, RegExp>> = {
  cancel_plan_change: /\b(drop\w*|cancel\w*|undo|forget|never ?mind|nvm|scratch|scrap\w*|revert\w*|withdr[ae]w\w*|abort\w*|call off|revers\w*|keep|stay\w*)\b/i,
  plan_change: /\b(schedul\w*|mov(?:e|ing)|switch\w*|upgrad\w*|downgrad\w*|migrat\w*)\b/i,
};

const CONDITION_BEFORE = /\b(?:if|unless|when|whenever|once|after|before|until|till|in case|provided|as soon as|should (?:she|he|they|the))\b/i;
/** Whether a sentence or clause of the message opens with the verb of the reading ("…after all; please drop the pending change"). */
export function opensWithItsAction(intent: string, text: string): boolean {
  const words = OPENING_VERBS[intent] ?? ACTION_WORDS[intent];
  if (intent !== 'terminate' && (!words || intent === 'case_note' || intent === 'case_transition')) return false;
  const verb = intent === 'terminate' ? ENDS_A_LINE : new RegExp(`^(?:${words.source.replace(/^\\b/, '')})`, 'i');
  // (session 13b) "the old card PM-…, take it off her account": a clause after a comma that opens with the verb orders it too,
  // unless the clause before it set a condition or a time ("if she pays, renew it" waits).
  return text.split(/[.;!?]\s+|,\s*(?=please\b)/).some((clause) => verb.test(clause.replace(POLITE_OPENING, '')) || clause.split(/,\s+/).some((part, i, parts) => i > 0 && !CONDITION_BEFORE.test(parts.slice(0, i).join(', ')) && verb.test(part.replace(POLITE_OPENING, ''))));
}

/** "pull up CASE-… along with its notes", "show the case and all the notes": notes read with their record, none written. */
// (session 13: "with its tickets and notes", "with the history, tickets & notes": the notes may close a list of what is read along.)
// ("before I close CASE-…, pull up its notes", "read me the notes on CASE-…": notes as what a verb of reading reads.)
// ((task H7) "CASE-… pls, need notes + tkts": notes in the plural listed with another kind of thing read are read with it.)
// (session 18) "CASE-… whats in it, notes too": the notes asked beside the record are read (it noted "too").
export const NOTES_READ = /\b(?:with|along with|together with|and|plus|incl\.?|including|show|pull up|bring up|read|view|see|display|check|go through|look at|list)\s+(?:me\s+|us\s+)?(?:all\s+|any\s+)?(?:of\s+)?(?:its|the|their|his|her|all|any)\s+(?:\w+\s+)?(?:\w+,?\s+(?:and|&|plus)\s+)?(?:notes?|comments?)\b|\b(?:notes|comments)\s*(?:\+|&|,|and|plus)\s*(?:(?:the|its)\s+)?(?:tickets?|tkts?|tix|history|events|details|orders?)\b|\b(?:tickets?|tkts?|tix|history|events|details)\s*(?:\+|&|,|and|plus)\s*(?:(?:the|its)\s+)?(?:notes|comments)\b|(?<=[,;]\s*|\b(?:with|and|plus)\s+)(?:the\s+)?(?:notes|comments)\s+(?:too|as well|also|included)\b/gi;

/** "when was TKT-… resolved?", "has CASE-… been closed", "is it cancelled": the action word sits in a question about what happened. */
const STATE_QUESTION = /(?:^|[.?!;]\s*)(?:(?:and|so|ok(?:ay)?|also)[\s,]+)?(?:(?:should|shall|must)\s+(?:i|we)\b|when|was|were|did|has|have|had|is(?!\s+(?:it|there)\s+(?:possible|ok(?:ay)?|fine|alright))|are(?!\s+you\s+able)|who|why|how come|what time)\b[^.?!;]*$/i;
/**
 * (dev-w3) "I think we should just reject PORT-…, the name doesn't match. do it": an opinion of what to do, followed by the operator's
 * own go-ahead closing the message, is ordered after all (a "don't" is still a "don't").
 */
export const OPINION_OF_WHAT_TO_DO = /\b(?:thinks?|thought|feels?|felt|reckons?|reckoned|believes?|believed|reckon)\s+(?:that\s+)?(?:we|i|you|they)\s+(?:should|ought to|might|could|must|need to|have to)\b/gi;
// "before I approve PORT-…, show me it": an action the operator will do later, after what is asked, is not asked for.
// ("my colleague thinks we should cancel ORD-…", "the supervisor suggested we close it": someone else's opinion is no order.)
const NEGATED_ACTION_BEFORE = new RegExp(String.raw`\b(?:don'?t|do not|never|not|no need to|must not|mustn'?t|should not|shouldn'?t|won'?t|before (?:i|we|you)|until (?:i|we|you)|${OPINION_OF_WHAT_TO_DO.source.slice(2, -2)}|(?:suggests?|suggested|recommends?|recommended|proposes?|proposed|advised?|advises)\s+(?:that\s+)?(?:we|i|you|they)(?:\s+(?:should|ought to|might|could|must|need to|have to))?)\s+(?:\w+\s+)?$`, 'i');
/**
 * The colleagues an operator tells a write of ("my colleague renewed it", "the junior closed CASE-… an hour ago"): a write they did
 * is reported, never ordered again. One list for the named tools (`PASSIVE_ACTION`) and the readings (`saysItsAction`).
 */
// (session 14c: a supervisor checking "the junior"'s / "the new hire"'s / "the intern"'s work.)
export const COLLEAGUE_WHO_DID_IT = String.raw`(?:colleague|teammate|supervisor|manager|team lead|lead|tl|trainee|junior|new (?:hire|guy|girl|joiner|agent)|newbie|rookie|intern|senior|(?:night|day|morning|evening|other) shift|shift|team|other agent)`;
/** An action word in a form that tells it as done: "closed", and the irregular "done"/"took"/"shut" ("check it was done right", "the intern shut it"). */
/** (dev-w3) The customer told as the doer of a write: "customer cancelled it herself", "the caller already renewed" ("a customer called
 * Kopi Corner" is a name given, no doing). */
export const CUSTOMER_WHO_DID_IT = String.raw`(?:cust(?:omer)?|cx|client|caller|subscriber|account holder|holder|user)(?!\s+(?:called|named|titled|labell?ed)\b)`;
export const PAST_FORM = String.raw`(?:[a-z]+ed|done|took|taken|shut)`;
/**
 * (dev-x2) "approved by the day team already", "resolved by tier 2 this morning", "cancelled by AGT-…": a participle followed by who did
 * it is a passive told, never an order ("approved by me" is the operator's own say-so, and "to be closed by AGT-…" orders).
 */
export const DONE_BY_SOMEONE = String.raw`\s+(?:already\s+|just\s+)?(?:(?:yesterday|today|earlier|last\s+(?:night|week)|this\s+(?:morning|afternoon|week))\s+)?by\s+(?:the\s+|our\s+|my\s+|a\s+|another\s+)?(?:[\w-]+\s+)?(?:${COLLEAGUE_WHO_DID_IT}|network|noc|ops|operations|engineering|billing|finance|vendor|field(?:\s+ops)?|tech|backend|legal|desk|marketing|sales|retention|product|support|admin|tier\s*\d|l[1-3]|level\s*\d|${CUSTOMER_WHO_DID_IT}|AGT-\w+)\b`;
const TOLD_FORM = new RegExp(String.raw`\b${PAST_FORM}$`, 'i');
/** "I/he/AGT-3/my colleague/already …ed": who did the write, or when, told just before its verb. */
// (dev-w3) "ORD-… - customer cancelled it herself in the app": the customer, or the caller, is a doer too.
const DOER_BEFORE = new RegExp(String.raw`\b(?:i|we|he|she|they|someone|somebody|nobody|no one|no-one|noone|anyone|anybody|already|just|previously|earlier|wrongly|accidentally|mistakenly|by mistake|have|has|had|AGT-\w+|${COLLEAGUE_WHO_DID_IT}|${CUSTOMER_WHO_DID_IT})\s+$`, 'i');
/** "ORD-… cancelled", "SUB-… renewed ok": the record a write was done to, told before it (the problem's state, "TKT-… fixed", is the reason for a write). */
const RECORD_BEFORE = /\b[A-Za-z]{2,5}-\w+\s+$/;
/** Who did it, right after the write's word (built once: it is read for every write word of every reading). */
const DONE_BY_SOMEONE_AFTER = new RegExp(`^${DONE_BY_SOMEONE}`, 'i');
/** "can you have PTY-… closed", "get ORD-… cancelled": the record after a causative verb, then its write, is an order. */
const CAUSATIVE_BEFORE = /\b(?:have|get|want|need|needs|like)\s+[A-Za-z]{2,5}-\w+\s+$/i;
const STATE_OF_THE_PROBLEM = /^(?:fixed|solved|sorted|restored)$/i;
/** "why ORD-… was cancelled", "it got resolved": the action told in the passive ("should be/needs to be cancelled" still orders). */
const TOLD_IN_PASSIVE_BEFORE = /\b(?:was|were|been|being|got|gotten|is|are)\s+(?:\w+\s+)?$/i;
/** "can you tell me when TKT-… was resolved", "I need to find out whether ORD-… was cancelled": a question asked indirectly. */
const INDIRECT_QUESTION_BEFORE = /\b(?:let (?:me|us) know|tell (?:me|us)|(?:need|want|like|wish|wondering|trying) to (?:know|find out|understand|see)|find out|do you know|confirm|check|wonder(?:ing|ed)?|curious|not sure|unsure|(?:no|any) idea|(?:don'?t|do not) know)\s+(?:\w+\s+){0,6}?(?:whether|if|when|which|what|how|who|why|where)\b[^.?!;]*$/i;

/** (session 15) "can ORD-… still be cancelled?", "could the case be reopened now": whether the write is possible, asked of the record. */
const FEASIBILITY_BEFORE = /(?:^|[.?!;]\s*)(?:(?:and|so|hmm+|ok(?:ay)?)[\s,]+)?(?:can|could|may)\s+(?!(?:you|u|ya|we|i|someone|somebody|anyone)\b)[^.?!;]{1,40}?\s+(?:still\s+|now\s+|even\s+|yet\s+)?be\s+$/i;
/**
 * "would approving PORT-… now break anything?", "does terminating SUB-… refund the month": a write named as the subject of a
 * question (its "-ing" form after would/will/does/is…, or opening a message that asks whether that is safe) is asked about; and "just asking"/"only curious" anywhere says so outright.
 */
// (task H2) "ORD-… cancelled already?", "TKT-… closed yet?": a record typed with its write's participle, asked, asks how it stands.
// (dev-w3) "are we allowed to give 1GB goodwill on SUB-… without a supervisor?", "did we already open a case for CUST-… about it?":
// whether the write is permitted, or was already done by us, asked as a question.
export const WRITE_ASKED_ABOUT = /^\s*(?:(?:so|and|hmm+|ok(?:ay)?)[\s,]+)?(?:would|will|could|can|does|do|is|should|might|did)\s+[a-z]{3,}ing\b|^\s*(?:(?:so|and|hmm+|ok(?:ay)?|quick question)[\s,]+)?(?:are|am|is)\s+(?:we|i|agents?|csrs?|you|they)\s+(?:even\s+|actually\s+)?(?:allowed|permitted|authori[sz]ed|supposed|meant)\s+to\b[^.!]*\?\s*$|^\s*(?:(?:so|and|hmm+|ok(?:ay)?)[\s,]+)?(?:did|have|has)\s+(?:we|i|you|anyone|someone|somebody|they|the team)\s+(?:already\s+|ever\s+|yet\s+)?(?:open|rais|log|file|creat|clos|cancel|renew|approv|reject|terminat|resolv|remov)\w*\b[^.!]*\?\s*$|^\s*(?:(?:so|and|hmm+|ok(?:ay)?)[\s,]+)?(?:(?:did|have|has)\s+)?(?:anyone|anybody|someone|somebody)\s+(?:already\s+|ever\s+|yet\s+)?(?:open|rais|log|file|creat|clos|cancel|renew|approv|reject|terminat|resolv|remov)\w*\b[^.!?]*\?(?:\s*(?:(?:i\s+)?(?:don'?t|dont|do not)\s+want|no need|to avoid|avoid(?:ing)?)\b[^?]*)?\s*$|^\s*[a-z]{3,}ing\b[^.?!;]*\b(?:is|would|will|does|could|can)\s+(?:that|it|this)\s+(?:be\s+)?(?:safe|ok(?:ay)?|fine|wise|possible|allowed|a problem|an issue|risky)\b|\b(?:just|only)\s+(?:asking|curious|wondering)\b|^\s*(?:(?:so|and|eh|hmm+|ok(?:ay)?)[\s,]+)?[A-Za-z]{2,5}-\w+\s+(?:\w+\s+)?(?:[a-z]{3,}ed|done|gone through)\s+(?:already|yet|liao|or not|anot|ah|le)?\s*\?\s*$/i;

/** Whether the message asks about the one-record write `intent` reads rather than ordering it ("would renewing SUB-… charge her?"). */
export function writeAskedAbout(intent: string, text: string): boolean {
  return !!ACTION_WORDS[intent] && WRITE_ASKED_ABOUT.test(text);
}

/**
 * Whether the message says the action of a one-record write reading (true for every other reading), outside a question about
 * whether or when it happened.
 */
export function saysItsAction(intent: string, text: string): boolean {
  const said = intent === 'case_note' ? text.replace(NOTES_READ, ' ') : text;
  if (!ACTION_WORDS[intent]) return true;
  if (WRITE_ASKED_ABOUT.test(text)) return false;
  return [...said.matchAll(new RegExp(ACTION_WORDS[intent].source, 'gi'))].some((m) => {
    const before = said.slice(0, m.index);
    // "don't cancel TKT-…", "I already closed CASE-… this morning": said not to be done, or told as done.
    // ("someone previously cancelled ORD-…?", "he already resolved it": done by someone else, told.)
    // ("AGT-3 cancelled ORD-… earlier", "my colleague renewed it": done by a colleague, told.)
    const toldAsDone = TOLD_FORM.test(m[0]) && (DOER_BEFORE.test(before) || (DONE_BY_SOMEONE_AFTER.test(said.slice((m.index ?? 0) + m[0].length)) && !/\b(?:to|be)\s+$/i.test(before)) || TOLD_IN_PASSIVE_BEFORE.test(before) || (RECORD_BEFORE.test(before) && !CAUSATIVE_BEFORE.test(before) && !STATE_OF_THE_PROBLEM.test(m[0]) && !/^\s+(?:itself|themselves|its|their)\b/i.test(said.slice((m.index ?? 0) + m[0].length))));
    const askedIfPossible = FEASIBILITY_BEFORE.test(before) && !/\b(?:please|pls|plz|kindly)\b/i.test(text);
    return !STATE_QUESTION.test(before) && !INDIRECT_QUESTION_BEFORE.test(before) && !NEGATED_ACTION_BEFORE.test(before) && !toldAsDone && !askedIfPossible;
  });
}

const OTHER_OF_TWO = /\bthe\s+other(?:\s+(?:one|card|line|sub|subscription|ticket|case|order|port|request|task|method))?\b/i;
const OTHER_OF_TWO_FILLER = new Set(['other', 'make', 'that', 'this', 'then', 'instead', 'please', 'with', 'from', 'into', 'card', 'line', 'ones', 'ticket', 'case', 'order', 'port', 'request', 'task', 'method', 'subscription', 'just', 'also', 'want', 'show', 'what', 'about']);
const PLACES: ReadonlyArray<readonly [RegExp, number]> = [
  // "the top one" of a listing is its first entry (never "top up").
  [/\b(first|1st|top(?=\s+(?:one|entry|item|result|record|case|ticket|order|line|task)\b))\b/i, 0],
  [/\b(second|2nd)\b/i, 1],
  [/\b(third|3rd)\b/i, 2],
  [/\b(fourth|4th)\b/i, 3],
  [/\b(last|latter)\b/i, -1],
];
/** "the Lite one", "the resolved one", "the failed task": a listed record described by a word its entry carries. */
// A two-word state ("the in progress one", "the pending customer case") describes it too.
// "her Lite line", "their suspended one": a possessive points as "the" does.
// (session 13b) "note on the dropped calls one: …": a description of two or three words ("dropped calls", "double billing").
const DESCRIBED = /\b(?:the|her|his|their)\s+((?:in[\s-]progress|pending[\s-]customer|ported[\s-]out|port[\s-](?:in|out))|[a-z][\w-]*(?:\s+(?!(?:one|line|sub|subscription|ticket|tkt|case|order|task|card|port|request)s?\b)[a-z][\w-]*){0,2}?)\s+(?:one|line|sub|subscription|ticket|tkt|case|order|task|card|port|request)s?\b/i;
/** "the one from Singtel", "the ticket for the outage", "the order with PLAN_L": a listed record described by what follows it. */
const DESCRIBED_AFTER = /\bthe\s+(?:one|line|sub|subscription|ticket|tkt|case|order|task|card|port|request)\s+(?:(?:coming|ported|moving|raised|opened|filed|sent|assigned)\s+)?(?:from|with|for|at|on|by|of|via|about)\s+(?:the\s+)?([A-Za-z][\w-]*)\b/i;
/** "make the mastercard her default", "drop the amex": a card named by its brand alone is the listed card of that brand. */
// (h5) "drop the expired mastercard", "her old visa": a word or two describing it may come between.
const CARD_BRAND = /\b(?:the|her|his|their|that|this|d|da|dat|dis)\s+(?:[a-z]+\s+){0,2}?(visa|master[\s-]?card|amex|american express|jcb|union[\s-]?pay|diners(?:\s+club)?|discover)\b/i;
const NOT_A_DESCRIPTION = /^(other|another|same|this|that|which|each|every|any|new|next|only|right|wrong|whole|one|own|usual|current)$/i;

/**
 * (session 14) "close the resolved one" after two tickets were listed: the words that describe the record picked ("resolved") say which
 * record, not what to do with it; the message without them, for reading which tool its verbs name.
 */
export function withoutPickDescription(message: string): string {
  return message.replace(DESCRIBED, (all, words: string, at: number) => (NOT_A_DESCRIPTION.test(words) || ROLE_GIVEN.test(`${message.slice(0, at)}${words}`) ? all : all.replace(words, ' ')));
}
/** (task H2) "make the mastercard the default one": the role a record is made into ("the default one") is the action, not which record. */
const ROLE_GIVEN = /\b(?:make|set|mark|have)\b[^,.;!?]*\S\s+(?:the|her|his|their)\s+(?:default|primary|main|preferred)$/i;

/** The prefixes of the record ids a reply names: "TKT-…", and a promotion's "PROMO_…", whose words are joined by underscores. */
export const LISTED_TAGS = /\b(?:[A-Z]{2,5}(?=-[0-9A-Za-z]+\b)|PROMO(?=_[A-Z0-9_]+\b))/g;
/** The source of a regular expression matching one record id of kind `tag`. */
/** eSIM profiles are listed by their ICCID, a number with no prefix ("2 available eSIMs: 8965… and 8965…"). */
export const ICCID_TAG = 'ICCID';
export function listedIdSource(tag: string): string {
  if (tag === ICCID_TAG) return String.raw`\b89\d{17,18}\b`;
  return tag === 'PROMO' ? String.raw`\bPROMO_[A-Z0-9_]+\b` : String.raw`\b${tag}-[0-9A-Za-z]+\b`;
}

const FIGURE_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
/** "the 20% one", "the ten dollar one", "the $5 promo", "the 15 percent discount": a record described by a figure of its own. */
const FIGURE_PICK = new RegExp(String.raw`\bthe\s+(?:\$\s?)?(\d+(?:\.\d+)?|${FIGURE_WORDS.join('|')})\s*[- ]?(%|percent|per\s?cent|dollars?|bucks|sgd)?[- ]?(?:off\s+)?(?:one|promo|promotion|discount|deal|offer)\b`, 'i');
export type ListedPick = { kind: 'picked'; id: string } | { kind: 'unclear'; ids: string[] };

/**
 * The record of kind `tag` (an id prefix) the message picks among those the assistant's last reply listed, by place or by a
 * word of its entry ("SUB-1189 (81231011, Lite, active)"). `unclear` when the message points at one but no single entry
 * fits: a write must then ask, never fall back to a default record. Undefined when the reply listed fewer than two.
 */
/** "I'm not closing the first one", "leave the first alone", "skip the second": a clause that declines what it names. */
/** "no retry yet", "no rerun for now": what follows "no <act>" when the act is put off, not asked for. */
export const NOT_YET = String.raw`(?:just\s+)?(?:yet|for now|at the moment|tonight|today)\b`;
// (session 14c) "no retry yet, show the second one", "no rerun for now": an act said not to come yet declines it too.
const DECLINING = new RegExp(String.raw`\b(?:don'?t|do not|never|not|no need to|won'?t|skip|forget(?:\s+about)?|hold off(?:\s+on)?|rather not|avoid)\b|\bno\s+[a-z-]+\s+${NOT_YET}|\b(?:leave|keep)\s+(?:\w+\s+){1,3}?(?:alone|as (?:it )?is|be)\b`, 'i');

/**
 * "I'm not closing the first one, it's still live. show me the second", "don't close the second one. close the first one": the
 * clause that ends the message after one declining another record is the one that picks; the declined record is no pick.
 */
export function pickAfterOneDeclined(text: string): string {
  // (session 14c) "don't retry anything yet, show me the first": a clause opened by a verb of reading after the declining one.
  const clauses = text.split(/(?<=[.;!?])\s+|,\s*(?=(?:just|only|but|instead|show|open|pull up|bring up|display|read)\s)/i);
  const last = clauses[clauses.length - 1];
  const before = text.slice(0, text.length - last.length);
  return clauses.length > 1 && DECLINING.test(before) && !DECLINING.test(last) && PLACES.some(([pattern]) => pattern.test(last)) ? last.replace(/^(?:just|only|but|instead)\s+/i, '') : text;
}

export function pickListedRecord(said: string, reply: string | undefined, tag: string): ListedPick | undefined {
  if (!reply) return undefined;
  const message = pickAfterOneDeclined(said);
  const found = [...reply.matchAll(new RegExp(listedIdSource(tag), 'g'))];
  const ids = [...new Set(found.map((m) => m[0]))];
  if (ids.length < 2) return undefined;
  const entries = ids.map((id) => {
    const at = found.find((m) => m[0] === id)!.index!;
    const next = found.find((m) => m[0] !== id && m.index! > at)?.index ?? reply.length;
    return { id, entry: reply.slice(at, next) };
  });
  // "the oldest one" of a listing said to be "newest first" is its last entry; with no order said, none is guessed.
  const age = message.match(/\b(oldest|earliest|newest|latest|most recent)\b(?!\s+(?:\d+|two|three|four|five|few)\b)/i)?.[1];
  if (age) {
    const newestFirst = /\b(?:newest|latest|most recent)\s+first\b/i.test(reply) ? true : /\b(?:oldest|earliest)\s+first\b/i.test(reply) ? false : undefined;
    const wantsNewest = !/^(oldest|earliest)$/i.test(age);
    // (Session 20, h3) "trace the newest one" after "Failed orders: ORD-8810 (2025-06-09), ORD-8790 (2025-06-02).": with no order said,
    // entries that each give one date are picked by it.
    const dated = entries.map((e) => ({ id: e.id, date: e.entry.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [] })).map((d) => ({ id: d.id, date: d.date.length === 1 ? String(d.date[0]) : '' }));
    if (newestFirst === undefined && dated.every((d) => d.date !== '') && new Set(dated.map((d) => d.date)).size === dated.length) {
      const sorted = [...dated].sort((a, b) => a.date.localeCompare(b.date));
      return { kind: 'picked', id: (wantsNewest ? sorted[sorted.length - 1] : sorted[0]).id };
    }
    if (newestFirst === undefined) return { kind: 'unclear', ids };
    const entry = wantsNewest === newestFirst ? entries[0] : entries[entries.length - 1];
    return { kind: 'picked', id: entry.id };
  }
  // "renew 81230002", "the one ending 0002": a listed line named by its number, or by the number's end.
  const number = message.match(/(?<![\w-])(?:\+?65\s?)?([3689]\d{3})\s?(\d{4})(?![\w-])/);
  const ending = message.match(/\bending(?:\s+(?:in|with))?\s+(\d{3,4})\b/i)?.[1];
  if (number || ending) {
    const digits = number ? `${number[1]}${number[2]}` : undefined;
    const fits = entries.filter(({ entry }) => (digits ? entry.includes(digits) : new RegExp(`\\d{4,}${ending}\\b`).test(entry)));
    if (fits.length === 1) return { kind: 'picked', id: fits[0].id };
  }
  // (session 13c) "0802", "the 0a1b one": an answer that is only the digits an id ends with picks the one listed id ending so.
  const tail = message.match(/^\s*(?:(?:the|no|ok(?:ay)?|it'?s|its|number|#)[\s,]+)*([0-9a-f]{3,8})(?:\s+(?:one|pls|please))?\s*[.!]?\s*$/i)?.[1];
  if (tail && /\d/.test(tail)) {
    const fits = entries.filter(({ id }) => id.toLowerCase().endsWith(tail.toLowerCase()));
    if (fits.length === 1) return { kind: 'picked', id: fits[0].id };
  }
  // (h4 follow-ups) "make the other one default" after two cards were listed, one "default": of two listed records, "the other" is the
  // one whose entry lacks the word the message gives it (it listed the cards again).
  if (entries.length === 2 && OTHER_OF_TWO.test(message)) {
    const words = (message.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((w) => !OTHER_OF_TWO_FILLER.has(w));
    const marked = entries.filter(({ entry }) => words.some((w) => new RegExp(`\\b${w}`, 'i').test(entry)));
    if (marked.length === 1) return { kind: 'picked', id: entries.find((e) => e !== marked[0])!.id };
  }
  // (y3, blind-v) "he's taken the 20% one", "the ten dollar one, she'll take it": a listed record picked by a figure its entry gives (a
  // percentage or an amount), the one entry that gives it.
  const figure = FIGURE_PICK.exec(message);
  if (figure) {
    const n = /^\d/.test(figure[1]) ? figure[1] : String(FIGURE_WORDS.indexOf(figure[1].toLowerCase()) + 1);
    const percent = /%|per/i.test(figure[2] ?? '') ? true : figure[2] ? false : undefined;
    const asPercent = new RegExp(String.raw`(?<![\d.])${n}\s*(?:%|percent|per\s?cent)`, 'i');
    const asAmount = new RegExp(String.raw`(?:\$|\bSGD\s*|\bS\$)\s*${n}(?:\.0+)?\b|(?<![\d.])${n}(?:\.0+)?\s*(?:SGD|dollars?|bucks)\b`, 'i');
    const fits = entries.filter(({ entry }) => (percent !== false && asPercent.test(entry)) || (percent !== true && asAmount.test(entry)));
    if (fits.length === 1) return { kind: 'picked', id: fits[0].id };
  }
  const place = PLACES.find(([pattern]) => pattern.test(message));
  if (place) {
    const entry = place[1] < 0 ? entries[entries.length - 1] : entries[place[1]];
    return entry ? { kind: 'picked', id: entry.id } : { kind: 'unclear', ids };
  }
  // (A card's brand said is the description, before "his main card" is taken for one.)
  const word = message.match(CARD_BRAND)?.[1] ?? message.match(DESCRIBED)?.[1] ?? message.match(DESCRIBED_AFTER)?.[1];
  if (!word) return pickedByEntryWords(message, entries);
  if (NOT_A_DESCRIPTION.test(word)) return undefined;
  // "resolved" finds "resolved", "Lite" finds "Lite": the word's stem, at a word start.
  // "in progress" finds "in_progress", "in-progress" too.
  const stem = word
    .toLowerCase()
    .split(/[\s_-]+/)
    .map((part) => part.replace(/(ed|ing|s)$/, '').replace(/[^\w]/g, ''))
    .join('\\w*[\\s_-]*');
  // ("the student one" finds "PROMO_STUDENT_10": an id's own words, joined by underscores, describe it too.)
  const fits = entries.filter(({ entry }) => new RegExp(`\\b${stem}`, 'i').test(entry.replace(/_/g, ' ')));
  return fits.length === 1 ? { kind: 'picked', id: fits[0].id } : { kind: 'unclear', ids };
}

/**
 * (H6) "cancel the roaming dispute", "note on the refund: …" after tickets or cases were listed: a record named by the words of its
 * own entry ("TKT-… — roaming charge dispute — [open]"), with no noun of ours after them. Every word said must start a word of one
 * entry only; a word every entry shares ("case" of CASE-…) or none has picks nothing.
 */
const ENTRY_WORDS_SAID = /\bthe\s+([a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\b/gi;
function pickedByEntryWords(message: string, entries: ReadonlyArray<{ id: string; entry: string }>): ListedPick | undefined {
  for (const m of message.matchAll(ENTRY_WORDS_SAID)) {
    const words = m[1].toLowerCase().split(/\s+/).filter((w) => !NOT_A_DESCRIPTION.test(w));
    if (!words.length) continue;
    const has = (entry: string, w: string) => new RegExp(String.raw`(?:^|[^\w-])${w.replace(/(ed|ing|s)$/, '')}`, 'i').test(entry.replace(/_/g, ' '));
    const fits = entries.filter(({ entry }) => words.every((w) => has(entry, w)));
    if (fits.length === 1) return { kind: 'picked', id: fits[0].id };
  }
  return undefined;
}

/** Where one ask ends and the next begins: a word of sequence always, "and"/";" only between two imperatives. */
const IN_SEQUENCE = /\s*[,;]?\s*\b(?:and then|then|after that|afterwards)\b\s*/i;
const JOINED = /\s*,?\s*\band\b\s+|\s*;\s*/i;
const IMPERATIVE = /^(?:please\s+)?(?:start|close|resolve|cancel|renew|give|top|add|credit|move|note|park|assign|take|show|pull|open|list|terminate|approve|reject|retry|rerun|ack|acknowledge|put|mark|reopen|resume|schedule|drop|remove|create|place|raise|check|get|log|transfer|suspend|unblock|reactivate|escalate|find|look)\b/i;
const TYPED_ID = /\b[A-Z]{2,5}-[0-9A-Za-z]+\b/;
const LOOKED_UP_BY = /^(?:please\s+)?(?:find|look\s*up|look|pull\s+up|get|check)\b.*(?:(?<![\w-])(?:\+?65\s?)?[3689]\d{7}(?![\w-])|\b[\w.+-]+@[\w-]+\.[\w.]+\b)/i;
const REFERS_BACK = /\b(it|its|them|their|his|her|they|that one|the same)\b/i;

/**
 * The asks one operator message chains ("start TKT-a and close TKT-b", "top up SUB-x then renew SUB-y", "lines for CUST-…
 * then their open cases"), in order; one element when it asks one thing. Each later ask names its own record or refers back,
 * so one ask's verb is never applied to another ask's record.
 */
/**
 * (task H2) "approve PORT-a and PORT-b, both checked", "renew SUB-a, SUB-b": one write's verb over two records of one kind typed side by
 * side is that write on each, in order (what follows them is said of both).
 */
const ONE_VERB_TWO_RECORDS = /^(\s*(?:(?:pls|please|kindly|ok(?:ay)?|now)[\s,]+)*)(approve|reject|renew|terminate|cancel|close|resolve|retry|rerun|release|ack|acknowledge|start)\s+([A-Z]{2,5})-(\w+)\s*(?:,\s*(?:and\s+)?|\s+(?:and|&|\+)\s+)\3-(\w+)\b(?!\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)[A-Z]{2,5}-)([^?]*)$/i;
export function chainedAsks(text: string): string[] {
  const twoRecords = ONE_VERB_TWO_RECORDS.exec(text);
  if (twoRecords) {
    const [, opening, verb, tag, first, second, rest] = twoRecords;
    return [`${opening}${verb} ${tag}-${first}${rest}`.trim(), `${verb} ${tag}-${second}${rest}`.trim()];
  }
  const bySequence = text.split(IN_SEQUENCE).filter((part) => part.trim());
  const parts = bySequence.flatMap((part) => {
    const joined = part.split(JOINED).filter((p) => p.trim());
    return joined.length > 1 && joined.every((p) => IMPERATIVE.test(p.trim())) ? joined : [part];
  });
  // Each ask names its record: typed, picked among those listed ("the Max one", "the second one"), or referred back to.
  const picks = (part: string) => DESCRIBED.test(part) || DESCRIBED_AFTER.test(part) || PLACES.some(([pattern]) => pattern.test(part));
  // (blind-q) "find the customer on 9123… and list their tickets": a look-up by number or email is a record named too, its result the
  // one the later ask refers back to.
  if (parts.length < 2 || !(TYPED_ID.test(parts[0]) || LOOKED_UP_BY.test(parts[0]) || picks(parts[0]))) return [text];
  return parts.slice(1).every((part) => !TYPED_ID.test(part.trim().split(/\s+/)[0]) && (TYPED_ID.test(part) || REFERS_BACK.test(part) || picks(part))) ? parts.map((p) => p.trim()) : [text];
}

/**
 * (dev-x2) "ORD-3391 and ORD-3392 are duplicates, cancel ORD-3392 only", "CUST-… has SUB-a and SUB-b — top up only SUB-b", "PM-a is the
 * old card and PM-b the new one; make PM-b the default": of several records of one kind typed, the one the clause that orders (opening
 * with its verb) types is the one acted on; the others only tell how things stand. Undefined unless exactly one is so typed.
 */
export const ORDERING_CLAUSE = new RegExp(`^(?:(?:pls|please|kindly|just|then|so|now|ok(?:ay)?)\\s+)*(?:${IMPERATIVE.source.replace(/^\^\(\?:please\\s\+\)\?/, '')}|trace|make|set|mark|only|shift|send|switch|change|upgrade|downgrade|bump|hand|pass|update|rerun|shut|end|kill|stop|disable|enable|deactivate|unassign|exhaust|release|deduct|reserve|freeze|unfreeze|advance|attest|verify|link|unlink|book|issue|apply|do)\\b`, 'i');
export function idTypedWhereOrdered(text: string, ids: readonly string[]): string | undefined {
  const clauses = text.split(/\s*(?:[,;:.!?—–]|\s-\s)\s*/).filter((c) => ORDERING_CLAUSE.test(c.trim()));
  const inOrder = ids.filter((id) => clauses.some((c) => new RegExp(`\\b${id.replace(/[-_]/g, '[-_]')}\\b`, 'i').test(c)));
  return inOrder.length === 1 && ids.length > 1 ? inOrder[0] : undefined;
}

/** (dev-x2) "not sure why it failed, but retry PTK-… anyway": the clause after "but"/"so"/"anyway" that opens with an order, if any. */
export function orderAfterBut(text: string): string | undefined {
  const m = /(?:^|[,;.—–]\s*|\s)(?:but|so|anyway|still)[\s,]+(.+)$/i.exec(text);
  return m && ORDERING_CLAUSE.test(m[1].trim()) ? m[1] : undefined;
}

/** (dev-x2) "ORD-3391 and ORD-3392 are duplicates, cancel 3392 only": an id's suffix typed bare, after the id was typed whole, is that id. */
function bareSuffixesOfTypedIds(text: string): string {
  const ids = [...new Set(text.match(/\b[A-Z]{2,5}-[0-9A-Za-z]{4,}\b/g) ?? [])];
  return ids.reduce((said, id) => {
    const suffix = id.slice(id.indexOf('-') + 1);
    if (!/\d/.test(suffix) || ids.filter((other) => other.endsWith(`-${suffix}`)).length > 1) return said;
    return said.replace(new RegExp(`(?<![\\w-])${suffix}(?![\\w-])`, 'g'), (m, at: number) => (said.slice(Math.max(0, at - id.length), at) === id.slice(0, -suffix.length) ? m : id));
  }, text);
}

/** The record nouns an operator points with ("the ticket", "that customer's"), and the id prefix each names. */
const POINTED_NOUNS: ReadonlyArray<readonly [string, string]> = [
  ['tickets?|tkts?', 'TKT'],
  ['cases?', 'CASE'],
  ['orders?', 'ORD'],
  ['customers?|accounts?|cust', 'CUST'],
  ['lines?|subscriptions?|subs?', 'SUB'],
  ['(?:provisioning\\s+)?tasks?|jobs?', 'PTK'],
  ['port(?:\\s+request)?s?|port-?(?:in|out)s?', 'PORT'],
  ['cards?|payment\\s+methods?', 'PM'],
  ['promos?|promotions?|campaigns?', 'PROMO'],
];
const CLAUSE_BREAK = /(\s*(?:[;,:]|[—–]|\s-\s)\s*)/;
/** "…, both belong to CUST-…", "SUB-… is under CUST-…": whose record another one is, told beside an order. */
const WHOSE_RECORD_TOLD = /\b(?:belongs?|belonged|belonging)\s+to\b|\b(?:is|are|both|all)\s+(?:both\s+|all\s+)?(?:on|under|of)\s+(?:[A-Z]{2,5}-|the same)\b/i;

/**
 * (dev-x2) "ORD-… failed because of PTK-… — retry the task", "TKT-… is linked to CASE-…; close the ticket, leave the case open", "SUB-…
 * belongs to CUST-… — show me all that customer's lines": with two kinds of record typed in clauses that tell how things stand, a clause
 * that orders and points with a record's noun ("the task", "that customer's") acts on the one record of that kind typed; the telling
 * clauses are set aside. "move 1 GB from SUB-a to SUB-b, both belong to CUST-…": whose records they are, told beside an order that types
 * its own, is set aside too.
 */
function recordsPointedAtByNoun(text: string): string {
  const typed = [...new Set(text.match(/\b(?:[A-Z]{2,5}-[0-9A-Za-z]+|PROMO_[A-Z0-9_]+)\b/g) ?? [])];
  if (new Set(typed.map((id) => id.split(/[-_]/)[0])).size < 2) return text;
  const parts = text.split(CLAUSE_BREAK);
  const clauses = parts.filter((_, i) => i % 2 === 0);
  const typesAnId = (clause: string) => /\b(?:[A-Z]{2,5}-[0-9A-Za-z]+|PROMO_[A-Z0-9_]+)\b/.test(clause);
  const orders = (clause: string) => ORDERING_CLAUSE.test(clause.trim());
  let pointed = false;
  const rewritten = clauses.map((clause) => {
    if (!orders(clause) || typesAnId(clause)) return clause;
    return POINTED_NOUNS.reduce((said, [nouns, tag]) => {
      const ofKind = typed.filter((id) => id.split(/[-_]/)[0] === tag);
      if (ofKind.length !== 1) return said;
      return said.replace(new RegExp(`\\b(?:the|that|this|said)\\s+(?:same\\s+)?(?:${nouns})(?=('s)?\\b)`, 'i'), () => {
        pointed = true;
        return ofKind[0];
      });
    }, clause);
  });
  const orderTypesIds = clauses.some((clause) => orders(clause) && typesAnId(clause));
  if (!pointed && !(orderTypesIds && clauses.some((clause) => !orders(clause) && WHOSE_RECORD_TOLD.test(clause)))) return text;
  // Keep the ordering clauses and those typing no record (a reason, a refusal of another); drop the ones only telling how things stand.
  const kept = rewritten.filter((clause, i) => orders(clause) || !typesAnId(clauses[i]) || (!pointed && !WHOSE_RECORD_TOLD.test(clause)));
  return kept.length ? kept.join(', ') : text;
}

/**
 * (dev-x2) "last shift I already credited 1GB to SUB-… for the outage, just so you know", "we renewed SUB-… this morning": a write the
 * operator, a colleague or another team tells as done, with no clause of the message ordering anything, orders no write (the words
 * that would name the tool besides its verb — "for the outage", "shift" — name nothing then).
 */
const WRITE_TOLD_DONE = new RegExp(String.raw`(?:\b(?:i|we|(?:(?:my|our|the|a)\s+)?${COLLEAGUE_WHO_DID_IT}|he|she|they|someone|somebody|AGT-\w+)\s+|(?:^|[,;.!?]\s*)(?=already\b))(?:(?:already|just|also|personally|previously|earlier|wrongly|accidentally|mistakenly|by mistake)\s+)*(?:(?:credit|topp|add|renew|clos|cancel+|approv|reject|terminat|resolv|assign|retri|mov|transferr|remov|releas|deduct|open|rais|logg|exhaust|comp)(?:ed|d)|reran|gave)\b`, 'i');
const ORDER_ASKED = /\b(?:please|pls|plz|kindly|can you|could you|would you|go ahead|do it)\b/i;
export function writeOnlyToldAsDone(typed: string): boolean {
  // (Words inside quotes are someone else's, judged by the rules of quoted writes.)
  const text = typed.replace(/(?<![\w])(['"‘“])[^'"‘’“”]{3,}?['"’”](?![\w])/g, ' ');
  if (!WRITE_TOLD_DONE.test(text)) return false;
  const clauses = text.split(/\s*(?:[,;.!?—–]|\s-\s)\s*/);
  // (dev-y2) "I wrongly cancelled TKT-… just now, can see what state it's in?", "already assigned TKT-… to AGT-…, just check the status":
  // beside the write told as done only a read is asked; that read is answered and no write is named.
  if (clauses.every((clause) => WRITE_TOLD_DONE.test(clause) || !ORDERING_CLAUSE.test(clause.trim()) || ONLY_A_READ_ORDERED.test(clause.trim())) && clauses.some((clause) => ONLY_A_READ_ORDERED.test(clause.trim()))) return true;
  return !ORDER_ASKED.test(text) && !clauses.some((clause) => ORDERING_CLAUSE.test(clause.trim()) && !WRITE_TOLD_DONE.test(clause));
}
/** A clause that asks only to see a record: "just check the status", "can see what state it's in", "show me where it is". */
const ONLY_A_READ_ORDERED = /^(?:(?:pls|please|kindly|just|then|so|now|ok(?:ay)?|can|could|you|u|help|me)\s+)*(?:check|show|see|look(?:\s+at|\s+up)?|pull(?:\s+up)?|view|verify|confirm|tell me|let me (?:know|see))\b(?!.*\b(?:and|then)\s+(?:cancel|close|terminate|renew|approve|reject|assign|resolve|credit|remove|release)\b)/i;

export interface AllowanceAmount {
  readonly quantity: number;
  /** The unit an allowance is counted in, as the balance tools name it. */
  readonly unit: 'mb' | 'minutes' | 'count';
  /** The allowance the unit implies. */
  readonly allowanceType: 'data' | 'voice' | 'sms';
}

/** "200 bonus minutes", "1GB extra": a word saying the amount is given on top stands between the number and its unit. */
// (session 20) "100 voice minutes", "50 text messages", "2 roaming GB": the allowance's own kind may stand there too.
const AMOUNT_QUALIFIER = String.raw`(?:(?:bonus|extra|free|more|additional|complimentary|goodwill)\s+)?(?:(?:voice|talk|talktime|call|calling|local|idd|international|roaming|mobile|data|sms|text)\s+)?`;
const amountOf = (number: string, units: string) => new RegExp(String.raw`\b(${number})\s*${AMOUNT_QUALIFIER}(?:${units})\b`, 'i');
const AMOUNTS: ReadonlyArray<readonly [RegExp, AllowanceAmount['unit'], AllowanceAmount['allowanceType'], number]> = [
  [amountOf(String.raw`\d+(?:\.\d+)?`, 'gb|gigs?|gigabytes?'), 'mb', 'data', 1024],
  [amountOf(String.raw`\d+(?:\.\d+)?`, 'mb|megs?|megabytes?'), 'mb', 'data', 1],
  [amountOf(String.raw`\d+`, 'min|mins|minutes?'), 'minutes', 'voice', 1],
  [amountOf(String.raw`\d+`, 'sms|texts?|messages?'), 'count', 'sms', 1],
];

/** "500 MB", "1.5gb", "30 min voice", "50 sms": an amount of allowance, in the unit the balance tools count it in. */
export function allowanceAmount(text: string): AllowanceAmount | undefined {
  for (const [pattern, unit, allowanceType, factor] of AMOUNTS) {
    const m = pattern.exec(text);
    if (m) return { quantity: Math.round(Number(m[1]) * factor), unit, allowanceType };
  }
  return undefined;
}

/** "from SUB-a to SUB-b": the id typed after the word an argument's name starts with (`fromSubscriptionId`, `toSubscriptionId`). */
export function idAfterDirection(text: string, argument: string, tag: string): string | undefined {
  const direction = argument.match(/^(from|to|source|target|donor)(?=[A-Z])/)?.[1];
  // (task H7) "to his daughter's SUB-…", "from the wife's line SUB-…": whose record it is may stand between the word and the id.
  const after = (words: string) => text.match(new RegExp(`\\b(?:${words})\\s+(?:(?:the|his|her|their|my|our|its|[a-z]+'s|[a-z]+s')\\s+){0,3}(?:line\\s+|subscription\\s+|sub\\s+|agent\\s+)?(${tag}-[0-9A-Za-z]+)\\b`, 'i'))?.[1];
  // "reassign TKT-… from AGT-4 to AGT-8": a record moved from one to another is set to the one it goes to.
  if (!direction) return after('from') ? after('to|onto|over to') : undefined;
  return after(direction === 'from' || direction === 'source' || direction === 'donor' ? 'from|off|out of' : 'to|onto|into|over to');
}

/** "from his first line to the second": what a direction word is followed by, up to the other direction or the clause's end. */
export function phraseAfterDirection(text: string, argument: string): string | undefined {
  const direction = argument.match(/^(from|to|source|target)(?=[A-Z])/)?.[1];
  if (!direction) return undefined;
  const words = direction === 'from' || direction === 'source' ? 'from|off|out of' : 'to|onto|into|over to';
  return text.match(new RegExp(`\\b(?:${words})\\s+(.+?)(?=\\s+(?:to|onto|into|from|off)\\b|[,;.!?]|$)`, 'i'))?.[1];
}

/**
 * What the cockpit has no tool for, asked as an order ("sms 8123… that…", "refund 25 SGD to …'s card", "reset the portal
 * password", "freeze CUST-…'s account"), and what it must never show (a full card number, a password): no tool stands in
 * for it, a look-up included, and no other write is made in its place.
 */
// (dev-x2) "SUB-… to be suspended pending investigation": what no tool does, ordered in the passive after the record.
const NO_TOOL_ORDER = /^(?:[A-Z]{2,5}-\w+\s+(?:is\s+|are\s+)?(?:to|needs? to|should|must)\s+be\s+(?:suspended|refunded|frozen|blacklisted|barred|blocked|merged|renamed|unlocked|waived)\b|(?:(?:please|pls|kindly|can you|could you|would you|just)\s+)*(?:give\s+(?:\S+\s+){1,2}?an?\s+(?:call|ring|buzz|text|sms|e-?mail)\b|(?:sms|text|e-?mail|whatsapp|ring|phone|call)\s+(?:the\s|their\s|him\b|her\b|them\b|cust\w*|\+?\d)|send\s+(?:the\s+customer|the\s+cust|them|him|her|\+?\d+)\s+(?:an?\s+)?(?:sms|text|e-?mail|message|whatsapp)|(?:refund|reimburse|waive|reset|unlock|freeze|blacklist|merge|rename)\b(?!\s+(?:the\s+)?clock\b)))/i;
// "the full 16-digit card numbers", "the complete Visa card no.", "card numbers in full", "all sixteen digits of the card".
const NEVER_SHOWN = /\b(?:full|whole|complete|entire|unmasked|uncensored)\s+(?:[\w-]+\s+){0,2}?card\s+(?:numbers?|nos?\.?|details)\b|\bcard\s+(?:numbers?|nos?\.?|details)\s+in\s+full\b|\b(?:1[56]|sixteen|fifteen)[-\s]digit\s+(?:card\s+)?(?:numbers?|nos?\.?|pan)\b|\ball\s+(?:the\s+)?(?:1[56]\s+|sixteen\s+)?digits\s+of\s+(?:the|their|his|her)\s+(?:\w+\s+)?\w*card\b|\bcvv\b|\bcvc\b|\bpass(?:word|code)\b|\bpin\s+(?:code|number)\b/i;
const DEFINITION = /\bwhat (?:does|do|is|'s) (?:an? |the )?[\w-]+ (?:actually |even |again )?(?:stand for|mean|short for)\b|\bwhat(?:'s| is) (?:the )?(?:meaning|definition) of\b/i;
/**
 * "what's the difference between a case and a ticket?", "how does a ticket differ from a case", "case vs ticket, explain pls",
 * "explain to the new joiners what a port-in is": how the system's notions differ or what one is, asked with no record typed,
 * is explained; nothing is listed in its place.
 */
const CONCEPT_ASKED = new RegExp(
  [
    String.raw`\b(?:diff(?:erence|erences)?|diffs|distinction)\s+(?:between|btw|b\/w|bw)\b`,
    String.raw`\bhow\s+(?:is|are|does|do)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:differ(?:ent)?|compare[sd]?)\s+(?:from|to|with)\b`,
    String.raw`\b(?:an?\s+|the\s+)?[\w-]+\s+(?:vs\.?|versus)\s+(?:an?\s+|the\s+)?[\w-]+\b[^?.!]{0,40}\b(?:difference|differ\w*|explain\w*|mean\w*|what'?s)\b`,
    String.raw`\b(?:explain|describe)\s+(?:(?:it|this)\s+)?(?:to\s+(?:me|us|them|the\s+[\w-]+(?:\s+[\w-]+)?)\s+)?(?:what|how)\s+(?:an?|the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|means?|works?|does)\b`,
    // "can explain what is a provisioning task?", "explain me what means port-out": the second-language order.
    String.raw`\b(?:explain|describe)\s+(?:(?:to\s+)?(?:me|us|them)\s+)?(?:what|how)\s+(?:is|are|means?|does|do)\s+(?:an?\s+|the\s+)?[\w-]+`,
    String.raw`\bwhat\s+(?:is|are)\s+(?:meant|the meaning)\s+(?:by|of)\b`,
    // (session 20) "how does port approve work for a port-out — does the line end straight away?": how an action or notion works.
    String.raw`(?:^|[.;!?]\s*)(?:(?:so|and|q|question|quick q|btw|hey|sorry)[\s,:-]+)*how\s+(?:does|do|would|will)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s+(?:actually\s+|even\s+)?work\b`,
    // (session 14) "the lawful basis on which we keep a date of birth", "how long may we retain ID scans": the law or policy of keeping
    // data, asked, is no record's read (a date of birth is no question for the clock).
    String.raw`\b(?:lawful|legal)\s+(?:basis|grounds?)\b|\b(?:pdpa|gdpr|data protection act)\b|\bhow\s+long\s+(?:do|may|can|should|must|are)\s+we\s+(?:allowed\s+to\s+)?(?:keep|retain|hold|store)\b|\bretention\s+(?:period|rules?|requirements?|schedule)\b`,
  ].join('|'),
  'i',
);
const RECORD_TYPED = /\b(?:CUST|SUB|ORD|CASE|TKT|PORT|PTK|PM|AGT)[\s-]?(?=\w*\d)\w+|\b\d{8,}\b/i;

/**
 * "what's the SGD/USD rate today?", "convert 25 SGD to ringgit", "weather tomorrow": facts of the world outside the BSS (exchange
 * rates, markets, weather) that no tool knows; the date word beside them is no question for the clock.
 */
const CURRENCY = String.raw`(?:sgd|usd|eur|gbp|myr|idr|php|thb|inr|cny|rmb|jpy|aud|hkd|s\$|us\$|dollars?|euros?|pounds?|ringgit|rupiah|pesos?|baht|rupees?|yuan|yen)`;
const OUTSIDE_WORLD = new RegExp(
  String.raw`\b(?:exchange|fx|forex|conversion|currency)\s+rates?\b|\bforex\b|\b${CURRENCY}\s*(?:\/|to|vs\.?|against|-)\s*${CURRENCY}\s+(?:rate|exchange|conversion)\b|\b${CURRENCY}\s*\/\s*${CURRENCY}\b|\bconvert\b.{0,30}\b(?:to|into)\s+${CURRENCY}\b|\b(?:weather|forecast|stock price|share price|sti index)\b`,
  'i',
);

/**
 * (session 20) "dump all customer emails into a CSV and send it to my gmail", "forward every subscriber's number to my personal
 * email": records carried out of the system in bulk, into a file or a mailbox of one's own, is nothing a tool does (nor should).
 */
const CARRIED_OUT = String.raw`\b(?:export|dump|download|extract|copy|send|mail|e-?mail|forward|upload|share|save|write|paste|put|push|transfer)\w*\b[^.;!?]{0,80}?`;
const OWN_MAILBOX = String.raw`\b(?:to|into|onto|in|on)\s+(?:my|our|his|her|a|the)?\s*(?:own\s+|personal\s+|private\s+|home\s+)?(?:gmail|hotmail|yahoo|icloud|proton\s?mail|outlook\.com|personal\s+(?:e-?mail|mail|inbox|account|address|drive|laptop|phone)|private\s+(?:e-?mail|mail|inbox|account|drive)|home\s+(?:e-?mail|pc|computer|laptop)|usb|thumb\s?drive|dropbox|google\s+drive|pastebin)\b`;
const INTO_A_FILE = String.raw`\b(?:to|into|onto|in|as)\s+(?:a|an|one|the|some)?\s*(?:csv|spreadsheet|excel|xlsx?|zip|text\s+file|file|dump)\b`;
const IN_BULK = /\b(?:all|every|each|whole|entire|full list of|everyone'?s?)\b/i;
const BULK_DATA_OUT = new RegExp(`${CARRIED_OUT}(?:${OWN_MAILBOX}|${INTO_A_FILE})`, 'i');
const OWN_MAILBOX_OUT = new RegExp(`${CARRIED_OUT}${OWN_MAILBOX}`, 'i');
function carriesDataOut(text: string): boolean {
  return OWN_MAILBOX_OUT.test(text) || (BULK_DATA_OUT.test(text) && IN_BULK.test(text) && /\b(?:customers?|subscribers?|accounts?|users?|records?|e-?mails?|numbers?|msisdns?|cards?|nrics?|details|data|database|db|contacts?)\b/i.test(text));
}

export function asksForWhatNoToolDoes(text: string): boolean {
  return carriesDataOut(text) || text.split(/[.;!?]\s+/).some((clause) => NO_TOOL_ORDER.test(clause.trim())) || NEVER_SHOWN.test(text) || DEFINITION.test(text) || conceptAsked(text) || deletesRecords(text) || OUTSIDE_WORLD.test(text) || consequenceOfAWriteAsked(text);
}

const WRITE_VERB = String.raw`(?:reject|approv|terminat|cancel|clos|resolv|renew|retr(?:y|ie)|rerun|re-run|assign|unassign|remov|releas|deduct|transfer|credit|adjust|suspend|exhaust|mov|schedul|chang|switch|delet|refund|reactivat|port|top\W?up|add|open|escalat|retir)\w*`;
/**
 * (task H2) "if I reject PORT-…, does the customer get an SMS?", "will she lose her number if we terminate SUB-…?", "what happens to the
 * reservation when I deduct it": what would follow from a write, asked, is a question about the system; nothing is written, and
 * no record needs reading to answer it. ("can you check if we renewed it?" and "could you approve it if the docs are fine?" are no such
 * question: the one asks after a past write, the other orders one.)
 */
const CONSEQUENCE_OF_A_WRITE = new RegExp(
  [
    String.raw`^\s*(?:(?:so|and|hmm+|q|question|quick q(?:uestion)?|curious|just curious|btw|hey|hypothetically|in theory|theoretically)[\s,:-]+)*(?:if|when|once|after|suppose|supposing|say)\s+(?:i|we|someone|somebody|an?\s+(?:agent|operator|colleague))\s+(?:\w+\s+)?${WRITE_VERB}\b[^?]*?[,;-]?\s*(?:does|do|will|would|is|are|does it|what|who|how|which|can (?:she|he|they|the customer|it)|could (?:she|he|they|the customer|it))\b[^?]*\?`,
    String.raw`(?:^|[.;!]\s+)(?:(?:so|and|hmm+|q|btw)[\s,:-]+)*(?:does|do|will|would|is|are)\s+(?!you\b)[^?]{1,60}?\b(?:if|when|once|after)\s+(?:i|we)\s+(?:\w+\s+)?${WRITE_VERB}\b[^?]*\?`,
    String.raw`\bwhat\s+(?:happens|would happen|will happen|occurs)\b[^?]{0,40}?\b(?:if|when|once|after)\s+(?:i|we|you)\s+(?:\w+\s+)?${WRITE_VERB}\b`,
    // (task H7) "does exhausting a promo also pull it from the customers on it?": the write as the subject of a question, in general.
    String.raw`^\s*(?:(?:so|and|q|question|btw|quick q)[\s,:-]+)*(?:does|do|will|would|can|could)\s+(?=\w+ing\b)${WRITE_VERB}\s+(?:an?|the|its|their|any|this|that)\s[^?]*\?`,
    // (task H7) "what happens to a number when its line is terminated?": the write told in the passive after what it happens to.
    String.raw`\bwhat\s+(?:happens|would happen|will happen)\s+to\b[^?]{0,60}?\b(?:when|if|once|after)\b[^?]{0,40}?\b(?:is|are|gets?|got|was|were|been)\s+${WRITE_VERB}`,
    // (task H7) "we're thinking of retiring the old promo, would the customers on it lose their discount?": a write weighed, its effect asked.
    String.raw`\b(?:thinking (?:of|about)|considering|planning (?:to|on)|might)\s+${WRITE_VERB}\b[^?]{0,80}?\b(?:would|will|does|do|is|are|can)\s+(?:the|she|he|they|it|customers?|subscribers?|her|his|their)\b[^?]*\?`,
  ].join('|'),
  'i',
);
/** (task H2) "which tool would you use to cancel ORD-…?", "what command do I run to approve a port": the method asked, not the act. */
const METHOD_ASKED = /\b(?:which|what)\s+(?:tool|command|function|screen|button|api|call|menu)s?\s+(?:would|should|do|does|can|could|will|to)\s+(?:(?:you|i|we|one)\s+)?(?:use|run|call|pick|click|press)?\b/i;
/** (blind-v) "…would that even work? show me where it is first, not cancelling yet": a read of the record ordered in a clause of its own. */
// (session 18) The same look answers no confirm question: "show ORD-…", "hmm, status of ORD-…?" to "Cancel ORD-…? Confirm?" (it cancelled).
export const RECORD_READ_ORDERED = /(?:^|[:;,.!?—–]\s*|\s-\s+)(?:(?:pls|please|just|but|so|then|can you|could you|first|ok(?:ay)?|wait|hmm+|actually|um+)[\s,]+)*(?:show|pull(?:\s+up)?|check|look up|display|fetch|view|bring up|open up|status(?:\s+(?:of|on|for))?|details?\s+(?:of|on|for))\s+(?:me\s+)?(?:where|what|how|it|its|the|that|this|[A-Z]{2,5}[-_]\w+)\b/i;
/** (session 20) "we might exhaust PROMO_… next week — what state is it in now?": the record's present state asked, beside a write weighed. */
const PRESENT_STATE_ASKED = /\b(?:what|which)\s+(?:state|status|stage)\s+(?:is|are)\s+(?:it|they|this|that|[A-Z]{2,5}[-_]\w+)\s+in\b(?!\s+(?:after|then|once|when)\b)(?![^?]{0,20}\b(?:after|then|once|when|if)\b)|\b(?:what|which)(?:'s|\s+is)?\s+(?:the\s+)?(?:its\s+)?(?:state|status|stage)\b[^?]{0,30}\b(?:now|currently|at the moment|right now|today|as of now)\b/i;
export function consequenceOfAWriteAsked(text: string): boolean {
  return (CONSEQUENCE_OF_A_WRITE.test(text) && !RECORD_READ_ORDERED.test(text) && !PRESENT_STATE_ASKED.test(text)) || METHOD_ASKED.test(text);
}

/** A question about the system's notions ("difference between a case and a ticket") with no record typed: explained, nothing read. */
export function conceptAsked(text: string): boolean {
  return CONCEPT_ASKED.test(text) && !RECORD_TYPED.test(text);
}

const DELETING = String.raw`(?:delet\w*|wip(?:e|es|ed|ing)|purg\w*|eras\w*|truncat\w*|nuk(?:e|es|ed|ing)|obliterat\w*)`;
const REMOVING = String.raw`(?:drop\w*|remov\w*|clear\w*(?:\s+out)?|get rid of|scrub\w*)`;
const STORED_RECORDS = String.raw`(?:customers?|accounts?|subscribers?|cases?|tickets?|orders?|lines?|subscriptions?|records?|users?|rows?|db|database|tables?|(?:CUST|CASE|TKT|ORD|SUB)-\w+)`;
/**
 * "delete all closed customers from the db", "wipe CUST-…", "purge every cancelled order": no tool deletes records, in bulk or
 * one by one (a card is removed, a ticket cancelled, a line terminated, each by its own verb), so nothing is listed or read in
 * its place. A verb of removing counts only over everything ("drop all…"): "drop the pending change" is a verb of its own.
 */
const DELETES_RECORDS = new RegExp(
  String.raw`\b${DELETING}\s+(?:[\w'-]+\s+){0,4}?${STORED_RECORDS}\b|\b(?:${DELETING}|${REMOVING})\s+(?:[\w'-]+\s+){0,2}?(?:all|every|everything|each|entire|whole)\b`,
  'i',
);
const NOT_BEFORE = /\b(?:don'?t|do not|never|not|no need to|without)\s+(?:\w+\s+)?$/i;

export function deletesRecords(text: string): boolean {
  return text.split(/[,.;!?]\s+/).some((clause) => {
    const m = DELETES_RECORDS.exec(clause);
    // (session 20) "Back in '89 I purged the whole customer master by accident": a deletion told as past, by its doer, asks nothing.
    const toldAsPast = !!m && /(?:purg|eras|delet|wip|truncat|nuk|obliterat|dropp|remov|clear|scrubb)ed\b/i.test(m[0].split(/\s+/)[0]) && /\b(?:i|we|he|she|they|someone|somebody|\w+)\s+(?:(?:once|accidentally|mistakenly|already|had|have|just)\s+)*$/i.test(clause.slice(0, m.index));
    return !!m && !NOT_BEFORE.test(clause.slice(0, m.index)) && !toldAsPast;
  });
}

const FAILED_ENTRY = /\b(failed|failing|stuck|errored|error|timed? ?out|timeout)\b/i;
const RETRIES = /\b(retry|re-?run|redo|try\b.{0,12}\bagain|kick|push\b.{0,12}\bthrough|resolve|restart)\w*\b/i;

/**
 * "retry that" after "PTK-9930 completed, PTK-9931 failed (timeout)": of several records of kind `tag` the last reply
 * named, the one entry that failed, when the message retries or resolves something.
 */
export function failedListedRecord(message: string, reply: string | undefined, tag: string): string | undefined {
  if (!reply || !RETRIES.test(message)) return undefined;
  const found = [...reply.matchAll(new RegExp(listedIdSource(tag), 'g'))];
  const failed = found.filter((m, i) => FAILED_ENTRY.test(reply.slice(m.index, found[i + 1]?.index ?? reply.length)));
  return new Set(found.map((m) => m[0])).size > 1 && new Set(failed.map((m) => m[0])).size === 1 ? failed[0][0] : undefined;
}

/** The distinct records of kind `tag` a reply names, in order. */
export function listedIds(reply: string | undefined, tag: string): string[] {
  return [...new Set([...(reply ?? '').matchAll(new RegExp(listedIdSource(tag), 'g'))].map((m) => m[0]))];
}

/** A record id typed after its prefix word with a space or a dash ("cust 0e4d9b12", "tkt-0a1b2c3d"): the word is the id's, not shorthand. */
// (session 19) "assign TKT-1042 to AGT-0007": a dash and a suffix with a digit make an id as typed, even in a shape the domain does not
// use (the command's validation says which it takes); only a bare "tkt"/"cust" is the noun.
const ID_SUFFIX_AHEAD = String.raw`(?![\s-]*[0-9a-fA-F]{8}\b)(?!-[0-9A-Za-z]*\d)`;
/**
 * Night-shift shorthand an operator types ("term SUB-… cust req", "tkt on CASE-…", "wifi pw"), spelled out so the word rules
 * meet the words they know. "term" only as a verb before the record it ends, never "long term".
 */
/** The past of the write verbs a mixer may type bare after "already"/"wrongly" (the regular ones add "ed"). */
const PAST_OF: Readonly<Record<string, string>> = { cancel: 'cancelled', close: 'closed', terminate: 'terminated', approve: 'approved', resolve: 'resolved', remove: 'removed', release: 'released', move: 'moved', transfer: 'transferred', ack: 'acked', acknowledge: 'acknowledged', note: 'noted', create: 'created' };
const OPERATOR_SHORTHAND: ReadonlyArray<readonly [RegExp, string | ((all: string, ...groups: string[]) => string)]> = [
  // (session 20) "SELECT * FROM audit_events WHERE event_type = 'SubscriptionTerminated' ORDER BY ts DESC LIMIT 20;": a query typed in
  // SQL is the listing of its table, its conditions typed as labelled values ("event_type=…") and its limit as the listing's size.
  // ("SELECT count(*) FROM msisdn …" counts them; a GROUP BY adds no condition.)
  [/^\s*select\s+([^;]+?)\s+from\s+([a-z][\w.]*)(?:\s+where\s+(.+?))?(?:\s+group\s+by\s+[\w.]+(?:\s*,\s*[\w.]+)*)?(?:\s+order\s+by\s+[\w.]+(?:\s+(?:asc|desc))?(?:\s*,\s*[\w.]+(?:\s+(?:asc|desc))?)*)?(?:\s+limit\s+(\d+))?\s*;?\s*$/i, (_all, columns: string, table: string, where?: string, limit?: string) => {
    // (session 23) "… where msisdn like '9123%' group by status": digits before a wildcard are the numbers' prefix.
    const conditions = (where ?? '').split(/\s+and\s+/i).map((c) => c.replace(/^\s*[a-z][\w.]*\s+like\s+['"‘’“”]?(\d+)%['"‘’“”]?\s*$/i, 'prefix=$1')).map((c) => /^\s*([a-z][\w.]*)\s*(?:=|==|\blike\b|\bis\b)\s*['"‘’“”]?%?([^'"‘’“”%]+?)%?['"‘’“”]?\s*$/i.exec(c)).filter((m): m is RegExpExecArray => !!m).map((m) => `${m[1]}=${m[2]}`);
    // ("select msisdn from pool …": the columns asked for say what is listed, as much as the table does.)
    const asked = /^\s*[a-z]\w*\s*$/i.test(columns) && !/^\s*(?:id|name|email|phone|status|state|\w+_(?:id|at|ts))\s*$/i.test(columns) ? `${columns.trim().replace(/_/g, ' ')} in ` : '';
    return `${/^\s*count\s*\(/i.test(columns) ? 'how many' : 'show'} ${asked}${table.replace(/^\w+\./, '').replace(/_/g, ' ')}${conditions.length ? ` ${conditions.join(' ')}` : ''}${limit ? `, limit ${limit}` : ''}`;
  }],
  // (dev-y2) A CRM form pasted with its action field empty or undecided ("Action: none", "Action: n/a", "Action: (to be decided by
  // supervisor)") orders nothing, whatever its other fields tell ("Notes: cx asked about termination fees" terminated the line).
  [/\baction(?:\s+(?:taken|required|requested))?\s*:\s*(?:none|nil|n\/?a|no action|nothing|-+|tbd|tbc|tba|\(?\s*(?:to be (?:decided|confirmed|advised)|awaiting|pending|for review|supervisor to decide)\b[^/|\n)]*\)?)\s*(?=$|[/|\n;.])/gim, 'no action needed, hold off'],
  // (dev-y2) "Do the needful: set up …", "kindly do the needful and create …": the Indian-English "please", however it joins the ask.
  [/\b(?:(?:please|pls|kindly)\s+)?do\s+the\s+needful\b(?:\s+and\b)?[\s:,;.—–-]*(?=\S)/gi, 'please '],
  // (blind-v) "NOC: alarm PROV_TASK_FAILED on PTK-…, show me the task": an alarm's or event's code names what was raised, not a tool
  // ("prov", "task", "failed" listed the failed tasks); the code is set aside, its noun kept ("ACTIVATE_ESIM" as a task type and a
  // resolution "code REFUND_ISSUED" stay).
  [/\b(alarms?|alerts?|events?|errors?|traps?)(\s*[:=#]?\s*)(?!(?:PLAN|VAS|PROMO)_)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, '$1'],
  // (dev-y2) A Malay/Singlish mixer's words: "tolong renew SUB-…" (please), "jangan terminate …" (don't), "sudah assign …" / "dah
  // bayar" (already), "belum" (not yet), "close liao" (already). A verb after "already", "wrongly", "accidentally" or "by mistake" is
  // told as done whatever its form ("I wrongly cancel TKT-… just now", "sudah assign TKT-… to AGT-…"): its past is written out.
  // (session 19) "Whoever added CUST-… to PROMO_… — wrong customer, take her off the list": an unknown doer of a past act is "someone";
  // the act told is no order (it added the customer again).
  [/\bwho(?:m)?ever\s+(?=(?:just\s+|already\s+)?[a-z]+ed\b)/gi, 'someone '],
  [/\btolong\b/gi, 'please'],
  [/\bjangan\b/gi, "don't"],
  [/\b(?:sudah|sdh|dah)\b/gi, 'already'],
  [/\bbelum\b/gi, 'not yet'],
  [/\bliao\b/gi, 'already'],
  [/\b(already|wrongly|accidentally|mistakenly|by mistake)\s+(cancel|close|assign|unassign|terminate|renew|approve|reject|resolve|open|remove|release|exhaust|add|credit|move|transfer|reopen|start|ack|acknowledge|deduct|note|create|raise|port)\b(?!-)/gi, (_all: string, adverb: string, verb: string) => `${adverb} ${PAST_OF[verb.toLowerCase()] ?? `${verb}ed`}`],
  [/\b([A-Za-z]{2,5}[-_]\w+)\s+(cancel|close|assign|unassign|terminate|renew|approve|reject|resolve|open|remove|release|exhaust|add|credit|move|transfer|reopen|start|ack|acknowledge|deduct|note|create|raise|port)\s+(?=already\b)/gi, (_all: string, record: string, verb: string) => `${record} ${PAST_OF[verb.toLowerCase()] ?? `${verb}ed`} `],
  // (H6) "the order behind it", "the line it is about", "the case it belongs to": the record the one in focus hangs off, said as a
  // relative clause, is "its order" (it listed every order, or read the ticket again).
  [
    /\bthe\s+(order|line|subscription|sub|case|ticket|customer|account|task|number)\s+(?:(?:that(?:'s|\s+is|\s+was)?\s+)?behind\s+(?:it|this|that)|(?:that\s+)?(?:it|this|that)(?:\s+(?:is|was)|'s)\s+(?:about|for|on|under|from|against|linked to|tied to|attached to)|(?:that\s+)?(?:it|this|that)\s+(?:belongs|belonged|hangs|sits|came|comes)\s+(?:to|under|from|off))\b/gi,
    'its $1',
  ],
  [/(^\s*|[.;,!]\s*|\b(?:and|then|pls|please)\s+)term(?=\s+(?:sub\b|sub-?\s*\d|it\b|that\b|this\b|the\b|his\b|her\b|their\b|line\b))/gim, '$1terminate'],
  // "cancel SUB-… for good", "end SUB-…, customer is emigrating permanently": a line ended for good is a termination.
  [/(^\s*|[.;,!]\s*|\b(?:and|then|pls|please|kindly)\s+)(?:cancel|end|close|kill|disconnect|deactivate|shut(?:\s+down)?|stop|cut\s+off)(?=\s+(?:the\s+(?:line|subscription)\s+)?SUB-\w+\b(?!['’]s)(?!\s+(?:plan|change|switch|upgrade|downgrade|renewal|auto|top|order|case|ticket|port)\b)[^.?!]*?\b(?:for good|permanently|forever|for ever|altogether|once and for all)\b)/gim, '$1terminate'],
  [new RegExp(String.raw`\b(?:tkts|tix)\b${ID_SUFFIX_AHEAD}`, 'gi'), 'tickets'],
  [new RegExp(String.raw`\btkt\b${ID_SUFFIX_AHEAD}`, 'gi'), 'ticket'],
  [new RegExp(String.raw`\bcust\b${ID_SUFFIX_AHEAD}`, 'gi'), 'customer'],
  [/\b(?:req|reqd|rqst)\b/gi, 'request'],
  // "tkt ls AGT-4 open", "svc list SUB-…", "rm PM-…": a contractor's command-line verbs and nouns. ("SVC-0001" is a service's id.)
  [/\bls\b/gi, 'list'],
  // (session 14) "add 100 numbers from 8899", "add numbers 8899 x100": numbers counted in and put under a prefix are pool stock (MSISDNs).
  [/\b(add|load|put in|import)\s+(\d+\s+(?:new\s+|more\s+)?)numbers\s+(?:from|starting(?:\s+with)?|beginning with|with prefix|under|on prefix|prefix|in)\s+(\d{3,4})\b/gi, '$1 $2msisdns starting $3'],
  [/\b(add|load|put in|import)\s+(?:new\s+)?numbers\s+(\d{3,4})\s*[x×]\s*(\d+)\b/gi, '$1 $3 msisdns starting $2'],
  [/\brm\b(?=\s+(?:[A-Z]{2,5}-\w+|it|that|this|the)\b)/gi, 'remove'],
  [/\bsvcs\b/gi, 'services'],
  // (dev-w2) "esim pool: how many avail?": available spelt short.
  [/\bavail\b(?!\w)/gi, 'available'],
  [/\bsvc\b(?![\s-]*\d)/gi, 'service'],
  // "SUB-… -> PLAN_L", "CASE-… => AGT-…": an arrow is "to".
  [/\s*(?:->|=>|→|⇒)\s*/g, ' to '],
  // "clock +1d", "time +2h": a duration added to the clock moves it forward.
  [/\b(clock|time)\s*\+\s*(?=\d)/gi, '$1 forward '],
  // "RSV-… rel", "PTK-… rr": release / rerun.
  [/\brel\b(?=\s*[.!]*\s*$)/gi, 'release'],
  // "pmts CUST-…", "pymt failed?", "txns": payment shorthand.
  [/\b(?:pmts|pymts|pmnts|paymts)\b/gi, 'payments'],
  [/\b(?:pmt|pymt|pmnt|paymt)\b/gi, 'payment'],
  [/\b(?:pw|pwd|passwd)\b/gi, 'password'],
  // "port in frm Singtel": from.
  [/\bfrm\b/gi, 'from'],
  // "cust nvr pick up": never; "dun close it yet": don't.
  [/\bnvr\b/gi, 'never'],
  [/\bdun\b(?=\s+(?:close|cancel|renew|approve|reject|terminate|assign|resolve|touch|do|need|want|move|change))/gi, "don't"],
  // (task H2) "SUB-… terminate, customer port out already", "PORT-… approve pls": a record typed first, then its write's bare verb, is
  // that write ordered on it.
  [/^(\s*)([A-Za-z]{2,5}-\w+)\s+(terminate|renew|approve|reject|retry|rerun|close|resolve|release|cancel)\b(?!\s+(?:is|was|were|has|had|by|at|on|yesterday|already|failed|went|did)\b)(?![^.;!]*\?)/gim, '$1$3 $2'],
  // (task H2) "CUST-… got open case or not ah", "got ticket anot": a Singlish yes/no question ("… or not", "anot") asks ("? yes or no"
  // is another thing, kept as typed); "got" before a
  // record noun is "has any", so "open" there is the record's state, never the verb.
  [/\s*,?\s*\b(?:(?<!\byes\s+)or\s+not?|anot|boh)\b\s*(?:(?:ah|lah|leh|lor|huh|hor|sia|one)\b\s*)*[?.!]*\s*$/gi, '?'],
  [/\bgot\s+(?:any\s+)?(open|pending|closed|failed|stuck|active|new)?\s*(cases?|tickets?|orders?|tasks?|ports?|port requests?|cards?)\b(?=[^?]*\?\s*$)/gi, 'has any $1 $2'],
  // "SUB-… terminate lah", "approve it ok": a Singlish particle after an order is no word of it.
  [/(?<=\b(?:terminate|cancel|close|renew|approve|reject|retry|resolve|release|remove)\w*)\s+(?:lah|leh|lor|ah|hor)\b/gi, ''],
  // "fast fwd 31 days", "ffwd the clock", "fwd it 2 weeks": forward spelt short.
  [/\bf{1,2}wd\b/gi, 'fast forward'],
  [/\b(?:fwd|fwrd|frwd|fw)\b(?=\s+(?:(?:the\s+)?clock|it|time|sim|\d+\s*(?:d|days?|wks?|weeks?|hrs?|hours?|mins?|minutes?|months?|mths?)\b|by\b|a\s+(?:day|week|month)))/gi, 'forward'],
  // (dev-y2) A supervisor's shorthand: "cncl ORD-…" / "cncl'd", "b4 it ships", "pls chk the line", "acct hist", "plan chg", "pls adv",
  // "term of SUB-…", "rel inv" (release the inventory).
  [/\b(?:cncl|cncel|canc|cxl)(?:'?d|ed)\b/gi, 'cancelled'],
  [/\b(?:cncl|cncel|cxl)\b/gi, 'cancel'],
  [/\bb4\b/gi, 'before'],
  [/\bchk\b/gi, 'check'],
  [/\bhist\b/gi, 'history'],
  [/\bacct\b/gi, 'account'],
  [/\bchg\b/gi, 'change'],
  [/\b(pls|please|kindly)\s+adv\b/gi, '$1 advise'],
  [/\bterm\s+of\b/gi, 'termination of'],
  [/\brel(?:ease)?\s+inv\b/gi, 'release inventory'],
  // (dev-y2) "in case it wasn't clear: yes, cancel ORD-…", "just to be clear," insist on the order; they hold it on nothing. "if the
  // customer confirms, which she just did, go ahead …": a condition said to be met already is the confirmation told.
  [/\b(?:in case (?:it (?:was|is)(?:n'?t| not) clear|you missed (?:it|that|my last)|there (?:was|is|'s) any doubt)|just to be clear|to be clear)\b[\s:,;.—–-]*/gi, ''],
  [/\b(?:if|once|when)\s+(?:the\s+)?(?:customer|cx|caller|client|she|he|they)\s+(?:confirms|agrees|approves|consents|signs|says yes|pays)\b\s*,?\s*(?:which|and)\s+(?:she|he|they|the customer|the caller|it)\s+(?:just\s+|already\s+|now\s+|has\s+|have\s+)*(?:did|has|have|done)\b[\s,;:—–-]*/gi, 'the customer confirmed, '],
  // (dev-y2) "can help me put CUST-… on PROMO_… or not": the Singlish "can help (me) …?" asks it done, as "can you please …?" does.
  [/(^\s*|[,;.!]\s*|\b(?:boss|bro|sis|lah)[\s,]+)can help(?:\s+me)?\s+(?=[a-z])/gim, '$1can you please '],
  // (dev-y2) "pls term SUB-…, reason cx requested": the customer's shorthand in a reason.
  [/(\breason\s*[:=-]?\s*)cx\b/gi, '$1customer'],
  // (dev-y2) An email's or a ticket's subject line typed as the ask: "Fwd: RE: …", "Subject: …" and a bracketed tag ("[REQ]", "[URGENT]",
  // "[QUERY]") are no words of it; "[FYI]" / "[INFO]" tell it for information, as "fyi:" does.
  [/^\s*(?:(?:re|fwd?|fw|subject|subj)\s*:\s*)+/i, ''],
  [/^\s*[[(]\s*(?:fyi|info|for info(?:rmation)?|nb|note)\s*[\])]\s*:?\s*/i, 'fyi: '],
  [/^\s*[[(]\s*(?:req|request|action|action required|urgent|asap|escalation|query|question|ask|todo|to do|task)\s*[\])]\s*:?\s*/i, ''],
  // "top 1gb", "top SUB-… 5gb": a top-up of an amount.
  [/\btop(?=\s+(?:(?:it|them|him|her|SUB-\S+)\s+)?\d+(?:\.\d+)?\s*(?:gb|gigs?|mb)\b)/gi, 'top up'],
];

/** "Good morning.", "Hi team,", "Dear colleagues,": a greeting that opens a message, no part of what it asks. */
const SALUTATION = /^\s*(?:(?:good\s+(?:morning|afternoon|evening|day)|hi|hello|hey|dear|greetings|morning|evening)\b(?:\s+(?:team|all|there|everyone|colleagues|folks|guys|[A-Z][a-z]+))?\s*[,.!:;-]+\s*)+/i;
/** "Thanks, Priya", "Kind regards, Ops", "Thank you in advance.": a sign-off that ends one. */
const SIGN_OFF = /(?:[.!?,]\s*|\s+)(?:(?:many\s+)?thanks(?:\s+(?:a lot|so much|in advance))?|thank\s+you(?:\s+(?:so much|in advance|very much))?|(?:kind|best|warm)?\s*regards|cheers|br)\b[\s,.!]*(?:[A-Z][\w-]*\s*)?[.!]*\s*$/i;

/** A record's 8-hex suffix typed bare ("4d7e2b90"): a digit and a letter in it, no prefix or dash before it. */
const BARE_HEX = /(?<![\w-])(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8}(?![\w-])/gi;
const HEX_RECORDS: ReadonlyArray<readonly [string, string]> = [['customer|cust|client|account', 'CUST'], ['case', 'CASE'], ['ticket|tkt', 'TKT']];

/**
 * "show 0a0b0c0d customer", "4d7e2b90 - what tickets does that customer have": a bare 8-hex suffix is the record the noun right
 * after it, or the one "that/this <noun>" points back at, names (one kind only; otherwise it stays as typed).
 */
function prefixBareHex(text: string): string {
  const hexes = text.match(BARE_HEX) ?? [];
  if (hexes.length !== 1) return text;
  const kinds = HEX_RECORDS.filter(([nouns]) => new RegExp(`${hexes[0]}\\s+(?:${nouns})\\b|\\b(?:that|this|the same|said)\\s+(?:${nouns})\\b`, 'i').test(text));
  return kinds.length === 1 ? text.replace(BARE_HEX, `${kinds[0][1]}-${hexes[0].toLowerCase()}`) : text;
}

/** "…? nah leave it", "… - actually no,", "scratch that": what was said before is taken back. */
const TAKEN_BACK = /^(.*?\S)(?:\s*[.,;?!-]+\s*|\s+)(?:nah|no wait|wait,? no|actually,? no|actually,? don'?t|scratch that|on second thought|forget (?:it|that)|hold on,? no)\b[\s,.!-]*(\S.*)$/is;

/**
 * "resolve the second one? nah leave it, just show it": an order the operator takes back in the same message is not asked; the
 * rest is, with the records the taken-back part typed or picked kept so "it" still has something to point at.
 */
function withoutWhatIsTakenBack(text: string): string {
  const corrected = valueCorrected(text);
  if (corrected !== undefined) return corrected;
  const takenBack = TAKEN_BACK.exec(text);
  const calledOff = takenBack ? null : CALLED_OFF.exec(text);
  const m = takenBack ?? calledOff ?? OTHER_ORDER_INSTEAD.exec(text);
  if (!m) return text;
  // (dev-x2) "terminate SUB-… — wait, no, don't, customer's calling back": what is left is only the refusal and its reason; nothing is
  // asked, and no record is read in its place.
  if (ONLY_REFUSED.test(m[2]) && !IMPERATIVE.test(m[2].replace(ONLY_REFUSED, '').replace(/^[\s,.;!—–-]+/, ''))) return 'never mind';
  // ("… — hang on, the donor just re-sent the docs, leave it": the reason may come before the refusal.)
  if (calledOff && !m[2].split(/[,;.!—–]\s*/).some((clause) => IMPERATIVE.test(clause.trim()) && !ONLY_REFUSED.test(clause))) return 'never mind';
  // (session 19) "pls reject PORT-…, name mismatch. wait no, customer is sending new docs": a take-back followed only by its reason, told
  // (no order, no question in any clause), leaves nothing asked. (Session 23: "…? nah, let's first look at the line", "first show me
  // what's left" order a look.)
  const clauses = m[2].split(/[,;.!—–\n]\s*/).map((clause) => clause.trim()).filter(Boolean);
  if (takenBack && clauses.length && !/\?/.test(m[2]) && clauses.every((clause) => !/\b[A-Z]{2,5}-\w/.test(clause) && !IMPERATIVE.test(clause.replace(/^(?:(?:so|then|and|but|just|pls|ok(?:ay)?|instead|first|let'?s(?:\s+first)?|lets(?:\s+first)?)\s+)+/i, '')) && !/^(?:what|which|who|whose|how|when|where|why|is|are|does|do|can|could|any)\b/i.test(clause))) return 'never mind';
  const records = m[1].match(/\b[A-Z]{2,5}-[0-9A-Za-z]+\b/g) ?? [];
  return records.length ? `${m[2]} (${[...new Set(records)].join(', ')})` : m[2];
}

/** (dev-x2) "reject PORT-… — hang on, the donor just re-sent the docs, leave it": a write held back by a refusal after "hang on"/"hold on". */
const CALLED_OFF = /^(.*?\S)(?:\s*[.,;?!—–-]+\s*|\s+)(?:hang on|hold on|wait)\b[\s,.!—–-]*((?:\S.*)?\b(?:leave (?:it|that|this)|don'?t|do not|hold off|not yet|never ?mind|forget (?:it|that))\b[^]*)$/is;
/** (dev-x2) "freeze the clock — no, advance it 2 days": a bare "no" after a dash or comma, then another order, replaces the first. */
const OTHER_ORDER_INSTEAD = /^(.*?\S)\s*[,;—–-]+\s*no\b[\s,]+((?:please\s+|just\s+)?(?:start|close|resolve|cancel|renew|give|top|add|credit|move|note|park|assign|take|show|pull|open|list|terminate|approve|reject|retry|rerun|ack|acknowledge|put|mark|reopen|resume|schedule|drop|remove|create|place|raise|check|get|log|transfer|freeze|unfreeze|advance|release|find|look)\b.*)$/is;
const ONLY_REFUSED = /^\s*(?:(?:no|please|pls|just)[\s,]+)*(?:don'?t(?:\s+do\s+(?:it|that))?|do not|leave (?:it|that|this)(?:\s+(?:for now|alone|as is))?|hold off|not yet|never ?mind|forget (?:it|that)|cancel that)\b[\s,.;!—–-]*/i;

/**
 * (dev-x2) "top up SUB-… with 1GB — sorry, 5GB", "cancel ORD-7001, no wait, ORD-7011", "assign … to AGT-0101... actually make that
 * AGT-0102", "move SUB-… to Max, sorry I mean Standard", "credit 300 MB …, correction: 300 minutes of voice", "list open tickets, I mean
 * open cases": a value put right after a mark of correction, with no verb of its own, replaces the earlier value of its kind (an id of
 * the same prefix, a number, an amount, a plan, a record noun); the order stays.
 */
const VALUE_CORRECTION = /^(.*?\S)(?:\s*(?:\.{2,}|…|[.,;!—–-])+\s*|\s+)(?:(?:oh|ah|um+|er+|wait)[\s,]+)?(?:sorry|oops|no,? wait|wait,? no|correction|actually|i mean[t]?|or rather|rather)\b[\s,:.!—–-]*(?:(?:i mean[t]?|make (?:that|it)|it'?s|it should be|should be|that should be|should have said|meant)\b[\s,:]*)?(\S.*)$/is;
const CORRECTED_KINDS: ReadonlyArray<(prefix?: string) => RegExp> = [
  () => /\b([A-Z]{2,5})-[0-9A-Za-z]+\b|\bPROMO_[A-Z0-9_]+\b/g,
  () => /(?<![\w-])(?:\+?65\s?)?[3689]\d{7}(?![\w-])/g,
  () => /\b\d+(?:\.\d+)?\s*(?:gb|gigs?|mb|megs?|min(?:ute)?s?|sms|texts?)\b(?:\s+of\s+(?:data|voice|calls?|sms|texts?|roaming(?:\s+data)?))?/gi,
  () => /\b(?:lite|standard|max|PLAN_[A-Z])\b/gi,
  () => /\b(?:(?:open|closed|pending|failed|stuck|active|completed|cancelled|resolved|in[\s-]progress)\s+)?(?:tickets?|cases?|orders?|ports?|port requests?|tasks?|customers?|lines?|promos?|promotions?)\b/gi,
  () => /\b\d+\s*(?:days?|d|hours?|hrs?|h|weeks?|wks?|minutes?|mins?)\b/gi,
];
function valueCorrected(text: string): string | undefined {
  const m = VALUE_CORRECTION.exec(text);
  if (!m) return undefined;
  const [, before, rest] = m;
  for (const kind of CORRECTED_KINDS) {
    const value = new RegExp(`^(?:the\\s+|to\\s+)?(?:${kind().source})`, 'i').exec(rest);
    if (!value) continue;
    // (session 19) "wait no, customer is sending new docs": a word that opens a clause of its own (a verb follows) is no value put right.
    if (/^\s*(?:is|was|are|were|has|had|have|says?|said|will|would|'s|just|already|still|wants?|asked|called)\b/i.test(rest.slice(value[0].length))) return undefined;
    const sameKind = (found: string) => (kind === CORRECTED_KINDS[0] ? found.replace(/[-_].*$/, '') === value[0].replace(/^(?:the|to)\s+/i, '').replace(/[-_].*$/, '') : true);
    const earlier = [...before.matchAll(kind())].filter((f) => sameKind(f[0])).pop();
    if (!earlier || earlier.index === undefined) return undefined;
    const after = rest.slice(value[0].length).replace(/^\s*(?:only|instead|please|pls|then)\b/i, '');
    return `${before.slice(0, earlier.index)}${value[0].replace(/^(?:the|to)\s+/i, '')}${before.slice(earlier.index + earlier[0].length)}${after}`.trim();
  }
  return undefined;
}

/** The operator's message with its shorthand spelled out and a greeting or sign-off set aside; ids and the rest as typed. */
export function spellOutOperatorShorthand(text: string): string {
  return spellOutShorthand(withoutWhatIsTakenBack(text.replace(CHAT_STAMP, '')));
}

/** (session 19) "[10:02] Ken: pls reject …", "[09:14, 07/12/2026] Priya: …": a chat export's time stamp and sender open each line. */
const CHAT_STAMP = /^[ \t]*\[\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:,\s*[\d/.-]+)?\][ \t]*(?:[^:\n\]]{1,30}:[ \t]*)?/gim;

/**
 * "I am Aisyah from the new batch", "my name's Raj, just joined the night shift", "this is Mei from billing ops", "new joiner
 * here": the operator introducing themselves, no part of what they ask (a message that is only that is a greeting).
 */
const INTRODUCTION = new RegExp(
  String.raw`^\s*(?:(?:my name(?:'s| is)|name'?s|(?<self>i am|i'm|im|this is)(?!\s+(?:not|just|trying|looking|checking|going|about|asking|here to|unable|having|getting|still|new to|on|off|in|at|the|a|an|so|very|really|sure|sorry|afraid)\b))\s+(?<name>[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?)(?<team>\s*,?\s*(?:(?:i'?m\s+|and\s+i'?m\s+)?(?:from|with|of|in|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:batch|team|shift|cohort|intake|group|class|dept|department|desk|squad|office|ops|operations|billing|support|training|care|helpdesk)|(?:i\s+)?(?:just\s+)?(?:joined|started)(?:\s+[\w-]+){0,4}|here))?` +
    String.raw`|(?:i am|i'm|im|i\s+just)\s+(?:the\s+|a\s+)?(?:new(?:\s+(?:here|joiner|hire|staff|agent|trainee|starter|guy|girl|one))?|(?:just\s+)?(?:joined|started)(?:\s+[\w-]+){0,4})|new\s+(?:joiner|hire|starter|trainee)s?\s+here` +
    // (session 19) "tier-2 here.", "night shift here,", "L1 billing here": the desk writing, no part of what it asks.
    String.raw`|(?:(?:tier|level)[\s-]?\d|t\d|l\d|(?:night|day|late|early|weekend)[\s-]shift|billing|support|noc|ops|helpdesk|care|retention|fraud|provisioning|backoffice|back office)(?:\s+(?:billing|support|ops|team|desk|agent|side))?\s+here)` +
    String.raw`(?:[\s,.!:;-]|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|[:;]-?[)D])*(?=$|[,.!;]|\s+(?:and|so|can|could|pls|please|how|what|where|which|who)\b)\s*,?\s*`,
  'iu',
);

/** The message without the writer's introduction; "I am done", "i'm good" (no capitalised name, no team) introduce no one. */
function withoutIntroduction(text: string): string {
  const m = INTRODUCTION.exec(text);
  if (!m) return text;
  const { self, name, team } = m.groups ?? {};
  if (self && name && !team && !/^[A-Z]/.test(name)) return text;
  return text.slice(m[0].length);
}

/** "For the trainees:", "FYI new joiners -", "Team,": who the operator is showing the step to, no part of what is asked. */
const AUDIENCE = /^\s*(?:(?:for|fyi|attn:?|to|and\s+for)\s+(?:the\s+|our\s+|all\s+(?:the\s+)?)?(?:new\s+)?(?:trainees?|joiners?|new joiners|newbies|juniors|batch|class|cohort|team|everyone|all|folks|guys|students|learners|hires)(?:\s+(?:here|watching|following along))?|(?:trainees|newbies|class|team|folks),?)\s*[:,–—-]\s*/i;

/** (session 13) "QA: …", "UAT - …", "regression: …", "FYI: …": the kind of work a message is for, headed before it; no part of what is asked. */
// (task H2) "Exercise 4: …", "Step 2: …", "Scenario: …", "Drill 3 - …": a trainer's numbered heading, no part of what is asked.
// (session 17) "spot check - …", "audit sample #14: …": a reviewer's heading too.
// (dev-x2) "next: TKT-…", "ok next one — ORD-…", "queue item 14: SUB-…": a back-office agent's place in a work queue, no part of what is asked.
const WORK_HEADING = /^\s*(?:(?:(?:ok(?:ay)?|right|and|so)[\s,]+)?next(?:\s+(?:one|item|up|case|ticket|in(?:\s+the)?\s+queue|on\s+(?:the|my)\s+list))?|(?:queue\s+)?item\s*#?\s*\d+|qa|uat|sit|e2e|test(?:ing)?|test run|regression|load test|perf(?:ormance)?(?: test)?|staging|sandbox|lab|ops|nb|fyi|heads[- ]up|reminder|urgent|asap|(?:exercise|ex|step|scenario|drill|practice|task|question|case study|role[- ]?play|roleplay|spot[- ]?check|sample|audit sample|qa check|review item)(?:\s*(?:#\s*)?\d+[a-z]?)?|q\s?\d+[a-z]?)\s*(?::|[–—-]\s|\.\s)\s*(?=\S)/i;

/** The verbs of the cockpit's writes, as a slip of one key may leave them ("cancle TKT-…", "aprove PORT-…", "termiante it"). */
const OPERATOR_VERBS = 'cancel approve reject terminate resolve renew assign acknowledge close retry release transfer adjust unfreeze freeze advance deduct reserve unassign exhaust remove'.split(' ');
/** What a misspelt verb must stand before to be taken as one: a record typed (with or without its dash) or a word pointing at one. */
const VERB_OBJECT = String.raw`(?=\s+(?:[A-Za-z]{2,5}[-\s]?[0-9A-Fa-f]{4,}\b|PROMO_|(?:it|that|this|the|her|his|their|them)\b))`;

/**
 * "pls cancle tkt-9f8e…", "aprove PORT-… now": a verb typed one keyboard slip (a swapped, dropped or neighbouring letter) away from
 * one of the cockpit's write verbs, right before the record it acts on, is that verb. An inflection ("closed", "renews") is not a slip.
 */
function correctVerbSlips(text: string): string {
  const corrected = (typed: string) => {
    const lower = typed.toLowerCase();
    // ("unfreez the clock": a verb that lost only its final "e" is that verb, not an inflection.)
    const clipped = OPERATOR_VERBS.find((verb) => /e$/.test(verb) && lower === verb.slice(0, -1));
    if (clipped) return clipped;
    if (OPERATOR_VERBS.some((verb) => lower.startsWith(verb.replace(/e$/, '')))) return typed;
    const verb = OPERATOR_VERBS.find((v) => Math.abs(v.length - lower.length) <= 1 && typoDistance(lower, v) <= 1);
    return verb ?? typed;
  };
  const beforeItsObject = text.replace(new RegExp(String.raw`(?<![\w-])([A-Za-z]{5,12})${VERB_OBJECT}`, 'g'), corrected);
  // (task H2) "ptk-0412 faild again, retyr": a verb ending the message after the record it acts on was typed is a verb too.
  return RECORD_TYPED_BEFORE.test(beforeItsObject) ? beforeItsObject.replace(/(?<=[,;:.!-]\s*|^\s*[A-Za-z]{2,5}[-\s]?[0-9A-Fa-f]{4,}\s+)([A-Za-z]{5,12})(?=\s*[.!]*\s*$)/, corrected) : beforeItsObject;
}
const RECORD_TYPED_BEFORE = /\b[A-Za-z]{2,5}-?[0-9A-Fa-f]{4,}\b.*[,;:.!-]?\s*[A-Za-z]{5,12}\s*[.!]*\s*$/;

/**
 * (dev-w2) "step 2 says 'check the current plans'. show me", "step 5: 'list the customer's lines'. same customer CUST-…": a step of the
 * operator's own checklist quoted and carried out, with no question of their own, is what they ask; its words are theirs. (Asked
 * about — "step 8 says 'retry it'. should I?" — it stays a quote, which orders nothing.)
 */
const PROCEDURE_STEP = /^\s*(?:(?:the\s+|my\s+|our\s+)?(?:checklist|runbook|run book|sop|procedure|playbook|guide|doc|test plan|script)(?:'s)?\s+)?step\s*#?\s*\d+[a-z]?\s*(?:(?:says?|reads?|states?)\s*:?\s*(?:to\s+)?|[:.)–—-]\s*)['‘"“](.+?)['’"”](?=\s*(?:[.,;:!—–-]|$))\s*[.,;:!—–-]?\s*/i;
/** The operator's own question: a question mark, advice asked ("should I", "can we"), or a clause opening with a question word. */
export const OWN_QUESTION = /\?|\b(?:should|shall|do|can)\s+(?:i|we)\b|(?:^|[.;!—–-]\s*)(?:which|what|who|when|where|why|how|is|are|did|does|was|has|have)\b/i;
function procedureStepTakenUp(text: string): string {
  const m = PROCEDURE_STEP.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length);
  return OWN_QUESTION.test(rest) ? text : `${m[1]}. ${rest}`.trim();
}

/**
 * (session 17) "add msisdn range prefix 8877, 100 numbers - approved in the capacity ticket": who approved the ask, noted after it,
 * is no part of it (it read the range as a listing of numbers already approved).
 */
const AUTHORITY_NOTED = /\s*(?:[,;]|\s[–—-])\s*(?:(?:already|all|this was|it'?s|its|was)\s+)?(?:approved|signed off|authori[sz]ed|okayed|ok'?d|cleared|sanctioned)\s+(?:in|by|per|via|under|on)\s+[^.;?!,]{2,40}[.!]*\s*$/i;

/**
 * (session 17) "move the clock forward 31d, want to watch the renewal fire on SUB-…": what the ask is for, to be watched after it,
 * is no ask of its own (it renewed the line).
 */
const WHAT_IT_IS_FOR_WATCHING = /\s*[,;]\s*(?:(?:i|we)\s+)?(?:wants?\s+to|wanna|need\s+to|so\s+(?:that\s+)?(?:i|we)\s+can|to|in\s+order\s+to)\s+(?:watch|see|observe|check|verify|test|confirm|make sure)\b[^.;!?]*[.!]*\s*$/i;

/**
 * (session 17) "Customer is asking what top-ups are available…", "customer wants to know how …": the
 * customer's question relayed is the operator's own (it listed customers). ("…if/whether …" is left to the rules that weigh it.)
 */
const CUSTOMER_ASKS = /^\s*(?:the\s+)?(?:customer|cust|cx|caller|client|subscriber)\s+(?:is\s+|was\s+)?(?:asking|asks|asked|wants to know|wanted to know|would like to know|wishes to know|wished to know|enquiring|inquiring|enquires|inquires)\s+(?:about\s+)?(?=(?:what|which|how|when|where|why)\b)/i;

function spellOutShorthand(text: string): string {
  // (session 13c) "Promo_spring10", "plan_l": a catalog id typed in any case is the upper-case id its readers' patterns take.
  // (task H2) "@AGT-LIM", "@bot": a chat mention's "@" before a record id is no part of it.
  // (dev-w2) `{"op":"reserve","sub":"SUB-…","qty":200}`: a JSON object typed is read as its action's words and its fields as key=value.
  const catalogIds = flattenJsonObjects(text).replace(/\b(?:plan|vas|promo|price)_[a-z0-9_]+\b/gi, (id) => id.toUpperCase()).replace(/(?<![\w.])@(?=[A-Za-z]{2,5}-\w)/g, '');
  const spelled = prefixBareHex(recordsPointedAtByNoun(bareSuffixesOfTypedIds(OPERATOR_SHORTHAND.reduce((said, [pattern, spelledOut]) => (typeof spelledOut === 'string' ? said.replace(pattern, spelledOut) : said.replace(pattern, spelledOut)), correctVerbSlips(catalogIds)))));
  // (session 16) "fyi:" / "heads-up:" headings keep their word: a message told for information only asks for nothing.
  const greeted = procedureStepTakenUp(spelled.replace(SALUTATION, '').replace(AUDIENCE, '').replace(CUSTOMER_ASKS, '')).replace(WORK_HEADING, (heading) => (/^\s*(?:fyi|heads)/i.test(heading) ? 'fyi ' : ''));
  const introduced = withoutIntroduction(greeted);
  const noted = introduced.replace(SIGN_OFF, '').replace(AUTHORITY_NOTED, '');
  const watched = noted.replace(WHAT_IT_IS_FOR_WATCHING, '');
  const asked = (watched.trim().split(/\s+/).length >= 3 ? watched : noted).trim();
  // A message that only greets and introduces its writer is a greeting.
  if (!asked && introduced !== greeted) return 'hello';
  return asked ? asked : spelled;
}

/** "ticket on CASE-… prov stuck", "tkt for CASE-…: outage in Bedok": a message opening with a ticket on a case and what it is about orders one. */
export const TERSE_TICKET = /^\s*(?:new\s+)?ticket\s+(?:(?:on|for|under|against|re)\s+)?CASE-[0-9a-z]+\b\s*[,:;-]?\s*[a-z][^?]*$/i;

const SINGULAR_RECORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:customer|cust|client|subscriber|account)$/i, 'CUST'],
  [/^case$/i, 'CASE'],
  [/^(?:ticket|tkt)$/i, 'TKT'],
  [/^order$/i, 'ORD'],
  [/^(?:line|subscription|sub)$/i, 'SUB'],
];
/**
 * "show customer", "pull up the case", "customer tickets?": a bare request about one record of a kind, or about what hangs off
 * it, with nothing else said. Without an id typed or such a record in focus there is nothing to act on: the operator is asked
 * which, rather than shown every record of the kind.
 */
const BARE_RECORD = /^\s*(?:(?:pls|please|can you|could you|ok(?:ay)?|and|so|now)[\s,]+)*(?:(?:show|pull(?: up)?|bring up|get|see|view|check|display|give|look up|find)\s+(?:me\s+|us\s+)?)?(?:the\s+|this\s+|that\s+|his\s+|her\s+|their\s+)?([a-z]+)(?:'?s)?(?:\s+(?:details?|info|record|profile|tickets|cases|orders|lines|subscriptions|cards|payments|charges|history))?(?:[\s,]+(?:pls|please|now))?\s*[?.!]*\s*$/i;

const LISTING_OF: Readonly<Record<string, string>> = {
  tickets: 'ticket.list',
  cases: 'case.list',
  orders: 'order.list',
  lines: 'subscription.list',
  subscriptions: 'subscription.list',
  cards: 'payment.list_methods',
  payments: 'payment.list_attempts',
  charges: 'payment.list_attempts',
};

/**
 * The kind (id prefix) of the one record a bare request is about ("show customer" → CUST), and the listing of what hangs off it
 * when that is asked ("customer tickets?" → ticket.list); undefined for anything more.
 */
export function bareRecordAsked(text: string): { tag: string; listing?: string } | undefined {
  const m = BARE_RECORD.exec(text);
  const tag = m ? SINGULAR_RECORDS.find(([pattern]) => pattern.test(m[1]))?.[1] : undefined;
  const of = m?.[0].match(/\b(tickets|cases|orders|lines|subscriptions|cards|payments|charges)\b/i)?.[1].toLowerCase();
  return tag ? { tag, listing: of ? LISTING_OF[of] : undefined } : undefined;
}

/**
 * "She would like us to add a 5GB top-up to SUB-…", "his daughter has asked us to end the line", "at the customer's request":
 * in the cockpit the customer's wish, relayed to us, is the request (a customer's "my wife wants Max" is not theirs).
 */
export const RELAYED_REQUEST = /\b(?:would like|'d like|wants?|wanted|has asked|have asked|asked|requested|requests|is asking|are asking|instructed)\s+(?:us|you|me|for us)\s+to\b|\b(?:requests?|requested|asks?|asked|wants?|insists?)\s+that\s+(?:we|you)\b|\b(?:at|per|on) (?:the )?(?:customer'?s?|client'?s?|family'?s?|subscriber'?s?|account holder'?s?|their|his|her) (?:request|instructions?)\b/i;

/** "he may terminate…", "the customer might cancel…", "she is thinking of moving to Max": a write told as a possibility. */
/** "but wait for the manager", "hold on that until the TL signs off", "not yet": the write is to wait. */
// (session 13) "close it? customer hasn't confirmed yet": a consent or answer not yet given is a wait too.
// (dev-x2) "…, leave it for now", "… — hold off": the wait may open a clause after a comma or dash, too.
const WAIT_SAID = /(?:^|[,—–]\s*|\s-\s+)\s*(?:(?:but|and|pls|please|just|ok(?:ay)?)\s+)*(?:wait|hold (?:on|off|it|fire)|(?:(?:is|put|kept|placed|now)\s+)?on hold\s+(?=(?:per|by|until|till|pending|for now|as per)\b)|don'?t do it yet|not yet|not now|leave (?:it|that|this|them)(?=\s+(?:for now|as (?:it )?is|alone|be)\b|\s*$))\b|\b(?:wait (?:for|until|till|on) (?:the |my |a |our )?(?:manager|supervisor|lead|tl|team lead|approval|sign-?off|go-?ahead|confirmation|ok|green light)|pending (?:approval|sign-?off|the manager'?s? (?:ok|approval))|until (?:it'?s |it is )?(?:approved|signed off)|until (?:the |my )?(?:manager|supervisor|lead|tl) (?:says|approves|signs|confirms|ok)|let (?:the|my|our|her|his|their) (?:\w+\s+)?(?:engineer|tech|technician|manager|supervisor|lead|tl|team|customer|client|field team|network team|noc) (?:confirm|check|verify|decide|sign off|approve|test|look)|(?:customer|client|she|he|they|the (?:customer|client|manager|supervisor|donor|family))\s+(?:has ?n'?t|has not|have ?n'?t|have not|did ?n'?t|did not|is not|isn'?t)\s+(?:yet\s+(?:confirmed|agreed|approved|signed|replied|responded|called back|come back|consented|decided)|(?:confirmed|agreed|approved|signed|replied|responded|called back|come back|consented|decided)\s+(?:(?:it|that|this|anything)\s+)?yet))\b/i;
// (session 13) "renewing SUB-… would fail anyway, card expired": a write spoken of as what would happen is no request.
// (session 13c) "might have to cancel ORD-… later": a hedge opening the sentence, its subject left out.
// (session 19) "could we maybe push SUB-… to Lite", "can you perhaps renew it": a softener inside a polite request is no hedge.
const HEDGE = /^\s*(?:(?:so|well|hmm+|ok(?:ay)?|and|but)[\s,]+)*(?:may|might|could)\s+(?:have to|need to|want to|end up|be (?:worth|best))\b|\b(?:(?:renew|clos|approv|reject|terminat|cancel+|resolv|assign|credit|remov|releas|deduct|retr|reopen|activat|suspend|refund|port)\w*ing\s+(?:[A-Z]{2,5}-\w+|it|that|this|her|his|them)\s+(?:now\s+|today\s+)?(?:would|will|might|could|may|won'?t|wouldn'?t|is going to|isn'?t going to|is gonna)\b|(?:he|she|they|the customer|customer|the client|client|i|we|the family|(?:my|our|the)\s+(?:supervisor|manager|boss|lead|team lead|tl|colleague|teammate|senior))\s+(?:[\w'-]+\s+){0,3}?(?:may|might|could|would)(?!\s+(?:like|you|want us|ask|need|appreciate|be (?:grateful|thankful|obliged|glad|happy)))|(?:is|are|am|was|were)\s+(?:thinking|considering|planning|contemplating)|thinking (?:of|about)|considering|plans? to|planning to|(?<!\b(?:can|could|would|will)\s+(?:you|u|we)\s+)(?:maybe|perhaps|possibly)|someday|eventually)\b/i;
/** "if the signal does not improve, terminate…", "renew it if not": a write made to wait on something not yet known. */
// "please advise whether SUB-… can be downgraded" asks an open question; "I would appreciate it if … could be reassigned" is a
// polite request, no condition.
// "wait for the customer's confirmation before renewing SUB-…", "once she confirms, approve it": a write put after something awaited.
// ("close TKT-… before leaving today" is a time: only a write's own verb after "before" is put off.)
/** "if the payment fails, reject it", "unless it's more than 40", "before renewing": a write made to wait on a condition. */
// (session 14) "remove PM-… only after adding the new card": a step that must come first puts the write after it.
// (h3) "…if it is no trouble", "if that's not too much bother": politeness after a request puts no condition on it.
// (dev-w3) "should the port-in not validate by Friday, reject it", "should my bill go over 40, I'd downgrade": a condition said by an
// inverted "should"/"were I to", or put off until the speaker moves ("cancel this number when I move overseas", "top up when I run out"; not a purpose's time: "…so I can book a grab when I land");
// "dunno if it's smart but downgrade me", "not sure whether…": an embedded question is no condition.
const CONDITION_SAID = /(?<!\b(?:tell|let|notify|inform|update|ping|text|message|email|call)\s+(?:me|us|her|him|them)(?:\s+know)?\s+)\b(?:after|while|when|whilst)\s+(?:it|she|he|they|the\s+(?:\w+\s+)?\w+|its\s+\w+)\s*(?:'s|is|are|has|was|were|gets?|got)\s+(?:been\s+|still\s+|already\s+)?\w+(?:ed|ing|ne)\b|\bbefore\s+(?:you\s+|we\s+|i\s+)?(?:renew|clos|approv|reject|terminat|cancel+|resolv|assign|credit|topp|port|mov|chang|releas|deduct|retry|rerunn|reopen|activat|suspend|refund)ing\b|\bonce\s+(?:the|she|he|they|we|it|customer|cust|you|i|her|his|their|(?:my|our|your)(?!\s+(?:current\s+|present\s+)?(?:cycle|billing|month|contract|renewal|subscription|plan)\b))\b|\bnot (?:before|until|till) (?:then|that)\b|\bonly\s+(?:after|when)\b|(?<!\b(?:so|so that|in order to|able to|can|could)\s[^.,;!?]{0,50})\b(?:when|as soon as)\s+(?:i|we)(?:'m|\s+am|\s+are|'re)?\s+(?:move|moving|leave|leaving|go|going|get|getting|arrive|arriving|return|returning|come back|coming back|fly|flying|travel|travell?ing|relocate|relocating|land|landing|finish|finishing|run out|running out)\b|(?:^|[.;!?]\s*)should\s+(?:my|the|it|this|that|she|he|they|we|i|you|your|our|her|his|their|any)\b[^?.;!]*?,|^\s*(?:were|had)\s+(?:i|we|she|he|they)\s+to\b|\bafter\s+(?:you\s+|we\s+|i\s+)?(?:add|verif|check|confirm|receiv|get|hear|speak|talk|clear|sort|fix|resolv|settl|pay)\w*ing\b|(?<!\b(?:appreciate(?: it)?|grateful|thankful|obliged|glad|happy|pleased)\s+)(?<!\b(?:dunno|idk|(?:not|un) ?sure|(?:don'?t|do not|dont) know|wonder(?:ing)?)\s+)\b(?:if|whether|unless|in case(?![\s-]*#?(?=[0-9a-f]*[a-f])[0-9a-f]{8}\b)(?!-)|provided|otherwise)\b(?!\s+(?:possible|you can(?!'?t|not)|you could(?!n'?t| not)|you would(?!n'?t| not)|you don'?t mind|that'?s (?:ok|okay|alright|fine)|it'?s (?:ok|okay|alright|fine)|(?:it'?s|it is|that'?s|that is|it'?s not|it is not)\s+(?:no|not|not too much|too much|any|not any)?\s*(?:trouble|bother|problem)|(?:it'?s|it is|that'?s|that is)\s+(?:convenient|no hassle)|ok|okay|so)\b)/i;
/** (session 15) "the customer wants to terminate but hasn't confirmed", "pending her approval": a write still waiting on someone's yes. */
// (dev-x2) "…but is checking with her husband first", "she wants to talk it over with her son": a decision still being talked over.
const CONFIRMATION_AWAITED = /\b(?:checking|consulting|conferring)\s+with\b|\b(?:talk|talking|discuss|discussing|run|running|think|thinking)\s+it\s+(?:over\s+)?(?:with|by|past)\b|\b(?:has ?n'?t|hasnt|has not|have ?n'?t|havent|have not|did ?n'?t|didnt|did not|not yet|yet to)\s+(?:\w+\s+)?(?:confirm|decid|agree|sign|approv|consent|check|verif|test|review)\w*\b|\bpending (?:\w+\s+)?(?:confirmation|approval|consent|decision|go-?ahead|signature|sign-?off|authori[sz]ation|paperwork|documents?|review)\b|\bstill (?:deciding|thinking(?: about it| it over)?|unsure|not sure)\b|\b(?:need|needs|have|has|got) to (?:verify|confirm|check|make sure)\s+(?:(?:that\s+)?(?:it'?s|it is|that'?s|that is)\s+(?:really|actually|genuinely)\b|(?:his|her|their|the (?:customer'?s?|caller'?s?))\s+(?:id|identity)\b)|\bpending (?:\w+\s+)?verification\b|\bwaiting (?:for|on) (?:(?:the|my|our|her|his|their)\s+)?(?:\w+'s\s+)?(?:call|word|answer|reply|ok|okay|approval|confirmation|go-?ahead|green light|sign-?off)\b/i;
export const CONDITION = new RegExp(`${CONDITION_SAID.source}|${CONFIRMATION_AWAITED.source}`, 'i');

/**
 * "cancel ORD-… if it has not started yet", "provided it hasn't begun", "unless it is already in progress": a condition on the
 * record's own state, which the tool itself checks (a started order refuses to be cancelled), waits on nothing.
 */
// "number 8123… if it's free", "if that number is still available": whether a number can be had is the tool's check too.
const RECORDS_OWN_STATE = /\b(?:if|unless|provided(?: that)?|as long as|so long as)\s+(?:it|the order|the ticket|the case|the task|the port(?: request)?|that|this|the request|the change|(?:the|that|this) (?:number|msisdn|no\.?))?\s*(?:has|hasn'?t|has not|have not|is|isn'?t|is not|was|wasn'?t|'s|'s not|did not|didn'?t)?\s*(?:not\s+|n'?t\s+)?(?:yet\s+|already\s+|still\s+)?(?:be(?:en)?\s+)?(?:started|start|begun|begin|began|in progress|processed|shipped|dispatched|pending|open|running|completed|complete|done|submitted|underway|under way|kicked off|gone through|fulfilled|provisioned|executed|free|available|avail|not taken|untaken|unused|unassigned|in stock|in the pool|up for grabs)\b(?:\s+(?:yet|already))?/gi;

/**
 * Whether a write is told as a possibility or made to wait on a condition in every sentence that speaks of its record (of the
 * whole message when it types none): such a write is not asked for now. "The customer is considering leaving. For now please
 * add 1GB to SUB-…" still asks for the top-up.
 */
export function writeNotAskedForNow(text: string, recordIds: readonly string[]): boolean {
  const sentences = text.split(/[.;!?]+\s+|,\s*but\s+/).filter((s) => s.trim());
  // A sentence that is only the record's id ("…might want it cancelled; ORD-4411.") says nothing of the write: the rest is judged.
  const saysMore = (s: string) => recordIds.reduce((rest, id) => rest.toLowerCase().split(id.toLowerCase()).join(' '), s).replace(/[^a-z]/gi, '').length > 0;
  const meaningful = recordIds.length ? sentences.filter(saysMore) : sentences;
  const aboutIt = meaningful.filter((s) => !recordIds.length || recordIds.some((id) => s.toLowerCase().includes(id.toLowerCase())));
  const judged = aboutIt.length ? aboutIt : meaningful;
  // "TKT-…: customer says cancel it, but wait for the manager": a wait said anywhere puts the write off.
  if (meaningful.some((sentence) => WAIT_SAID.test(sentence))) return true;
  return judged.length > 0 && judged.every((sentence) => HEDGE.test(sentence) || CONDITION.test(sentence.replace(RECORDS_OWN_STATE, ' ')) || owedNotOrdered(sentence));
}

/** (task H2) "@Kumar you were supposed to close TKT-… yesterday", "she should have renewed it": a write someone owed, told or reproached. */
const OWED_WRITE = /\b(?:(?:was|were|is|are|am)\s+(?:supposed|meant|due)\s+to|should(?:'ve|\s+have)|ought\s+to\s+have|(?:was|were)\s+going\s+to)\b/i;
/** "…was supposed to be closed yesterday, close it now": an order in a clause after it still orders. */
const ORDERED_AFTER = /[,;:–—-]\s*(?:(?:so|then|and|now|pls|please|just|can you|could you|kindly)\s+)*(?:renew|close|approve|reject|terminate|cancel|resolve|assign|credit|remove|release|deduct|retry|rerun|reopen|activate|suspend|do|ack|start|move|put|give|hand|pass|open|add|finish|sort|action)\b/i;
function owedNotOrdered(sentence: string): boolean {
  const m = OWED_WRITE.exec(sentence);
  return !!m && !ORDERED_AFTER.test(sentence.slice(m.index));
}

/** "Can you tell me how many…", "I would like to know whether…": the preamble of a question asked indirectly. */
const QUESTION_PREAMBLE = /\b(?:(?:can|could|would|will) you (?:please |kindly )?)?(?:tell (?:me|us)|let (?:me|us) know|advise|confirm|(?:i|we) (?:would|'d) like to know|(?:i|we) (?:need|want|wish) to know|i'?m wondering|i was wondering|do you know)\s+(?=(?:how|what|which|when|who|whether|if|where|why)\b)/gi;
/** "I would like to see…", "may I see…": a request to be shown. */
const WISH_TO_SEE = /\b(?:(?:i|we) (?:would|'d) like to|(?:i|we) (?:want|wish|need) to|may (?:i|we)|can (?:i|we)|could (?:i|we)|let (?:me|us)) (?:see|view|have a look at|look at|get a look at)\b/gi;
const NOW_FILLER = /\b(?:at the moment|at present|currently|right now|as of now|as things stand)\b/gi;

/**
 * What the intent classifier is given for an operator's long, formal request: the question inside "can you tell me …", "show"
 * for "I would like to see", without "at the moment" or "all of the". The word rules still read the message as typed.
 */
/** (session 20) "please show me CASE-… so I can pick it up": what the operator will do after the read they order is no part of the ask. */
const READ_THEN_OWN_PURPOSE = /(\b(?:show|pull(?:\s+up)?|bring\s+up|check|look\s+up|display|fetch|view|open\s+up|get)\b[^.;!?\n]*?)\s*,?\s*\bso\s+(?:that\s+)?(?:i|we)\s+can\s+[^.;!?\n]*/gi;
export function plainOperatorRequest(text: string): string {
  const plain = text.replace(READ_THEN_OWN_PURPOSE, '$1').replace(QUESTION_PREAMBLE, '').replace(WISH_TO_SEE, 'show').replace(NOW_FILLER, ' ').replace(/\ball of the\b/gi, 'all the').replace(/\s{2,}/g, ' ').trim();
  return plain || text;
}

