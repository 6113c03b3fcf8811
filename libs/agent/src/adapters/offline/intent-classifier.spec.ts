import { IntentClassifier, loadIntentClassifier } from './intent-classifier';
import { normaliseUtterance, SpellingCorrector } from './text-normaliser';

describe('intent classifier', () => {
  let classifier: IntentClassifier;
  beforeAll(async () => {
    classifier = await loadIntentClassifier();
  });

  it.each([
    ['how much data i got left', 'balance'],
    ['balanse pls', 'balance'],
    ['MY INTERNET STOPPED WORKING 😭', 'balance'],
    ['top up 5 gigs', 'top_up'],
    ['I was charged twice for my plan', 'escalate_billing_dispute'],
    ['who owns 8123 4567', 'find_customer'],
    ['whats the weather like', 'out_of_scope'],
    ['and the other one?', 'followup'],
  ])('%s → %s', async (text, intent) => {
    const [top] = await classifier.classify(text);
    expect(top.intent).toBe(intent);
  });

  it('survives a JSON round trip with the same answers', async () => {
    const copy = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
    expect((await copy.classify('how much data is left'))[0].intent).toBe('balance');
  });
});

describe('text normaliser', () => {
  it('lower-cases, drops emoji and spells out contractions', () => {
    expect(normaliseUtterance("What's my BALANCE?? 🤔")).toBe('what is my balance');
  });

  it('corrects a word one edit away from the training vocabulary, and leaves short words alone', () => {
    const corrector = new SpellingCorrector(['balance', 'data', 'top']);
    expect(corrector.correct('my balanse dta')).toBe('my balance dta');
  });
});
