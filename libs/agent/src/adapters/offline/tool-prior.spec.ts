import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOfflineModel, OfflineChatModel } from './offline-model';
import { CUSTOMER_TOOLS, driveTurn, OPERATOR_TOOLS } from './testing-tools';
import { type CorpusCase, ToolPrior } from './tool-prior';

const ALL_TOOLS = new Set([...CUSTOMER_TOOLS, ...OPERATOR_TOOLS].map((t) => t.function.name));

function cases(profile: string, tool: string | null, texts: string[], extra: Partial<CorpusCase> = {}): CorpusCase[] {
  return texts.map((text) => ({ profile, text, expect: { tool }, ...extra }));
}

/** A small corpus in which a mechanic's slang for running a task again means a retry. */
const CRANK_CORPUS: CorpusCase[] = [
  ...cases('operator', 'prov.retry', ['give PTK-0101 another crank', 'PTK-0102 stalled, give it another crank', 'crank PTK-0103 again', 'another crank on PTK-0104 pls', 'PTK-0105 needs another crank', 'one more crank for PTK-0106']),
  ...cases('operator', 'prov.show', ['show PTK-0101', 'what state is PTK-0107 in', 'pull up task PTK-0108', 'details of PTK-0109']),
  ...cases('operator', 'ticket.list', ['list open tickets', 'tickets for AGT-0007', 'show all tickets', 'which tickets are open']),
  ...cases('operator', null, ['hello', 'thanks mate', 'what can you do', 'good morning']),
  ...cases('customer', 'vas.purchase_for_me', ['buy the 5GB pack', 'get me the 5GB pack', 'add the 5GB pack to my line', 'I want the 5GB pack', '5GB pack please', 'grab the 5GB pack for me']),
  ...cases('customer', 'subscription.get_balance_mine', ['how much data is left', 'my balance', 'data left?', 'what is my balance']),
];

const operatorWith = (toolPrior: ToolPrior | null) => createOfflineModel({ toolPrior }).bindTools!(OPERATOR_TOOLS) as OfflineChatModel;
const customerWith = (toolPrior: ToolPrior | null) => createOfflineModel({ toolPrior }).bindTools!(CUSTOMER_TOOLS) as OfflineChatModel;

describe('tool prior: the linear model', () => {
  const prior = ToolPrior.train(CRANK_CORPUS);

  it('names the tool of a phrasing it never saw from the words and word pieces it shares with its corpus', () => {
    expect(prior.guess('operator', 'PTK-0777 conked out, give her another crank', ALL_TOOLS)?.tool).toBe('prov.retry');
    expect(prior.guess('operator', 'open tickets of AGT-0012?', ALL_TOOLS)?.tool).toBe('ticket.list');
  });

  it('lets only the tools it is given compete (and "no tool", always)', () => {
    const guess = prior.guess('operator', 'give PTK-0101 another crank', new Set(['prov.show', 'ticket.list']));
    expect(['prov.show', 'ticket.list', 'none']).toContain(guess?.tool);
  });

  it('keeps every guess and margin through save and load', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tool-prior-')), 'tool-prior.bin');
    prior.save(path);
    const loaded = ToolPrior.load(path);
    expect(loaded.corpusHash).toBe(prior.corpusHash);
    // The hash is read from the header alone, so a stale file is known before its weights are loaded.
    const hashed = join(mkdtempSync(join(tmpdir(), 'tool-prior-')), 'tool-prior.bin');
    ToolPrior.train(CRANK_CORPUS, 'hash-of-the-corpus').save(hashed);
    expect(ToolPrior.savedCorpusHash(hashed)).toBe('hash-of-the-corpus');
    for (const text of ['PTK-0777 conked out, give her another crank', 'hello there', 'what is PTK-0001 doing']) {
      const [a, b] = [prior.guess('operator', text, ALL_TOOLS)!, loaded.guess('operator', text, ALL_TOOLS)!];
      expect(b.tool).toBe(a.tool);
      expect(b.margin).toBeCloseTo(a.margin, 4);
    }
  });

  it('does not learn "no tool" from a two-line customer asked which line (the message itself asks for a tool)', () => {
    const twoLines = ToolPrior.train([...cases('customer', null, ['top up 1GB', 'add 1GB', 'buy 1GB data'], { lines: 'two' }), ...cases('customer', 'vas.purchase_for_me', ['get me the 5GB pack'])]);
    expect(twoLines.guess('customer', 'top up 1GB', ALL_TOOLS)?.tool).toBe('vas.purchase_for_me');
  });
});

describe('tool prior: overruling the rules', () => {
  const prior = ToolPrior.train(CRANK_CORPUS);

  it('has the rules aim at its tool on a fresh request it is sure of, arguments filled by the rules', async () => {
    const text = 'PTK-0101 conked out again, give it another crank';
    const rulesAlone = await driveTurn(operatorWith(null), text);
    expect(rulesAlone.calls.map((c) => c.name)).not.toContain('prov.retry');
    const withPrior = await driveTurn(operatorWith(prior), text);
    expect(withPrior.calls).toEqual([{ name: 'prov.retry', args: { taskId: 'PTK-0101' } }]);
  });

  it('never turns a question into a write the rules did not aim at', async () => {
    for (const text of ['should I get the 5GB pack or wait till next month?', 'is the 5GB pack worth it', 'would another crank on PTK-0101 break anything?']) {
      const model = text.includes('PTK') ? operatorWith(prior) : customerWith(prior);
      const rulesModel = text.includes('PTK') ? operatorWith(null) : customerWith(null);
      const rulesWrites = (await driveTurn(rulesModel, text)).calls.filter((c) => /purchase|retry/.test(c.name));
      const priorWrites = (await driveTurn(model, text)).calls.filter((c) => /purchase|retry/.test(c.name));
      expect(priorWrites).toEqual(rulesWrites);
    }
  });
});

