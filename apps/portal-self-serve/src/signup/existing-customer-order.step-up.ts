import { Injectable } from '@nestjs/common';
import { SignupQueries } from '@bss/signup';
import type { StepUpCondition } from '#portal-self-serve/http/gates';
import type { PortalRequest } from '#portal-self-serve/http/portal-request';

/**
 * signupOrderNeedsStepUp at the gate: the order of a journey begun by someone who was already a
 * customer charges the card on file, so it steps up like a top-up. A
 * new customer's order (the card typed in this journey) does not; an unknown or foreign journey
 * answers no and is then refused by the command as not found.
 */
@Injectable()
export class ExistingCustomerOrderStepUp implements StepUpCondition {
  constructor(private readonly signups: SignupQueries) {}

  async applies(req: PortalRequest): Promise<boolean> {
    const session = req.portal.session;
    const signupId = (req.params as Record<string, string> | undefined)?.id ?? '';
    return session ? this.signups.orderNeedsStepUp(signupId, session.identityId) : false;
  }
}
