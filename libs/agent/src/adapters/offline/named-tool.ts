import { NUMBER_WORDS, type Entity } from './entities';
import { accepts, argumentNeed, labelledArgument, labelledValues, requiredArguments, type BoundTool, type JsonSchema } from './tool-arguments';
import { allowanceAmount, COLLEAGUE_WHO_DID_IT, CUSTOMER_WHO_DID_IT, DONE_BY_SOMEONE, NOTES_READ, NOT_YET, OPINION_OF_WHAT_TO_DO, ORDERING_CLAUSE, orderAfterBut, PAST_FORM, WRITE_ASKED_ABOUT, writeOnlyToldAsDone } from './operator-reading';

/**
 * The registry has more operator tools than the intent classifier has intents ("approve PORT-…", "retry PTK-…",
 * "trace ORD-…", "fast forward the clock 3 days"). A tool is named by the words of its own dotted name, as
 * operators say them: each name word with the other words people use for it. Nothing here is trained; a tool
 * added to the registry is routed as soon as its name words are said.
 */
/** "bring 9… over from StarHub", "keep her old number 9… over from M1": a number brought from another operator is a port-in. */
const NUMBER_BROUGHT_OVER = String.raw`(?:bring|brings|bringing|move|moving|transfer\w*|keep|keeps|keeping|carry|carries|carrying)\s+(?:(?:the|their|his|her|my)\s+)?(?:(?:old|previous|former|existing|current|original|own)\s+)?(?:(?:mobile|phone|cell|hp)\s+)?(?:number\s+|no\.?\s+)?\+?\d{8,}\s+(?:over|across)\s+from\b`;
/** (session 13) "number 9… coming from Singtel onto SUB-…", "9… is moving over from M1": a number said to come from another operator. */
const NUMBER_COMING_FROM = String.raw`\+?\d{8,}\s+(?:is\s+|will\s+be\s+|being\s+)?(?:coming|come|moving|switching|transferring|brought)\s+(?:(?:over|across|in)\s+)?from\b`;
/** "port-in request: 9…", "port out req – number 9…": a port request headed by its kind, with the number after it. */
const PORT_REQUEST_HEADED = String.raw`port\x2d?\s*(?:in|out)(?:\s+(?:request|req|order|application))?\s*(?::|\u2013|\u2014|\s\x2d)\s*(?:(?:number|no\.?|msisdn)\s+)?(?=\+?\d{8})`;
/**
 * (task H7) "approval of PORT-…, documents verified", "closure of CASE-… with code X", "acknowledgement of TKT-… required": an
 * order said in nominal style, the action's noun heading its clause and the record after "of"/"for". Only so placed: "the
 * approval date of PORT-…" or "when is the renewal of SUB-…" read, they order nothing.
 */