/** The same mechanic's follow-ups: the crank asked for after a task was shown, and yes or no to a retry put up for confirmation. */
const TASK_SHOWN = [{ user: 'show PTK-0101' }, { call: { name: 'prov.show', args: { taskId: 'PTK-0101' } } }, { assistant: 'PTK-0101 hlr_activate — failed (attempt 1 of 3).' }];
const RETRY_ASKED = [{ user: 'retry PTK-0101' }, { assistant: 'Retry PTK-0101 with a fresh attempt budget? Confirm?' }];
const FOLLOW_UP_CORPUS: CorpusCase[] = [
  ...CRANK_CORPUS,
  ...cases('operator', 'prov.retry', ['give it another crank', 'crank it again', 'another crank on that one', 'ok crank it'], { history: TASK_SHOWN }),
  ...cases('operator', 'prov.show', ['show it again', 'and now?', 'refresh that'], { history: TASK_SHOWN }),
  ...cases('operator', 'prov.retry', ['crank away', 'yep crank it', 'go on then, crank', 'sure, crank her'], { history: RETRY_ASKED }),
  ...cases('operator', null, ['no leave it', 'nah', 'hold off', 'not now', 'no, leave her be'], { history: RETRY_ASKED }),
];

describe('tool prior: follow-ups', () => {
  const prior = ToolPrior.train(FOLLOW_UP_CORPUS);

  it('reads a follow-up by what came before: the same words mean the tool asked about only after it was asked about', () => {
    expect(prior.guess('operator', 'crank away mate', ALL_TOOLS, { assistant: RETRY_ASKED[1].assistant })?.tool).toBe('prov.retry');
    expect(prior.guess('operator', 'nah mate', ALL_TOOLS, { assistant: RETRY_ASKED[1].assistant })?.tool).toBe('none');
  });

  it('fills a follow-up the rules made no call on, the record in focus read by the rules', async () => {
    const text = 'ok give it another crank';
    const rulesAlone = await driveTurn(operatorWith(null), text, { history: TASK_SHOWN });
    expect(rulesAlone.calls).toEqual([]);
    const withPrior = await driveTurn(operatorWith(prior), text, { history: TASK_SHOWN });
    expect(withPrior.calls).toEqual([{ name: 'prov.retry', args: { taskId: 'PTK-0101' } }]);
  });

  it('hears a yes the rules did not hear to the request to confirm, and makes the call asked about', async () => {
    const text = "crank away mate, she'll be right";
    expect((await driveTurn(operatorWith(null), text, { history: RETRY_ASKED })).calls).toEqual([]);
    expect((await driveTurn(operatorWith(prior), text, { history: RETRY_ASKED })).calls).toEqual([{ name: 'prov.retry', args: { taskId: 'PTK-0101' } }]);
  });

  it('takes no write from an answer that opens with a no, nor one that changes a value, and never turns a call into nothing', async () => {
    for (const text of ['nah mate, crank it next week', 'no, crank PTK-0102 instead of it']) {
      const rulesAlone = await driveTurn(operatorWith(null), text, { history: RETRY_ASKED });
      const withPrior = await driveTurn(operatorWith(prior), text, { history: RETRY_ASKED });
      expect(withPrior.calls).toEqual(rulesAlone.calls);
    }
    const shown = await driveTurn(operatorWith(null), 'and PTK-0102?', { history: TASK_SHOWN });
    expect(shown.calls.length).toBeGreaterThan(0);
    expect((await driveTurn(operatorWith(prior), 'and PTK-0102?', { history: TASK_SHOWN })).calls).toEqual(shown.calls);
  });
});

describe('tool prior: a no with a look after it', () => {
  const prior = ToolPrior.train(FOLLOW_UP_CORPUS);

  it('makes the look the rules turned down with the no, never a write', async () => {
    const text = "no, don't crank PTK-0101 yet, I want to see what state it's in first";
    const rulesAlone = await driveTurn(operatorWith(null), text);
    expect(rulesAlone.calls).toEqual([]);
    expect((await driveTurn(operatorWith(prior), text)).calls).toEqual([{ name: 'prov.show', args: { taskId: 'PTK-0101' } }]);
    // A no with nothing to look at after it stays a no.
    expect((await driveTurn(operatorWith(prior), "no, don't crank PTK-0101 yet")).calls).toEqual([]);
  });
});

describe('tool prior: tools it never saw', () => {
  it('leaves a tool its corpus never labelled to the rules (the handbook search answers a how-to question)', async () => {
    const knowsNoSearch = ToolPrior.train([...CRANK_CORPUS, ...cases('operator', null, ['how do I rotate the cockpit token?', 'how do I rotate the api token', 'how do I rotate tokens'])]);
    expect(knowsNoSearch.knows('knowledge.search')).toBe(false);
    const search = { type: 'function' as const, function: { name: 'knowledge.search', description: 'Search the handbook and runbooks', parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] } } };
    const tools = [...OPERATOR_TOOLS, search];
    const rulesAlone = await driveTurn(createOfflineModel({ toolPrior: null }).bindTools!(tools) as OfflineChatModel, 'how do I rotate the cockpit token?');
    const withPrior = await driveTurn(createOfflineModel({ toolPrior: knowsNoSearch }).bindTools!(tools) as OfflineChatModel, 'how do I rotate the cockpit token?');
    expect(rulesAlone.calls.map((c) => c.name)).toContain('knowledge.search');
    expect(withPrior.calls).toEqual(rulesAlone.calls);
  });
});
