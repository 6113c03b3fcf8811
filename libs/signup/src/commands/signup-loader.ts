import type { WriteScope } from '@bss/audit';
import { NotFound } from '@bss/platform';
import { SignupJourneyEntity } from '#signup/domain/signup-journey.entity';

export const SIGNUP_ID = /^SGN-[0-9a-f]{16}$/;
export const IDENTITY_ID = /^IDN-[0-9a-f]{16}$/;

/** Locks a journey of THIS identity; anyone else's journey does not exist for them (404). */
export async function lockJourney(w: WriteScope, signupId: string, identityId: string): Promise<SignupJourneyEntity> {
  const journey = await w.tx.findOne(SignupJourneyEntity, { where: { id: signupId }, lock: { mode: 'pessimistic_write' } });
  if (!journey || journey.identityId !== identityId) throw new NotFound('signup', signupId);
  return journey;
}

export async function saveJourney(w: WriteScope, journey: SignupJourneyEntity, eventType: string, payload: Record<string, unknown>): Promise<void> {
  journey.updatedAt = w.now;
  await w.tx.save(journey);
  await w.emit({ eventType, aggregateType: 'signup', aggregateId: journey.id, payload });
}