const nominal = (noun: string) => String.raw`(?<=(?:^|[.;:!?]|\b(?:pls|please|kindly|requesting|request|need|needed)\b)\s*(?:the\s+)?)${noun}\s+(?:of|for|on)\s+(?:(?:the|this|that|ticket|tkt|case|order|port|request)\s+){0,2}(?=[A-Za-z]{2,5}-\w*\d)`;
const SAID_AS: Readonly<Record<string, readonly string[]>> = {
  // ("bring her old number 9… over from M1" says the port as much as "port" does: "Customer on SUB-…" names no customer tool.)
  port: ['port', NUMBER_BROUGHT_OVER, NUMBER_COMING_FROM],
  // "good to go", "sign off PORT-…", "docs check out": a request let through.
  approve: ['approve', 'approved', nominal('approval'), 'accept', 'greenlight', 'allow', 'good to go', 'sign\\W*off', '(?:docs?|documents?|papers?|paperwork|id|everything|all)\\s+(?:check|checks|checked)\\s+out', '(?:push|put|let|wave|send|get)\\b.{0,20}?\\bthrough'],
  // "say no to PORT-…", "knock it back", "bounce it": a request refused.
  reject: ['reject', nominal('rejection'), 'decline', 'refuse', 'turn down', 'deny', 'say no', 'knock\\b.{0,20}?\\bback', 'bounce'],
  retry: ['retry', 'rerun', 're-run', 'try again', '(?:try|run|send|push|fire|put)\\b.{0,24}\\bagain', 'redo', 'restart', 'kick', 'another (?:go|run|attempt|shot|try)'],
  // (session 14) "TKT-…: I've seen it, it's with me now": a ticket seen and taken as one's own is acknowledged.
  ack: ['ack', nominal('acknowledge?ment'), 'acknowledge', 'acknowledged', "(?:i'?ve|i have|ive)\\s+seen\\s+(?:it|this|that)", "(?:it'?s|its|is)\\s+with\\s+me"],
  // "picking up TKT-… now", "I'm on TKT-…": work begun on a ticket.
  start: ['start', 'start work', 'begin', 'work on', 'working on', 'pick\\b.{0,24}\\bup', 'picking up', "(?:i'?m|im|i am) on", 'tackl'],
  // "wrap up CASE-…", "sign it off": the words for finishing a record.
  // (session 13b) "stopped trading, wind up PTY-…": a business wound up is closed.
  close: ['close', nominal('closure'), 'closed', 'close out', 'shut', 'wrap\\b.{0,20}?\\bup', 'finali[sz]e', 'wind up'],
  // "how ORD-… travelled through each system", "the hops it went through", "where in the stack it stopped": an order's way through the systems.
  // ("walk me through where it got stuck across the systems": where along the systems, asked of the order.)
  trace: ['trace', 'tracing', 'end to end', 'journey', 'follow', 'whole flow', '(?:travel{1,2}|pass|mov|go|went|flow)\\w*\\s+(?:through|across|thru)\\s+(?:each|every|all|the)\\b', '(?:each|every|all the|which|what)\\s+(?:systems?|hops?|stages?|components?)', 'hop by hop', 'step by step', '(?:across|through|thru|along|in)\\s+(?:the|our|all the|each of the)\\s+(?:systems|stack|chain|pipeline|layers)\\b'],
  // "event log for ORD-…", "events on CASE-…", "activity history of TKT-…": the domain event log is the audit trail.
  // (session 13) "who renewed SUB-…", "who approved PORT-…": who did a write on a record is its audit trail.
  // (session 13c) "who asked for SUB-… to be terminated", "who has viewed or changed the record", "I did not approve PORT-… — who
  // did?": who wanted, saw or did a write on a record is its audit trail too.
  audit: ['who\\s+(?:asked|requested|wanted|ordered|authori[sz]ed|instructed)\\s+(?:for\\s+|us\\s+to\\s+)?(?:[\\w-]+\\s+){0,3}?(?:to\\s+be\\s+|be\\s+)?(?:renew|clos|cancel|terminat|end|cut|approv|reject|resolv|assign|credit|remov|releas|deduct|chang|mov|switch)\\w*', 'who\\s+(?:has\\s+|had\\s+)?(?:viewed|accessed|seen|looked at|opened|read)\\s+(?:or|and|and/or)\\s+(?:changed|modified|edited|updated|touched)', '\\b(?:did(?:n\'?t| not)|never)\\s+(?:\\w+\\s+)?(?:renew|clos|cancel|terminat|approv|reject|resolv|assign|credit|remov|releas|deduct)\\w*\\b[^?]{0,60}\\bwho\\s+(?:did|has|had|else)\\b', 'audit', 'audit trail', 'event log', 'event logs', 'events?\\s+(?:(?:logged|recorded|raised|emitted)\\s+)?(?:for|on|of|against|behind)', 'event history', 'activity (?:log|history|trail)', '\\w+(?:created|opened|closed|changed|renewed|cancell?ed|approved|rejected|assigned|resolved|added|removed|completed|failed|suspended|scheduled|attested|transferred|adjusted|reserved|released|deducted|terminated|updated|placed)\\s+events?', '(?:event|change|paper)\\s+trail', 'domain events', 'who changed', 'change log', 'changelog', 'change history', 'history of changes', 'who\\b.{0,20}\\b(?:modif\\w*|edit\\w*|alter\\w*|touch\\w*|made (?:the |any |those |these )?changes?)', '\\bwho\\s+(?:(?:actually|already|just|last)\\s+)?(?:renewed|closed|cancell?ed|terminated|approved|rejected|resolved|re-?assigned|assigned|acked|acknowledged|removed|deleted|adjusted|credited|comped|released|unassigned|exhausted|retried|placed|raised|submitted|booked|created|opened)\\b'],
  // "what CFS/RFS sits behind SUB-…", "the resource-facing services of the line": the service tree is its services.
  service: ['services', 'service', 'provisioned', 'cfss?', 'rfss?', 'customer facing', 'resource facing', 'service tree'],
  // "the download code again", "matching id and SM-DP+ address": what a phone needs to download the profile.
  activation: ['activation', 'activation code', 'lpa', 'qr', 'download code', 'download string', 'install code', 'matching id', 'sm-?dp', 'smdp'],
  // ("roll the clock on by a fortnight", "move time on a week": a clock moved on is advanced. "go ahead" is an assent to some other
  // act, never the clock: "cust says 'Max from next month' - go ahead on that line".)
  advance: ['advance', 'fast forward', 'forward', '(?<!\\b(?:go|goes|going|went|gone)\\s+)ahead', 'skip', 'jump', '(?:roll|move|wind|push|put)\\b.{0,25}?\\b(?:clock|time)\\s+on\\b', '(?:roll|move|wind)\\s+time\\s+on\\b', '(?:wind|roll|move|push|jump|skip)\\s+(?:the\\s+)?sim(?:ulator|ulation)?\\s+(?:forward|ahead|on)\\b'],
  // ("pin the BSS clock where it is", "lock the billing clock", "keep the system time as it is": the clock named by any qualifier.)
  freeze: ['freeze', 'pause', 'stop the clock', '(?:stop|halt|hold|pin|lock|nail)\\s+(?:the\\s+|our\\s+)?(?:(?:sim(?:ulator|ulated|ulation)?|bss|billing|system|server|platform|test|uat|qa|staging|sandbox|lab|env|environment|virtual|mock|fake)\\W?s?\\s+){0,2}(?:clock|time)\\b(?!\\s+(?:running|ticking|going|moving|flowing))', '(?:keep|leave)\\s+(?:the\\s+|our\\s+)?(?:(?:sim(?:ulator|ulated|ulation)?|bss|billing|system|server|platform|test|uat|qa|staging|sandbox|lab|env|environment|virtual|mock|fake)\\W?s?\\s+){0,2}(?:clock|time)\\s+(?:where|as)\\s+it\\s+is', '(?:clock|time)\\s+(?:stays?|staying)\\s+(?:put|still|where it is|as it is)'],
  // "let the clock run again", "get time ticking again": a frozen clock let go.
  unfreeze: ['unfreeze', 'unpause', 'thaw', 'restart the clock', 'let (?:the )?(?:clock|time) (?:run|tick|go|move)', '(?:clock|time)\\b.{0,16}?\\b(?:run|tick|go|mov|flow|start|roll)\\w*\\s+(?:normally\\s+)?again', '(?:clock|time)\\b.{0,16}?\\b(?:run|tick|go|mov|flow)\\w*\\s+normally', 'let (?:the )?(?:clock|time) (?:flow|roll|start)', '(?:resume|restart|start)\\s+(?:the\\s+)?(?:sim(?:ulator)?\\W?s?\\s+)?(?:clock|time)'],
  // "make PM-… the main card": the card charged first.
  // ("the card we charge first", "bill PM-… first": the card charged first is the default.)
  default: ['default', 'primary', 'main', 'preferred', '(?:charge|charged|bill|billed|tr(?:y|ied))\\s+(?:\\w+\\s+)?first\\b'],
  // "stop PROMO_… for new orders, budget's gone", "pull the plug on PROMO_…", "no more sign-ups on PROMO_…": a promotion ended for
  // new orders is exhausted (it needs the promotion typed, so these words name nothing else).
  exhaust: ['exhaust', 'exhausted', 'use up', 'used up', 'stop', 'end', 'discontinue', 'deactivate', 'disable', 'retire', 'expire', 'withdraw', 'wind down', 'finish', 'halt', 'close', 'shut', 'kill', 'cap', 'switch\\b.{0,30}?\\boff', 'turn\\b.{0,30}?\\boff', 'pull the plug', 'no (?:more )?new (?:orders|sign[- ]?ups|customers|redemptions|takers)', 'no more (?:orders|sign[- ]?ups|redemptions)', 'budget\\W*(?:s|is|has)?\\s*(?:gone|spent|used|blown|run out|ran out|finished|exhausted|maxed|over|done)', '(?:ran|run|running) out', 'maxed out', 'sold out'],
  // "hold 500 MB on SUB-… for the session", "set aside 30 min of voice", "ring-fence 1GB": a quantity held for online charging.
  // ("deduct that from the hold", "release the hold": the hold named as a noun is the reservation made, no new one.)
  reserve: ['reserve', '(?<!\\bon\\s)(?<!\\b(?:the|that|this|its|her|his|their)\\s)hold(?!\\s+(?:off|on)\\b)', 'hold back', 'earmark', 'ring[- ]?fence', 'set aside', 'put aside', 'block off'],
  // "release RSV-…, session dropped", "free up the hold RSV-…", "let RSV-… go": a balance reservation given back to its bucket.
  release: ['release', 'free', 'free up', 'let\\b.{0,30}?\\bgo', 'hand\\b.{0,30}?\\bback', 'unreserve', 'unhold', 'drop', 'cancel', 'void', 'undo', 'give\\b.{0,30}?\\bback', 'return', 'unlock'],
  // "deduct 300 MB from RSV-…", "charge the session's 120 MB against RSV-…", "settle RSV-…": what a session used, taken from its hold.
  // (Not "take": "I'll take it from here" right after a hold deducts nothing.)
  // ("take 120 MB off RSV-…", "take 80 MB off the hold": an amount taken off a hold, typed or named as one; a promotion's "take …
  // off" is never this.)
  deduct: ['deduct', 'debit', 'charge', 'consume', 'settle', 'capture', 'bill', 'burn', 'subtract', 'draw down', 'take\\b.{0,30}?\\b(?:off|out of|from)\\s+(?:(?:the|that|this)\\s+)?(?:(?:hold|reservation)\\b|RSV)'],
  // "is 8111… still free to give out?", "blank eSIMs on the shelf": what is in stock, not yet anyone's.
  // ("is 8123… taken", "is that number in use", a bare "8877… available?": whether a number is anyone's yet, asked of the stock.)
  // ((session 20) "is 91234567 number available for him?": the noun after the number, and whom it is for, too.)
  // ("status of number 8888…", "what state is 8888… in": a bare number's state is its place in the stock, not a customer's line.)
  inventory: ['inventory', 'pool', 'stock', 'quarantine', '(?:taken|in use|allocated|occupied|spoken for)(?=\\s*[?.!]*\\s*$)', '(?<=(?:\\b(?:is|are|if|whether)\\s+|^\\s*)(?:(?:(?:number|msisdn|no\\.?)\\s+|the number\\s+)?\\+?\\d{8}(?:\\s+(?:number|no\\.?|msisdn))?|(?:it|this|that)(?:\\s+(?:one|number))?)\\s+(?:(?:is|are)\\s+)?(?:still\\s+)?)(?:free|available|avail|unused)(?=\\s*(?:in the pool|for (?:use|selection|assignment|allocation|(?:a )?new (?:line|customer|sim|signup)s?|him|her|them|the (?:customer|cust|client|caller)))?\\s*[?.!]*\\s*$)', '(?:status|state|details?|info)\\s+(?:of|for|on)\\s+(?:the\\s+)?(?:number|msisdn|no\\.?)\\s+\\+?\\d{8}', '(?:what|wat|wht|which)(?:\\s+is|\\Ws)?(?:\\s+the)?\\s+(?:status|state)\\s+(?:is\\s+|of\\s+|for\\s+|on\\s+)?(?:the\\s+)?(?:number\\s+|msisdn\\s+)?\\+?\\d{8}', '(?:number|msisdn)\\s+\\+?\\d{8,}\\W{0,3}\\s*(?:status|state)\\b', 'on the shelf', 'spare', 'blank', 'unassigned', 'still free', 'still available', 'free to (?:give|hand|assign|allocate|issue|use)', '(?:give|hand|dish) out'],
  // "any fault injection on?", "which injected failures are armed in the simulator": the simulator's fault rules.
  faults: ['faults', 'fault', 'fault[- ]?injection', 'inject(?:ed|ion)?\\s+(?:faults?|failures?|errors?)', 'simulated (?:faults?|failures?|errors?)'],
  // "make ACTIVATE_ESIM fail every time", "have RESERVE_MSISDN fail once": one step of the simulator set to fail is a fault rule.
  // (saidAt turns every "-" of a form into "[-\s]?", so no form may hold a character range such as A-Z.)
  fault: ['fault', 'inject\\w*', '(?:fail_always|fail_first_attempt|stuck|slow|fail\\w*|that|this|the)\\s+(?:\\w+\\s+)?rule', '(?:make|have|let|force|get)\\s+\\w+\\s+(?:(?:to|always|just|randomly)\\s+)?(?:fail|hang|stall|time ?out|(?:get |be )?stuck|(?:be |go |run )?slow)', 'fail(?:s|ing)? (?:every ?time|always|once|on purpose)', 'always fail', 'simulate (?:a |an )?(?:failure|fault|error)s?'],
  // (h3 follow-ups) "now jump ahead 12h", "ok now advance the clock a day": "now" opening the message before another order only says what
  // comes next; the clock's time is asked by a "now" that ends its clause ("what's the time now", "clock now?").
  now: ['(?:(?<!(?:^|[.;!?]\\s*)(?:(?:ok(?:ay)?|and|so|right|alright|then|but|great|good|cool|done|thanks)[,\\s]+)*)now|now(?![,\\s]+[a-z]))'],
  clock: ['clock'],
  msisdn: ['msisdn', 'number'],
  renew: ['renew', 'reactivate'],
  // "call it off", "call that one off": the object may sit inside the phrasal verb.
  // "it's a duplicate, bin it", "scrap that one", "void ORD-…": the words for throwing a record away.
  cancel: ['cancel', nominal('cancell?ation'), 'call off', 'bin', 'scrap', 'void', 'trash', 'ditch', 'discard', 'drop(?=\\s+(?:it|this|that|the (?:case|ticket|order)|CASE-|TKT-|ORD-))', 'call\\W+(?:it|that|this|them|(?:that|this|the)\\W+(?:one|ticket|order|request))\\W+off', 'abort'],
  // "hand TKT-… over to AGT-…", "put it under AGT-…", "pass it to AGT-…": a record given to an agent is assigned to them.
  // ("put AGT-… on it", "have AGT-… handle this": an agent put on a record, or left to handle it, is given it.)
  // "TKT-… AGT-…", "TKT-… -> AGT-…": a ticket typed next to an agent, nothing else, is the ticket given to that agent.
  // "add CUST-… and CUST-… to PROMO_…", "enrol her in the promo", "make CUST-… eligible for PROMO_…": customers given a promotion.
  // ("add CUST-… and CUST-… to it" right after PROMO_… was read: customers typed, put on the record in focus.)
  // (task H2: "add CUST-… to the student one" right after promotions were listed: the one picked among them.)
  // (y3) "give CUST-… the 15% one", "the ten dollar one, she'll take it — CUST-…": a listed promotion given to, or taken by, the customer.
  assign: ['assign', 'add in', '(?:give|offer|extend)\\s+CUST-\\w+\\b.{0,20}?\\bthe\\s+[\\w%$.-]+(?:\\s+(?:dollars?|bucks|sgd|percent))?\\s+(?:one|promo|promotion|offer|deal|discount)\\b', '\\b(?:she|he|they)\\s*(?:\'ll|\\s+will|\'s|\\s+has|\\s+have|\'ve)?\\s*(?:take|taken|taking|accepted|accepts?|go(?:ne|ing)?\\s+(?:for|with))\\s+(?:it|that one|this one)\\b(?=.{0,20}CUST-\\w+)', 'add\\s+(?:her|him|them)\\s+in', '(?:give|offer|extend)\\b.{0,40}?\\bPROMO_\\w+(?!\\s+(?:off|from)\\b)', '(?:add(?:ed)?|put|enrol+(?:ed)?|enroll(?:ed)?|include[d]?|sign(?:ed)?|opt(?:ted)?|slot(?:ted)?|attach(?:ed)?|register(?:ed)?|tag(?:ged)?)\\b.{0,80}?\\b(?:to|on|onto|in|into|for|under)\\s+(?:the\\s+|this\\s+|that\\s+)?(?:PROMO_\\w+|promos?\\b|promotions?\\b|campaigns?\\b)', '(?:add|put|enrol+|enroll|include|sign|slot|attach|register|tag)\\s+CUST-\\w+\\b.{0,60}?\\b(?:to|on|onto|in|into|under)\\s+(?:it|this one|that one|the\\s+[\\w-]+\\s+(?:one|promo|promotion|offer|deal))\\b', '(?<!no longer |not |in)eligible', 'apply\\s+PROMO_\\w+\\s+(?:to|for|on)\\b', 'give it to', 'hand to', 'hand it to', 'reassign', 'TKT\\S*\\s+(?:(?:->|→|=>|to|for)\\s*)?AGT', '(?:hand|pass)\\b.{0,40}?\\bover', 'put\\b.{0,20}?\\bunder', '(?:put|stick|place|pop|drop|move|shift|queue|throw|slap|bung)\\b.{0,20}?\\b(?:on|onto|in|into|under)\\s+(?:me\\b|my\\s+(?:name|plate|queue|desk|list|pile|bucket|lap)\\b|AGT|agent\\b)', '(?:giv(?:e|en|es|ing)|hand(?:s|ed|ing)?|pass(?:es|ed|ing)?|sen[dt]|rout(?:e|ed|ing))\\b.{0,40}?\\bto\\s+(?:agent\\s+)?AGT', '(?:put|stick|get|set|throw|slap|place|pop)\\s+(?:agent\\s+)?AGT\\S*\\s+(?:on|onto)\\b', '(?:have|let|get)\\s+(?:agent\\s+)?AGT\\S*\\s+(?:to\\s+)?(?:take|handle|own|pick|work|look)\\b'],
  // "I patched the entry by hand, run it again": a cause the operator cleared themselves is a resolution, whatever verb reruns it.
  resolve: ['resolve', nominal('resolution'), 'resolved', 'fixed', 'solved', '(?:by hand|manually)', 'mark\\b.{0,40}\\b(?:done|complete)', 'push(?:\\s+it)?\\s+through'],
  // "I'll own CASE-… from here", "claim it": a case taken on.
  // (dev-x2) "she'll take it to the regulator", "take it up with billing": taking something somewhere is no taking of the case.
  take: ["(?:take|takes|taking|took|taken)(?!\\s+(?:[\\w'-]+\\s+){0,2}?(?:to|into|up with|further|elsewhere|away|back)\\b)", 'picking up', 'pick up', 'pick\\b.{0,24}\\bup', 'grab', "(?:i'?ll|i will|let me|i can) (?:own|claim)"],
  resume: ['resume', 'reopen', 're-open'],
  // "park it until she replies", "pend CASE-… till the customer sends the bill": a case left waiting on the customer.
  await: ['await', 'waiting', 'on hold', 'pending', 'park', 'pend', '(?:until|till|til)\\s+(?:she|he|they|the\\s+(?:customer|client|holder)|customer|client)\\s+(?:repl|respond|answer|get|gets|come|comes|send|sends|call|calls|revert)\\w*'],
  // ("drop the expired mastercard": a card dropped from the account is removed; it needs a card, so no other record is this.)
  remove: ['remove', 'delete', 'drop'],
  // "take CUST-… off PROMO_…", "drop her from the promo", "kick CUST-… out of PROMO_…": a customer taken off an eligibility list.
  unassign: ['unassign', 'remove', 'take off', 'withdraw', '(?:take|drop|kick|pull|strip|knock|boot|scrub|cross|strike|remove|exclude|opt)\\b.{0,60}?\\b(?:off|out of|out from|from)\\b', 'opt\\W?out', 'un-?enrol+', 'no longer eligible', 'ineligible', 'revoke'],
  // "a business account for Kopi Corner", "the company PTY-…", "corporate customer": an organisation in operators' words.
  // (Never the ".org" of an address: "aisha@example.org" names no business.)
  // (The noun only, never an action: "I need the UEN of PTY-…" closes nothing. A business account is one for a name, never a
  // customer typed: "business customer CUST-… wants a line" is about that customer.)
  organization: ['organi[sz]ation', '(?<![.@/])org', '(?:business|corporate|company)\\s+(?:account|customer|client|profile|record)\\s+(?:for|called|named|of)\\s+(?![A-Za-z]{2,5}-\\w*\\d)(?=[A-Z])', 'trading\\s+name', 'legal\\s+name', 'uen'],
  // "change the trading name of PTY-…", "amend its UEN", "rename PTY-… to …": a record's fields changed.
  // ("set it to validated", "mark PTY-… as validated", "flip its status to validated": a field or state set to a value.)
  // (session 19) "mark the org validated": an organisation's state said right after the record, with no "as".
  update: ['update', 'change', 'amend', 'edit', 'modify', 'correct', 'rename', 'set\\b.{0,40}?\\b(?:to|as)\\s+(?=\\w)', 'mark\\w*\\b.{0,40}?\\bas\\s+(?=\\w)', 'mark\\w*\\s+(?:it|this|that|the\\s+(?:org\\w*|company|business)|PTY-\\w+)\\s+(?=validated\\b|initiali[sz]ed\\b)', '(?:flip|switch|move)\\b.{0,20}?\\bstatus\\b.{0,20}?\\bto\\b'],
  // ("stick a new card on CUST-…", "attach a card": a card put on an account is added.)
  add: ['add', 'load', 'register', 'stick', 'attach', 'import', 'upload', 'stock up', 'top up the pool', 'provision', 'bring in'],
  // "load the 8800 block", "a batch of 500 numbers": a range of numbers is also a block, a batch, a series.
  range: ['range', 'block', 'batch', 'series', 'blk'],
  // (session 13) "scribble on CASE-…: …", "annotate it", "put a remark on the case", "write on CASE-… that …": words written on a record.
  // (blind-q) "just log that on CASE-…", "record this against the case": what was said, put on the case.
  note: ['note', 'comment', 'scribble', 'jot', 'annotate', 'remark', 'memo', 'write\\s+(?:(?:down|up)\\s+)?(?:on|in|against)\\s+(?=CASE|it\\b|this\\b|that\\b|the case)', '(?:log|record)\\s+(?:(?:it|this|that|all that|all this|the (?:call|conversation|threat|complaint|request))\\s+)?(?:on|in|against|under|onto)\\s+(?=CASE|it\\b|this\\b|that\\b|the case)', 'put\\s+(?:a\\s+)?(?:line|remark|memo|comment)\\s+(?:on|in|against)\\b'],
  // "credit 500 MB to SUB-…": an allowance added by hand (never "credit card"; a "top-up as goodwill" is a top-up).
  // "goodwill 500MB to SUB-…", "give them 200 mins back": an allowance made good by hand ("a 1GB top-up as goodwill" is a top-up).
  // "200 bonus minutes", "a complimentary gig", "500 MB on the house": an allowance given by hand.
  // ("comp SUB-… 500mb for the outage": comped, as operators say it.)
  // (session 13) "give it 2gb for the trouble": an allowance given for an inconvenience is made good by hand.
  // (task H2) "give him 500mb free", "30 mins free for the trouble": an amount given free is given by hand.
  adjust: ['adjust', '\\d+\\s*(?:mb|gb|gigs?|mins?|minutes?|sms|texts?)\\s+(?:for\\s+)?free(?!\\s+(?:to|of)\\b)', 'comp(?:ed|ing|s)?', 'make good', 'bonus', 'complimentary', 'on the house', 'free of charge', 'credit(?!\\s*cards?)', 'compensate', 'give back', '(?:give|hand|put)\\b.{0,30}?\\bback', '(?<!\\btop\\W?ups?\\b[^.;]{0,30})goodwill(?!\\s+(?:gesture\\s+)?(?:top\\W?ups?|vas|packs?|add\\W?ons?)\\b)', 'make\\b.{0,20}?\\bgood', '(?:as|for)\\s+(?:an?\\s+|our\\s+)?(?:apology|apologies|sorry|compensation|make[- ]?up)\\b', '(?<!\\btop\\W?ups?\\b[^.;]{0,30})(?:for|because of|due to)\\s+(?:the|all the|any|our|his|her|their|this|that)\\s+(?:trouble|inconvenience|hassle|outage|downtime|disruption|delay|mess|mix-?up|screw-?up)s?\\b'],
  transfer: ['transfer', 'move', 'shift', 'share'],
  // ("open a corporate account for …", "onboard a new business": a business account opened is one created.)
  // ((task H7) "for the campaign launch I need the plan line-up": "launch" as a noun creates nothing.)
  // "new port-in: 9… from StarHub", "new order: CUST-… on Lite": a record headed "new <kind>:" and its details is one to create.
  // "port in 9… from Singtel onto SUB-…", "port 9… over from M1", "bring 9… over from StarHub": a number ported is a port request made.
  // ("bring her old number 9… over from M1": the number may be said with whose it is and what it was.)
  // (session 20) "Ahmad Rahman, ahmad.r@…, +65…, create him": a person created is a customer (a number typed beside makes no port).
  customer: ['customer', '(?<=\\b(?:create|register|onboard|set up|setup|sign up|enrol|enroll)\\s+)(?:him|her|them)(?!\\s+(?:to|on|onto|in|into|under|for|with)\\b)'],
  create: ['create', 'raise', 'submit', 'lodge', 'set up', 'setup', '(?<!\\b(?:the|a|an|our|its|this|that|campaign|product|promo|promotion|marketing|go-?live)\\s+)launch', 'spin up', 'establish', '(?:open|register|onboard)(?=\\s+(?:an?\\s+|the\\s+)?(?:new\\s+)?(?:business|corporate|company|organi[sz]ation)\\b)', 'new(?=(?:\\s+\\S+){1,3}\\s*:)', 'port(?:ing)?(?:[-\\s]?(?:in|out|over|across))?\\s+(?:(?:the|their|his|her|a)\\s+)?(?:number\\s+|no\\.?\\s+)?(?=\\+?\\d{8})', NUMBER_BROUGHT_OVER, NUMBER_COMING_FROM, PORT_REQUEST_HEADED],
};
/** Name words that say nothing about which action ("show", "list", "for_order"'s "for"). */
const GENERIC = new Set(['show', 'list', 'get', 'for', 'by', 'mine', 'me', 'find', 'all']);
/** Name words that are the record a tool acts on: they pick among tools, but never name one alone. */
const RECORD_NOUNS = new Set(['balance', 'reservation', 'customer', 'subscription', 'order', 'case', 'ticket', 'port', 'prov', 'payment', 'method', 'msisdn', 'esim', 'iccid', 'promo', 'catalog', 'customer', 'som', 'kyc', 'plan', 'change', 'vas', 'number', 'task', 'tasks', 'range', 'card', 'organization']);
/** Read tools: a question may ask for them; every other tool writes and is never named by a question. */
const READS = /(\.|_)(show|list|get|count|for_order|activation|tasks|faults|now)$|^(audit|trace)\./;
// "before I approve PORT-…, show me it": what the operator will do after what is asked is not asked for.
// ("my colleague thinks we should cancel ORD-…": someone else's opinion of what to do is no order either.)
const NEGATED_BEFORE = /\b(don'?t|do not|never|not|nobody|no one|no-one|noone|no need to|stop|before (?:i|we|you)|until (?:i|we|you)|(?:thinks?|thought|feels?|felt|reckons?|reckoned|believes?|believed|reckon)\s+(?:that\s+)?(?:we|i|you|they)\s+(?:should|ought to|might|could|must|need to|have to)|(?:suggests?|suggested|recommends?|recommended|proposes?|proposed|advised?|advises)\s+(?:that\s+)?(?:we|i|you|they)(?:\s+(?:should|ought to|might|could|must|need to|have to))?)\s+(?:\w+\s+){0,2}$/i;
export const GO_AHEAD_CLOSING = /(?:^|[.;!?,]\s*)(?:(?:so|then|ok(?:ay)?|just|pls|please|yes|yeah)[\s,]+)*(?:do it|go ahead|proceed|action it|make it so|go for it)(?:\s+(?:now|then|please|pls))?\s*[.!]*\s*$/i;
// "should I close CASE-… or leave it open?": advice asked is a question, not an order.
// ("have ACTIVATE_ESIM always fail", "have it hang once": "have" making something happen is an order, not a question.)
// ("have another go at PTK-…", "have a crack at it": "have" opens a question only before the one it asks about.)
const QUESTION = /\?\s*$|^\s*(is|are|was|were|did|does|do|has|have(?=\s+(?:you|we|i|they|he|she|it|there|the|this|that|these|those|any|all|anyone|anybody|someone|somebody|my|our|his|her|their|[A-Z]{2,5}-\w+)\b)(?!\s+(?:\S+\s+){1,3}?(?:(?:always|just|randomly|then)\s+)?(?:fail|hang|stall|time\s?out|get stuck|be slow)\b)|why|when|what|which|who|how|should (?:i|we)|shall we)\b/i;
/**
 * "would be approved", "has been closed", "was cancelled": a record's action told in the passive. "can be closed now", "should
 * be rejected", "needs to be renewed" order it.
 */
// "I already closed CASE-… this morning", "we renewed it yesterday": an action the operator tells as done is no order either.
// ("my colleague renewed SUB-… this morning, can you confirm it went through?", "AGT-4 closed it": nor one a colleague did.)
// "cust confirmed its fixed, close TKT-…" ("its"/"thats" typed for "it's"): the state told is the reason, the order is the close.
// (task H7) "network restarted the HLR at 7, … resolve PTK-…": what another team did is told, with or without "the"; it orders nothing.
const DEPARTMENT_WHO_DID_IT = String.raw`(?:network|noc|ops|operations|engineering|billing|finance|vendor|field|tech|backend|legal)(?:\s+(?:team|guys|folks|side|engineers?|people|ops))?`;
// (h2, dev-y2) "I already assigned TKT-a to AGT-…, now close TKT-b": a write told as done with its doer's "already" takes its whole
// clause with it ("TKT-a to AGT-…" left behind named the assignment, on TKT-b).
const PASSIVE_ACTION = new RegExp(String.raw`\b(?:(?:i|we)\s+)?(?:already|previously|wrongly|accidentally|mistakenly)\s+[a-z]+ed\b[^,.;!?\n]*|(?<!\b(?:can|should|must|could|may|need|needs|ought|to|please)\s+)\b(?:be|been|being|was|were|is|are|am|has|have|had|got|gotten|it'?s|that'?s|thats)\s+(?:\w+\s+)?[a-z]+(?:ed|en)\b|\b(?:i|we)\s+(?:already\s+|just\s+|also\s+|personally\s+|wrongly\s+|accidentally\s+|mistakenly\s+|by mistake\s+)?[a-z]+ed\b|\b(?:already|previously|wrongly|accidentally|mistakenly)\s+[a-z]+ed\b|(?<!\b(?:be|to)\s+)\b[a-z]+(?:ed|en)${DONE_BY_SOMEONE}|(?<!\b(?:have|get|want|need|needs|like)\s+(?:[A-Z]{2,5}-\w+\s*(?:,\s*|\s+(?:and|&)\s+))*)\b[A-Z]{2,5}[-_]\w+\s+(?:(?:already|just|was|got|been|successfully)\s+)*(?!(?:requir|need|request|want|expect|schedul|plann|fix|solv|sort|restor)ed\b)[a-z]+(?:ed|en)\b(?!\s+(?:to|itself|themselves|its|their)\b)|\b(?:(?:my|our|the|a)\s+${COLLEAGUE_WHO_DID_IT}|(?:(?:the|our)\s+)?${DEPARTMENT_WHO_DID_IT}|(?:the\s+)?${CUSTOMER_WHO_DID_IT}|he|she|they|someone|somebody|AGT-\w+)\s+(?:already\s+|just\s+|also\s+)?${PAST_FORM}\b`, 'gi');
/** (session 16) "moved to Max at renewal", "from her next renewal": a write's noun naming a time, not the write. */
export const WRITE_AS_A_TIME = /\b(?:at|on|from|by|after|before|until|till|upon)\s+(?:the\s+|her\s+|his\s+|its\s+|their\s+)?(?:next\s+)?renewal\b/gi;
/** "issue fixed liao, close TKT-…", "signal restored already": the state of the problem told, the reason for the order, not the order. */
const STATE_TOLD = /\b(?:issue|problem|fault|error|outage|signal|connection|coverage|line|data|service|everything|all)\s+(?:(?:is|was|has|been|got|now|already|all|finally)\s+)*(?:fixed|solved|resolved|sorted|restored|working)\b/gi;
/** "ACTIVATE_ESIM keeps failing, which faults are armed": a story whose last clause is a question asks, it orders nothing. */
const LAST_CLAUSE_ASKS = /[,;:]\s*(?:so\s+|and\s+|but\s+)?(?:which|what|how many|how much|is|are|was|were|did|does|do|has|have|any)\b[^,;:.!]*$/i;
/** What follows a question when it is only a remark: no verb of the cockpit's opening a clause, no "please" ("? might be leftover"). */
const REMARK_AFTER_QUESTION = /\?\s+(?!.*\b(?:please|pls|then|so)\b)(?:(?:might|may|could|probably|prob|maybe|must|think|guess|i think|i guess|prolly|likely|seems|looks like|no idea|not sure|just|asking|curious)\b)[^?]*$/i;
const ASKS_FOR_IT = /\b(can|could|would|will) you\b|\bplease\b|\bpls\b/i;
/** "PM-… vanished from her account. who removed it? don't touch anything": a sentence asking who did a write asks of its past. */
const WHO_DID_IT_ASKED = /(?:^|[.!?;:]\s*)who\s+(?:(?:actually|already|just|last|else)\s+)?[a-z]+ed\b[^.?!;]*\?/i;

/** "could you let me know … when it next renews", "I need to know whether ORD-… completed": a question asked indirectly, even politely.
 * ("not sure which form it is", "no idea what screen to use": doubt about the procedure asks nothing of the record.) */
const INDIRECT_QUESTION = /\b(?:let (?:me|us) know|tell (?:me|us)|remind (?:me|us)|(?:needs?|wants?|likes?|wish(?:es)?|wondering|trying) to (?:know|find out|understand|see|learn)|find out|do you know|advise|confirm|check|wonder(?:ing|ed)?|curious|not sure|unsure|(?:no|any) idea|(?:don'?t|do not) know)\b(?:\s+\w+){0,6}?\s+(?:whether|if|when|which|what|how|who|why|where)\b(?!\s+(?:\w+\s+)?(?:form|screen|tool|button|menu|template|process|procedure|workflow|flow|request type|option)s?\b)|\bhow (?:to|do (?:i|we|you)|does one|can (?:i|we|she|he|they)|would (?:i|we))\b/i;

export interface NamedTool {
  readonly tool: BoundTool;
  /** How many of its name words the request says. */
  readonly score: number;
  /** Where the first of them is said, so "close X, resolved" is a close. */
  readonly at: number;
}

/** Name words of a tool: "inventory.msisdn.show" → inventory, msisdn, show; required enum values count as words ("take", "await"). */
function nameWords(tool: BoundTool): string[] {
  const words = tool.name.split(/[._]/);
  const props = tool.parameters.properties ?? {};
  for (const name of requiredArguments(tool)) {
    const need = argumentNeed(name, props[name] ?? {});
    // A kind ("allowanceType": data, voice, sms) is a noun that qualifies the record, never the action that names a tool.
    if (need.kind === 'enum' && !/type$|kind$|category$/i.test(name)) words.push(...need.values.flatMap((v) => v.split('_')));
    // (task H2) "turn on fail_first_attempt for ACTIVATE_ESIM": a kind typed as the schema spells it, underscores and all, is no plain noun
    // but the tool's own value; it names the tool.
    else if (need.kind === 'enum') words.push(...need.values.filter((v) => v.includes('_')));
  }
  return [...new Set(words.filter((w) => !GENERIC.has(w)))];
}

/** "rejected", "closing", "acknowledging", "retried": a name word in any of its forms. */
function inflected(form: string): string {
  if (/[a-z]e$/.test(form)) return `${form.slice(0, -1)}(?:e|es|ed|ing)`;
  if (/[^aeiou]y$/.test(form)) return `${form.slice(0, -1)}(?:y|ies|ied|ying)`;
  return /[a-z]$/.test(form) ? `${form}(?:s|ed|ing)?` : form;
}

/**
 * "kill it, they changed their mind", "nix ORD-…", "axe that ticket": slang for calling off a record that is not a line (a line is
 * ended, or its plan change undone, only in those words' own terms: "kill SUB-…" is no cancelled plan change).
 */
// ("drop TKT-…, raised in error", "drop ORD-…": dropped, a ticket or order is called off; a line or a hold is never this.)
const CALLED_OFF = ['kill', 'nix', 'axe', 'drop(?=\\s+(?:(?:the|that|this)\\s+)?(?:TKT|ORD|ticket|order)\\b)'];

const NOT_YET_AFTER = new RegExp(String.raw`^\s+${NOT_YET}`, 'i');
const NOT_SAID = -1;
const AS_STATE = -0.5;

/**
 * (h5) Write words used in another sense: "close call on that outage", "a close shave", "cancel culture", "the end of the day",
 * "top of the morning"; (session 17) the audit a request is for ("audit sample #14: show PORT-…", "for the audit I need every
 * payment attempt on CUST-…"), not its trail; (session 20) a shift's handover ("Handover from night shift: …") gives nothing to anyone. Blanked (to the same length, so places found still count) before any name word is looked for.
 */
const WRITE_WORD_IN_ANOTHER_SENSE = /\b(?:close (?:call|shave|friends?|by|enough)|cancel culture|(?:at|by|until|till) the end of the (?:day|week|month)|top of the (?:morning|hour|list|page)|terminal (?:is|was|froze|crashed|hung)|dead end|audit\s+(?:samples?|purposes?|reviews?|exercises?|requests?|team|findings?|checks?|reports?|programme|program|season|prep)|(?:for|in)\s+(?:the|an|our|this|my|next|today'?s)\s+(?:\w+\s+)?audit|(?:shift|night|day|morning|evening|the|my|our|a)\s+hand-?over|hand-?over(?=\s*(?:from|notes?|summary|report|doc|log|list|[:—–]|\s-\s)))\b/gi;
function saidAt(word: string, said: string, forms: readonly string[] = SAID_AS[word] ?? [word]): number {
  const text = said.replace(WRITE_WORD_IN_ANOTHER_SENSE, (words) => ' '.repeat(words.length));
  for (const form of forms) {
    // A space or hyphen of a form may be typed either way or left out ("port-in", "port in", "portin"); one inside a character class
    // ("sign[- ]?ups", "port(?:[-\\s]?in)") is already the class's and is kept as written.
    // A phrasal verb's first word is inflected too, with its object between ("picking this one up", "putting it through").
    const phrasal = form.replace(/^(\(\?:[a-z|]+\)|[a-z]+)(?=\\b\.\{)/, '$1\\w{0,4}');
    const pattern = new RegExp(`\\b${inflected(phrasal.replace(/\[(?:\\.|[^\]\\])*\]|[-\s]/g, (m) => (m.length > 1 ? m : '[-\\s]?')))}\\b`, 'gi');
    // "don't close the second one. close the first one": a word said not to be done in one sentence is still said in the next;
    // a negation reaches to the end of its own sentence only.
    for (const m of text.matchAll(pattern)) {
      const before = text.slice(0, m.index);
      const sentence = before.slice(before.search(/[^.;!?]*$/));
      // "close TKT-… as resolved": the state it is closed as is the action, whatever verb came first.
      // ("no retry yet, show the second one": an act put off after "no" is not said either.)
      const putOff = /\bno\s+$/i.test(sentence) && NOT_YET_AFTER.test(text.slice(m.index! + m[0].length));
      // (h5) "approve? reject? can't tell with PORT-…, bring it up": a verb asked on its own, opening its sentence with a question mark
      // straight after it, is weighed, not ordered ("what's the state of 8888…?" and "so who did?" still name their reads).
      const askedAlone = /^[\w-]+$/.test(m[0]) && /^\s*$/.test(sentence) && /^\s*\?/.test(text.slice(m.index! + m[0].length));
      const negated = NEGATED_BEFORE.test(GO_AHEAD_CLOSING.test(text) ? sentence.replace(OPINION_OF_WHAT_TO_DO, ' ') : sentence);
      if (!negated && !putOff && !askedAlone) return /\bas\s+$/i.test(before) ? AS_STATE : m.index!;
    }
  }
  return NOT_SAID;
}

/** Whether a tool's required arguments take a line (a subscription id). */
function takesALine(tool: BoundTool): boolean {
  const props = tool.parameters.properties ?? {};
  return requiredArguments(tool).some((name) => {
    const need = argumentNeed(name, props[name] ?? {});
    return need.kind === 'id' && need.tag === 'SUB';
  });
}

/** Where the request types the tool's name as written (its dotted name, its last two parts, an underscored last part), else -1. */
function typedToolName(tool: BoundTool, text: string): number {
  const parts = tool.name.split('.');
  const forms = [tool.name, parts.slice(-2).join('.'), ...(parts[parts.length - 1].includes('_') ? [parts[parts.length - 1]] : [])];
  for (const form of new Set(forms)) {
    const m = new RegExp(`(?<![\\w.])${form.replace(/\./g, '\\.')}(?![\\w.])`, 'i').exec(text);
    if (m) return m.index;
  }
  return NOT_SAID;
}

/** Score a tool by the name words the request says; undefined when no action word (only record nouns) is said. */
export function scoreToolName(tool: BoundTool, text: string): NamedTool | undefined {
  let score = 0;
  let at = Infinity;
  let acts = false;
  const ownWords = new Set(tool.name.split(/[._]/));
  // (dev-w2) "prov.fault taskType=…", "msisdn add_range prefix=…", `{"tool":"ticket.list"}`: the tool's own name typed as a developer
  // writes it (dotted, or its underscored last word) names it above any tool sharing its words ("prov.faults").
  const typedName = typedToolName(tool, text);
  if (typedName >= 0) {
    score += 3;
    acts = true;
    at = typedName;
  }
  for (const word of nameWords(tool)) {
    // "pull up CASE-… along with its notes": notes read with their record name no note to write.
    const forms = word === 'cancel' && !takesALine(tool) ? [...SAID_AS.cancel, ...CALLED_OFF] : undefined;
    const said = saidAt(word, word === 'note' ? text.replace(NOTES_READ, ' ') : text, forms);
    // Only a tool's own name word, not one of its enum values, is lifted by "as <state>" (case.transition's "resolve" is not).
    const position = said === AS_STATE && !ownWords.has(word) ? Number.MAX_SAFE_INTEGER : said;
    if (position === NOT_SAID) continue;
    score += 1;
    if (!RECORD_NOUNS.has(word)) {
      acts = true;
      at = Math.min(at, position);
    }
  }
  return acts ? { tool, score, at } : undefined;
}

/**
 * The bound tool the request names by its action words, among `candidates`, whose required record ids were typed
 * (or are `carried` from the conversation) and whose patterned arguments a word of the request fills. A tool that
 * writes is not named by a question, unless the question asks for it ("could you approve PORT-…?").
 */
/**
 * (session 20) "please show me CASE-… so I can pick it up", "pull it up so that I can approve it myself": what the operator will do
 * once they have seen the record is their own act, named after the read they order; no write is named by it.
 */
/** (session 20) "Hypothesis: if we exhaust PROMO_…, churn drops. just show me PROMO_…": a write supposed in an if-clause is not ordered. */
const WRITE_SUPPOSED = /\b(?:if|suppose|supposing|what if|in case)\s+(?:we|i|they|someone|somebody)\s+(?!(?:could|can|would|may|might\s+as\s+well)\b)[^,.;!?\n]*/gi;
const DONE_BY_ME_AFTER = /\bso\s+(?:that\s+)?(?:i|we)\s+can\s+[^.;!?\n]*/gi;

/**
 * (session 20) "CASE-… waiting on billing, please show me CASE-…", "TKT-… in progress with AGT-… (leave it), please trace ORD-…": a
 * record's state told in a clause of its own, beside a clause that orders, names no write (the state is how things stand).
 */
const RECORD_STATE_TOLD = /\b[A-Z]{2,5}[-_]\w+\s+(?:(?:is|are|still|now|currently|been|has been)\s+)*(?:waiting|pending|awaiting|on hold|parked|in[\s-]progress|sitting|stuck|open|blocked)\b[^,.;:!?()\n—–]*/g;
function stateToldBesideAnOrder(text: string): RegExp {
  const ordered = text.split(/\s*(?:[,;:.!?()\n]|[—–]|\s-\s)\s*/).some((clause) => ORDERING_CLAUSE.test(clause.trim()) && !RECORD_STATE_TOLD.test(clause));
  RECORD_STATE_TOLD.lastIndex = 0;
  return ordered ? RECORD_STATE_TOLD : /(?!)/g;
}

export function toolNamedBy(
  text: string,
  candidates: readonly BoundTool[],
  explicit: readonly Entity[],
  carried: (tag: string) => boolean,
  lastActedOn?: string,
  carriedValue: (name: string, schema: JsonSchema) => boolean = () => false,
): NamedTool | undefined {
  // (task H2) "any faults armed in the sim? might be leftover from QA": a question followed only by a remark is still a question.
  // (dev-x2) "not sure why it failed, but retry PTK-… anyway": an order after "but" is asked whatever doubt comes before it.
  const butOrdered = orderAfterBut(text);
  const asked = butOrdered ? QUESTION.test(butOrdered) && !ASKS_FOR_IT.test(butOrdered) : (QUESTION.test(text) && !ASKS_FOR_IT.test(text)) || (QUESTION.test(text.replace(REMARK_AFTER_QUESTION, '?')) && !ASKS_FOR_IT.test(text)) || WHO_DID_IT_ASKED.test(text) || INDIRECT_QUESTION.test(text) || LAST_CLAUSE_ASKS.test(text) || WRITE_ASKED_ABOUT.test(text);
  const toldDone = writeOnlyToldAsDone(text);
  // What the request says of records, and its words for a write, are the same for every candidate: read once.
  const recordsSaid = recordNounsSaid(text, explicit);
  // "she was told the port would be approved by now": an action in the passive is told, not ordered; no write is named by it.
  const writeWords = text.replace(PASSIVE_ACTION, ' ').replace(STATE_TOLD, ' ').replace(WRITE_AS_A_TIME, ' ').replace(DONE_BY_ME_AFTER, ' ').replace(WRITE_SUPPOSED, ' ').replace(stateToldBesideAnOrder(text), ' ');
  const named = candidates
    .filter((tool) => !(asked && !READS.test(tool.name)))
    // (dev-x2) "last shift I already credited 1GB to SUB-… for the outage, fyi": a write told as done names no write tool.
    .filter((tool) => !(toldDone && !READS.test(tool.name)))
    .filter((tool) => aboutItsRecord(tool, recordsSaid, explicit))
    .filter((tool) => fillable(tool, text, explicit, carried, carriedValue))
    .map((tool) => scoreToolName(tool, READS.test(tool.name) ? text : writeWords))
    .filter((n): n is NamedTool => !!n);
  // "cancel that one, it's a duplicate" right after TKT-… was shown (its reply naming its case too): with no record typed, a tie goes
  // to the tool that acts on the kind of record the last call was on.
  const onFocus = (n: NamedTool) => (lastActedOn && !explicit.some((e) => e.kind === 'id') && takesTyped(n.tool, [{ kind: 'id', tag: lastActedOn, value: `${lastActedOn}-`, source: 'tool' }]) ? 1 : 0);
  // "bring 9… over from StarHub onto SUB-…": among tools the same words name ("create"), the one whose required arguments take a
  // record, number or address typed.
  const takesWhatWasTyped = (n: NamedTool) => (takesTyped(n.tool, explicit) || takesTypedCatalogId(n.tool, explicit) ? 1 : 0);
  return named.sort((a, b) => b.score - a.score || onFocus(b) - onFocus(a) || a.at - b.at || takesWhatWasTyped(b) - takesWhatWasTyped(a))[0];
}

/** Record nouns an operator says; the kind of record a request is about. */
const SAID_RECORDS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\bcases?\b/i, ['case']],
  [/\b(tickets?|tkts?|tix)\b/i, ['ticket']],
  [/\borders?\b/i, ['order']],
  [/\b(organi[sz]ations?|orgs?|compan(y|ies)|business(es)?)\b/i, ['organization']],
  [/\b(port[- ]?(ins?|outs?|requests?)|ports)\b/i, ['port']],
  [/\btasks?\b/i, ['prov', 'task', 'tasks']],
  [/\bpromos?\b/i, ['promo']],
  // (dev-w2) "esim pool: how many avail?": eSIM profiles are no numbers; the number stock's tools are not named over them.
  [/\be-?sims?\b/i, ['esim']],
];

/** "that case", "the same order": a noun pointing back at a record of its kind typed in the request, by the id's prefix. */
const POINTED_BACK: ReadonlyArray<readonly [string, RegExp]> = [
  ['CASE', /\b(?:that|this|said|the same)\s+cases?\b/gi],
  ['TKT', /\b(?:that|this|said|the same)\s+(?:tickets?|tkts?)\b/gi],
  ['ORD', /\b(?:that|this|said|the same)\s+orders?\b/gi],
  ['PORT', /\b(?:that|this|said|the same)\s+(?:port(?:\s+request)?s?)\b/gi],
  ['PTK', /\b(?:that|this|said|the same)\s+tasks?\b/gi],
];

/**
 * The kinds of record a request says in words, each as the tool-name words that are its own. Record ids (a prefix and a run holding a
 * digit) are no words: "CASE-1a2b…" does not say "case", "port-out" does say "port"; (session 20) "…for CASE-…: show me the full event
 * history of that case": a noun pointing back at a record typed is that record, not another kind.
 */
function recordNounsSaid(text: string, explicit: readonly Entity[] = []): (readonly string[])[] {
  const typedKinds = new Set(explicit.filter((e) => e.kind === 'id').map((e) => e.tag));
  const inWords = POINTED_BACK.filter(([tag]) => typedKinds.has(tag))
    .reduce((said, [, pointer]) => said.replace(pointer, ' '), text)
    .replace(/\b[A-Za-z]{2,5}-[A-Za-z]*\d[0-9A-Za-z]*\b/g, ' ');
  return SAID_RECORDS.filter(([pattern]) => pattern.test(inWords)).map(([, nouns]) => nouns);
}

const saysOneOf = (tool: BoundTool, said: readonly (readonly string[])[]) => {
  const words = new Set(tool.name.split(/[._]/));
  return said.some((nouns) => nouns.some((n) => words.has(n)));
};

/**
 * "create a case for CUST-…" is no organisation: a tool is not named when the request is about another kind of record
 * (said in words, `recordNounsSaid`) and says or types none of the tool's own.
 */
function aboutItsRecord(tool: BoundTool, said: readonly (readonly string[])[], explicit: readonly Entity[]): boolean {
  if (said.length === 0 || saysOneOf(tool, said)) return true;
  // "stop PROMO_… for new orders": a record of the tool's own typed (a promotion's id) outweighs another kind's noun said.
  return takesTypedCatalogId(tool, explicit) || takesTyped(tool, explicit);
}

/** (h3 follow-ups) Whether the request says, in words, a kind of record that is the tool's own ("resolve that task" says prov's). */
export function saysItsRecordKind(tool: BoundTool, text: string): boolean {
  return saysOneOf(tool, recordNounsSaid(text));
}

/** Whether a required argument's pattern takes a catalog id typed ("PROMO_…" for a promotion's tools). */
function takesTypedCatalogId(tool: BoundTool, explicit: readonly Entity[]): boolean {
  const props = tool.parameters.properties ?? {};
  return requiredArguments(tool).some((name) => !!props[name]?.pattern && props[name].pattern !== '\\S' && explicit.some((e) => e.kind === 'catalogId' && accepts(props[name], e.value)));
}

/** Whether one of the tool's required arguments takes a record id, number or address the request typed. */
export function takesTyped(tool: BoundTool, explicit: readonly Entity[]): boolean {
  const props = tool.parameters.properties ?? {};
  return requiredArguments(tool).some((name) => {
    const need = argumentNeed(name, props[name] ?? {});
    if (need.kind === 'id') return explicit.some((e) => e.kind === 'id' && e.tag === need.tag);
    return (need.kind === 'msisdn' || need.kind === 'email') && explicit.some((e) => e.kind === need.kind);
  });
}

/** "… due to the outage reported on TKT-…", "… as per CASE-…", "(ref ORD-…)": a record typed only inside the reason given. */
function citedAsReason(text: string, id: string): boolean {
  const escaped = id.replace(/[-_]/g, '[-_]');
  const everywhere = text.match(new RegExp(String.raw`\b${escaped}\b`, 'gi'))?.length ?? 0;
  const cited = text.match(new RegExp(String.raw`\b(?:due to|because|owing to|as per|per|following|ref(?:erence)?|see|linked to|(?:reported|raised|logged|opened|filed|flagged)\s+(?:on|in|under|via|as))\b[^.;:!?]{0,80}?\b${escaped}\b`, 'gi'))?.length ?? 0;
  return everywhere > 0 && cited === everywhere;
}

const CLAUSES = /\s*(?:[,;:.!?()\[\]]|[—–]|\s-\s)\s*/;
function toldBesideAnOrder(text: string, id: string, takenTags: ReadonlySet<string>): boolean {
  const clauses = text.split(CLAUSES).filter(Boolean);
  const idTyped = new RegExp(String.raw`\b${id.replace(/[-_]/g, '[-_]')}\b`, 'i');
  const typesIt = (clause: string) => idTyped.test(clause);
  const orders = (clause: string) => ORDERING_CLAUSE.test(clause.trim());
  const ordersOnATakenRecord = clauses.some((clause) => orders(clause) && [...(clause.match(/\b[A-Z]{2,5}-\w+/g) ?? [])].some((other) => takenTags.has(other.split('-')[0])));
  return ordersOnATakenRecord && clauses.every((clause) => !typesIt(clause) || !orders(clause));
}

function fillable(tool: BoundTool, text: string, explicit: readonly Entity[], carried: (tag: string) => boolean, carriedValue: (name: string, schema: JsonSchema) => boolean): boolean {
  const props = tool.parameters.properties ?? {};
  // "freeze CUST-…'s account" is not the clock: every record the request types must be one the tool takes.
  const takes = Object.entries(props).map(([name, schema]) => argumentNeed(name, schema.items?.pattern ? schema.items : schema));
  // (session 20) "credit 100 minutes to SUB-… due to dropped calls reported on TKT-…": a record cited as the reason is no record acted on.
  // (session 20) "…, TKT-… in progress with AGT-… (leave it), ORD-… looks stuck — please trace ORD-…": records typed only in clauses
  // telling how things stand, beside a clause that orders on a record this tool takes, are no records acted on.
  const takenTags = new Set(takes.filter((need) => need.kind === 'id').map((need) => (need as { tag: string }).tag));
  const typedRecords = explicit.filter((e) => e.kind === 'id' && !citedAsReason(text, e.value) && !toldBesideAnOrder(text, e.value, takenTags));
  const anyRecord = Object.entries(props).some(([name, schema]) => /Id$/.test(name) && !schema.pattern && argumentNeed(name, schema).kind === 'text');
  if (!anyRecord && !typedRecords.every((e) => takes.some((need) => need.kind === 'id' && need.tag === e.tag) || Object.values(props).some((schema) => accepts(schema.items ?? schema, e.value) && !!(schema.items ?? schema).pattern))) return false;
  // A tool that adds or moves an amount ("credit 500 MB", "move 1GB", "200 bonus minutes") is named only with the amount said.
  // (dev-w2) "qty=500 unit=mb", "Order: ORD-…": an argument typed under a label naming it is there to fill.
  const labelled = labelledValues(text);
  const typedUnderLabel = (name: string) => labelled.length > 0 && labelledArgument(tool, name, props[name] ?? {}, labelled) !== undefined;
  if (requiredArguments(tool).includes('quantity') && !allowanceAmount(text) && !typedUnderLabel('quantity')) return false;
  return requiredArguments(tool).every((name) => {
    const schema = props[name] ?? {};
    const need = argumentNeed(name, schema);
    if (typedUnderLabel(name)) return true;
    if (need.kind === 'id') return explicit.some((e) => e.kind === 'id' && e.tag === need.tag) || carried(need.tag);
    if (need.kind === 'msisdn' || need.kind === 'email' || need.kind === 'prefix') return explicit.some((e) => e.kind === need.kind);
    // ("switch that rule off" right after ACTIVATE_ESIM's fault rule was set: the value the record in focus carries.)
    if (need.kind === 'text' && need.role === 'other' && schema.pattern && schema.pattern !== '\\S') return patternedValue(text, schema) !== undefined || carriedValue(name, schema);
    return true;
  });
}

// A month is the domain's billing period (PERIOD_DAYS, 30 days): "skip ahead a month" reaches the next renewal.
const DURATION_UNITS: ReadonlyArray<readonly [RegExp, string, number]> = [
  [/^(months?|mths?|mnths?|mos)$/i, 'd', 30],
  [/^(fortnights?)$/i, 'd', 14],
  [/^(weeks?|wks?|w)$/i, 'd', 7],
  [/^(days?|d)$/i, 'd', 1],
  [/^(hours?|hrs?|h)$/i, 'h', 1],
  [/^(minutes?|mins?|m)$/i, 'm', 1],
  [/^(seconds?|secs?|s)$/i, 's', 1],
];
/** An amount before a unit: digits, a tens word with its unit ("thirty one"), or any number word. */
const AMOUNT_AND_UNIT = new RegExp(String.raw`\b(\d+|(?:twenty|thirty|forty|fifty|sixty|ninety)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(NUMBER_WORDS).join('|')})\s*-?\s*([a-z]+)\b`, 'gi');
/** "thirty one", "twenty-eight", "5": a number said in words or digits (voice typing spells them out). */
function numberSaid(said: string): number {
  const words = said.toLowerCase().split(/[\s-]+/);
  return words.every((w) => w in NUMBER_WORDS) ? words.reduce((sum, w) => sum + NUMBER_WORDS[w], 0) : Number(said);
}

/**
 * A value for a string argument the schema constrains by a pattern (an ICCID, a duration "31d"): a word of the request
 * the pattern accepts, or an amount of time written out ("2 days", "a week") in the pattern's unit form.
 */
export function patternedValue(text: string, schema: { pattern?: string }): string | undefined {
  // (session 13) "QA: make ACTIVATE_ESIM fail once", "FYI: …": a heading the message opens with is who or what it is for, never a
  // value, when a later word fits too.
  const heading = /^\s*([A-Za-z]{1,12})\s*:\s+\S/.exec(text)?.[1];
  const words = text.split(/[\s,;:()]+/).map((w) => w.replace(/[.!?]+$/, '')).filter((w) => w && accepts(schema, w));
  // (session 20) "Turn OFF the fail_always rule for ESIM_DOWNLOAD": a plain word typed in capitals for stress yields to a word shaped like
  // an identifier (an underscore or a digit in it) the pattern takes too.
  const shaped = words.filter((w) => /[_\d]/.test(w) && w !== heading);
  const [first, ...later] = shaped.length && !/[_\d]/.test(words[0]) ? shaped : words;
  if (first) return first === heading && later.length > 0 ? later[0] : first;
  // "15%", "$5", "S$12.50": an amount typed with its sign.
  for (const word of text.split(/[\s,;:()]+/).map((w) => w.replace(/[.!?]+$/, '').replace(/^(?:S?\$|SGD)|%$/i, ''))) if (word && /\d/.test(word) && accepts(schema, word)) return word;
  // A card number typed in groups ("4111 1111 1111 1111"); an ICCID too ("8965 0123 4567 8901 234"), whose pattern takes no space.
  for (const digits of text.match(/\d[\d -]{10,}\d/g) ?? []) {
    if (accepts(schema, digits)) return digits;
    const joined = digits.replace(/[ -]/g, '');
    if (joined.length >= 16 && accepts(schema, joined)) return joined;
  }
  // "fast forward the clock to next month", "skip to tomorrow": a time named relative to now is one of its unit from now.
  const relative = /\b(?:to\s+|till\s+|until\s+|into\s+)?(?:the\s+)?(?:next|following|coming)\s+(months?|mths?|fortnights?|weeks?|wks?|days?)\b|\b(tomorrow|tmr|tmrw)\b/i.exec(text);
  if (relative) {
    const unit = DURATION_UNITS.find(([pattern]) => pattern.test(relative[1] ?? 'day'));
    if (unit && accepts(schema, `${unit[2]}${unit[1]}`)) return `${unit[2]}${unit[1]}`;
  }
  // (session 13b) "a full week", "two whole days": a span's amount said with "full/whole/entire" before its unit.
  for (const m of text.replace(/\b(full|whole|entire|complete)\s+(?=(?:months?|mths?|fortnights?|weeks?|wks?|days?|hours?|hrs?)\b)/gi, '').matchAll(AMOUNT_AND_UNIT)) {
    const unit = DURATION_UNITS.find(([pattern]) => pattern.test(m[2]));
    if (!unit) continue;
    const amount = numberSaid(m[1]) * unit[2];
    const value = `${amount}${unit[1]}`;
    if (accepts(schema, value)) return value;
  }
  return undefined;
}

/** Words of a tool's argument names that say which value follows ("with code X" → `resolutionCode`), ids and kinds aside. */
const ARGUMENT_WORD_STOP = new Set(['type', 'kind', 'state', 'status', 'limit', 'name', 'agent', 'changed', 'by', 'author', 'release', 'requested']);

/**
 * How many of a tool's non-id argument names the request says, each by a word of its name: between two tools its
 * action words name equally ("resolve and close with code X"), the one that takes what the request gives is meant.
 */
export function argumentWordsSaid(tool: BoundTool, text: string): number {
  const props = tool.parameters.properties ?? {};
  return Object.keys(props).filter((name) => {
    if (/Id$|Ids$/.test(name)) return false;
    const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_]+/).filter((w) => w.length >= 4 && !ARGUMENT_WORD_STOP.has(w));
    return words.some((w) => new RegExp(`\\b${w}\\b\\s*[:=]?\\s*\\S`, 'i').test(text));
  }).length;
}

/** The tool a text names by the most of its action words (the first said on a tie). */
function mostNamed(text: string, tools: readonly BoundTool[]): BoundTool | undefined {
  const named = tools.map((tool) => scoreToolName(tool, text)).filter((n): n is NamedTool => !!n);
  return named.sort((a, b) => b.score - a.score || a.at - b.at)[0]?.tool;
}

/**
 * "ack TKT-… and put it under AGT-…", "acknowledge it, then assign it to AGT-…": each later ask names an action the first ask's
 * tool takes as an argument (`ticket.ack`'s `assignedToAgentId`), so the message is one call of that tool, not two writes.
 */
export function laterAsksAreArguments(asks: readonly string[], tools: readonly BoundTool[], whole: string): boolean {
  const [first, ...later] = asks.map((ask) => mostNamed(ask, tools));
  return !!first && later.length > 0 && later.every((tool) => !!tool && tool !== first && takesTheOthersAction(first, tool, whole));
}

/**
 * "ack it, assign me AGT-…": one tool takes another's action as an argument (`ticket.ack`'s `assignedToAgentId` is the
 * assignment), so both said in one request are that tool's call, not the other's.
 */
export function takesTheOthersAction(tool: BoundTool, other: BoundTool, text: string): boolean {
  const argumentWords = Object.keys(tool.parameters.properties ?? {}).flatMap((name) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_]+/));
  const actions = nameWords(other).filter((word) => !RECORD_NOUNS.has(word) && !nameWords(tool).includes(word));
  return actions.some((action) => argumentWords.some((word) => word.startsWith(action)) && saidAt(action, text) !== NOT_SAID);
}

