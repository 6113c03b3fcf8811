import { Inject, Injectable } from '@nestjs/common';
import { OrderQueries } from '@bss/orders';
import { Database, NotFound } from '@bss/platform';
import type { SignupJourneyEntity } from '#signup/domain/signup-journey.entity';
import type { SignupState, SignupStep } from '#signup/domain/signup.state';
import { SIGNUP_CONFIG, type SignupConfig } from '#signup/signup.config';
import { kycHandoffState, type KycHandoffState } from '#signup/policies/kyc-handoff.policies';
import { nextSignupStep, signupOrderNeedsStepUp } from '#signup/policies/signup.policies';
import { KycDecisionQueries } from './kyc-decision.queries';

export interface SignupView {
  id: string;
  identityId: string;
  offeringId: string;
  msisdn: string | null;
  givenName: string | null;
  familyName: string | null;
  phone: string | null;
  state: SignupState;
  customerId: string | null;
  /** Started by someone who was already a customer (not created by this journey). */
  forExistingCustomer: boolean;
  /** Placing the order needs a fresh step-up first (signupOrderNeedsStepUp). */
  orderNeedsStepUp: boolean;
  kycAttestedAt: Date | null;
  /** The Didit session of a KYC handoff (didit mode only). */
  kycSessionId: string | null;
  paymentMethodId: string | null;
  orderId: string | null;
  /** Where the customer continues while collecting. */
  nextStep: SignupStep;
  createdAt: Date;
  updatedAt: Date;
}

/** Activation as the customer sees it, read from the order (the single source of truth). */
export type SignupOutcome = 'collecting' | 'activating' | 'completed' | 'failed';

export interface SignupProgressView {
  signup: SignupView;
  outcome: SignupOutcome;
  orderState: string | null;
  failureReason: string | null;
  subscriptionId: string | null;
  /** Service-order milestones for the timeline. */
  milestones: { label: string; done: boolean }[];
}

export function toSignupView(j: SignupJourneyEntity): SignupView {
  return {
    id: j.id,
    identityId: j.identityId,
    offeringId: j.offeringId,
    msisdn: j.msisdn,
    givenName: j.givenName,
    familyName: j.familyName,
    phone: j.phone,
    state: j.state,
    customerId: j.customerId,
    forExistingCustomer: j.forExistingCustomer,
    orderNeedsStepUp: signupOrderNeedsStepUp(j),
    kycAttestedAt: j.kycAttestedAt,
    kycSessionId: j.kycSessionId ?? null,
    paymentMethodId: j.paymentMethodId,
    orderId: j.orderId,
    nextStep: nextSignupStep(j),
    createdAt: j.createdAt,
    updatedAt: j.updatedAt,
  };
}

interface JourneyRow {
  id: string;
  identity_id: string;
  offering_id: string;
  msisdn: string | null;
  given_name: string | null;
  family_name: string | null;
  phone: string | null;
  state: SignupState;
  customer_id: string | null;
  for_existing_customer: boolean;
  kyc_attested_at: Date | null;
  kyc_session_id: string | null;
  payment_method_id: string | null;
  order_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A Didit handoff as the KYC step shows it: where to verify, and what Didit said so far. */
export interface KycHandoffView {
  signupId: string;
  sessionId: string;
  verifyUrl: string;
  state: KycHandoffState;
  decision: string | null;
}

@Injectable()
export class SignupQueries {
  constructor(
    private readonly db: Database,
    private readonly orders: OrderQueries,
    private readonly decisions: KycDecisionQueries,
    @Inject(SIGNUP_CONFIG) private readonly config: SignupConfig,
  ) {}

  /** Which KYC flow the funnel shows: `prebaked` attests on submit, `didit` hands off to the phone. */
  kycProvider(): SignupConfig['kyc']['provider'] {
    return this.config.kyc.provider;
  }

  /** The journey's Didit handoff, or null before one started (or outside didit mode). */
  async kycHandoff(signupId: string, identityId: string): Promise<KycHandoffView | null> {
    const signup = await this.get(signupId, identityId);
    if (this.config.kyc.provider !== 'didit' || !signup.kycSessionId) return null;
    const decision = await this.decisions.forSession(signup.kycSessionId);
    return {
      signupId,
      sessionId: signup.kycSessionId,
      verifyUrl: `${this.config.kyc.diditVerifyUrl}/${encodeURIComponent(signup.kycSessionId)}`,
      state: signup.kycAttestedAt ? 'approved' : kycHandoffState(decision?.status ?? null),
      decision: decision?.status ?? null,
    };
  }

  /** A journey of this identity; another identity's journey is NotFound, exactly like a missing one. */
  async get(signupId: string, identityId: string): Promise<SignupView> {
    const [row] = /^SGN-[0-9a-f]{16}$/.test(signupId)
      ? await this.db.query<JourneyRow>(`select * from portal_auth.signup_journey where id = $1 and identity_id = $2`, [signupId, identityId])
      : [];
    if (!row) throw new NotFound('signup', signupId);
    return toSignupView({
      id: row.id,
      identityId: row.identity_id,
      offeringId: row.offering_id,
      msisdn: row.msisdn,
      givenName: row.given_name,
      familyName: row.family_name,
      phone: row.phone,
      state: row.state,
      customerId: row.customer_id,
      forExistingCustomer: row.for_existing_customer,
      kycAttestedAt: row.kyc_attested_at,
      kycSessionId: row.kyc_session_id,
      paymentMethodId: row.payment_method_id,
      orderId: row.order_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      tenantId: 'DEFAULT',
    });
  }

  /**
   * Whether this identity's journey must be stepped up before its order is placed. An unknown or
   * foreign journey answers false: the order command itself then refuses it as not found.
   */
  async orderNeedsStepUp(signupId: string, identityId: string): Promise<boolean> {
    const signup = await this.get(signupId, identityId).catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    });
    return signup?.orderNeedsStepUp ?? false;
  }

  async progress(signupId: string, identityId: string): Promise<SignupProgressView> {
    const signup = await this.get(signupId, identityId);
    if (!signup.orderId) return { signup, outcome: 'collecting', orderState: null, failureReason: null, subscriptionId: null, milestones: [] };
    const order = await this.orders.get(signup.orderId);
    const subscriptionId = order.subscriptionId ?? order.item.targetSubscriptionId;
    const outcome: SignupOutcome =
      order.state === 'completed' && subscriptionId ? 'completed' : order.state === 'failed' || order.state === 'cancelled' ? 'failed' : 'activating';
    const so = order.serviceOrders[0];
    const milestones = [
      { label: 'Order received', done: true },
      { label: 'Number and eSIM reserved', done: !!so },
      { label: 'Network provisioning', done: so?.state === 'completed' },
      { label: 'First payment and activation', done: outcome === 'completed' },
    ];
    return { signup, outcome, orderState: order.state, failureReason: order.failureReason, subscriptionId: outcome === 'completed' ? subscriptionId : null, milestones };
  }

  /** The identity's most recent journey still collecting, to resume instead of starting over. */
  async openJourney(identityId: string): Promise<SignupView | null> {
    const [row] = await this.db.query<{ id: string }>(
      `select id from portal_auth.signup_journey where identity_id = $1 and state = 'collecting' order by created_at desc limit 1`,
      [identityId],
    );
    return row ? this.get(row.id, identityId) : null;
  }
}
