import { nextSignupState, SIGNUP_STATES, SIGNUP_TRANSITIONS, SIGNUP_TRIGGERS } from './signup.state';

describe('signup journey transitions', () => {
  for (const trigger of SIGNUP_TRIGGERS) {
    for (const from of SIGNUP_STATES) {
      const allowed = SIGNUP_TRANSITIONS[trigger].from.includes(from);
      it(`${trigger} from ${from} is ${allowed ? 'allowed' : 'refused'}`, () => {
        const run = () => nextSignupState({ id: 'SGN-1', state: from }, trigger);
        if (allowed) expect(run()).toBe(SIGNUP_TRANSITIONS[trigger].to);
        else expect(run).toThrow(/signup.*(Cannot|while)/);
      });
    }
  }
});
