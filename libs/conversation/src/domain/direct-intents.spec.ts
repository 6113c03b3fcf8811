import { directIntentOf } from './direct-intents';

describe('directIntentOf', () => {
  it.each([
    ['list customers', 'customer.list'],
    ['Show me all customers', 'customer.list'],
    ['show plans', 'catalog.list'],
    ['list the product catalog', 'catalog.list'],
    ['show VAS', 'catalog.vas'],
    ['list top-ups', 'catalog.vas'],
    ['show numbers', 'inventory.msisdn.list'],
    ['port requests', 'port.list'],
    ['list port-outs', 'port.list'],
    ['show orders', 'order.list'],
  ])('%s → %s without the model', (line, tool) => {
    expect(directIntentOf(line)).toEqual({ tool, args: {} });
  });

  it.each(['list customers named Ada', 'terminate SUB-0001', 'show orders of CUST-3f9a0c12', 'how do I rotate the cockpit token?'])('%s goes to the agent', (line) => {
    expect(directIntentOf(line)).toBeNull();
  });
});
