import { Get, Param, Req, Res } from '@nestjs/common';
import { SignupQueries, type SignupProgressView } from '@bss/signup';
import { Gate, NotFoundUnlessGated, PortalController } from '#portal-self-serve/http/gates';
import { sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';

/** The signup-session JSON (§3.1): what the journey holds and where activation stands. Never a card number. */
export interface SignupSessionJson {
  id: string;
  offeringId: string;
  state: string;
  step: string;
  outcome: SignupProgressView['outcome'];
  msisdn: string | null;
  givenName: string | null;
  familyName: string | null;
  phone: string | null;
  customerId: string | null;
  kycAttested: boolean;
  cardOnFile: boolean;
  orderId: string | null;
  orderState: string | null;
  subscriptionId: string | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toSignupSessionJson(p: SignupProgressView): SignupSessionJson {
  const s = p.signup;
  return {
    id: s.id,
    offeringId: s.offeringId,
    state: s.state,
    step: s.nextStep,
    outcome: p.outcome,
    msisdn: s.msisdn,
    givenName: s.givenName,
    familyName: s.familyName,
    phone: s.phone,
    customerId: s.customerId,
    kycAttested: s.kycAttestedAt !== null,
    cardOnFile: s.paymentMethodId !== null,
    orderId: s.orderId,
    orderState: p.orderState,
    subscriptionId: p.subscriptionId,
    failureReason: p.failureReason,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * `GET /api/session/{sid}` — [improve] §7.4: the reference trusted the signup id alone. Here only a
 * verified session of the identity that owns the signup sees it; no session, an unverified one,
 * an unknown id and someone else's id are the same bare 404.
 */
@PortalController('api/session')
@Gate('verified')
@NotFoundUnlessGated()
export class SignupSessionController {
  constructor(private readonly signups: SignupQueries) {}

  @Get(':sid')
  async show(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('sid') sid: string): Promise<FastifyReply> {
    const progress = await this.signups.progress(sid, sessionOf(req).identityId);
    return reply.status(200).header('cache-control', 'no-store').send(toSignupSessionJson(progress));
  }
}
