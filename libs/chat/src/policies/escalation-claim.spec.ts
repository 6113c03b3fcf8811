import { claimsEscalation } from './escalation-claim';

describe('claimsEscalation (claim guard)', () => {
  it.each(["I've escalated this to our billing team.", "I'll escalate it now.", 'I have opened a case for you.', 'We have raised a ticket about it.', "I've filed your case."])(
    'flags %s',
    (text) => expect(claimsEscalation(text)).toBe(true),
  );
  it.each(['You can ask me to open a case.', 'Your balance is 3 GB.', 'Escalation is possible by email.'])('lets %s pass', (text) => expect(claimsEscalation(text)).toBe(false));
});
