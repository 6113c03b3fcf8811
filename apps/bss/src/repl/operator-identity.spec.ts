import { userInfo } from 'node:os';
import { operatorActor, operatorCaller } from './operator-identity';

describe('operator identity', () => {
  it('is BSS_OPERATOR when set', () => {
    expect(operatorActor({ BSS_OPERATOR: ' ops-ada ' })).toBe('ops-ada');
  });

  it('falls back to the OS user, never a constant', () => {
    expect(operatorActor({})).toBe(userInfo().username);
  });

  it('stamps channel cli-repl and service identity operator_cockpit', () => {
    expect(operatorCaller({ BSS_OPERATOR: 'ops-ada' })).toEqual({ actor: 'ops-ada', channel: 'cli-repl', serviceIdentity: 'operator_cockpit' });
  });
});
