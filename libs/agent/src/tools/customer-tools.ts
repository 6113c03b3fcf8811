import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CatalogQueries } from '@bss/catalog';
import { CaseQueries, CHAT_ESCALATION_CATEGORIES, CustomerQueries, type ChatEscalationCategory } from '@bss/crm';
import { InventoryQueries } from '@bss/inventory';
import { PaymentQueries } from '@bss/payment';
import { Clock, NotFound, PolicyViolation } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { SUBSCRIPTION_ID_PATTERN, SubscriptionQueries, type SubscriptionView } from '@bss/subscription';
import { NoInput, defineTool } from './read-tool';
import { OfferingIdInput, service } from './operator-read-tools';
import type { ToolDescriptor, ToolRuntime } from './tool-descriptor';

export const CUSTOMER_RULES = {
  noActorBound: 'chat.no_actor_bound',
  notOwned: 'policy.subscription.not_owned_by_actor',
} as const;

/** The five chat escalation categories plus `other` for CSR triage (crm maps them to case category and priority). */
export const ESCALATION_CATEGORIES = CHAT_ESCALATION_CATEGORIES;
export type EscalationCategory = ChatEscalationCategory;

/**
 * The customer the wrappers act for: bound by the surface from the logged-in session, never
 * taken from the model's arguments.
 */
export function boundCustomer(): string {
  const customerId = currentAuth().customerId;
  if (!customerId) throw new PolicyViolation(CUSTOMER_RULES.noActorBound, 'No customer is signed in to this conversation', {});
  return customerId;
}

/** Layer 2 of the customer chat: a subscription id the model passes must be one of the bound customer's lines. */
async function ownedLine(runtime: ToolRuntime, subscriptionId: string): Promise<SubscriptionView> {
  const customerId = boundCustomer();
  const line = await service(runtime, SubscriptionQueries)
    .get(subscriptionId)
    .catch((error: unknown) => {
      if (error instanceof NotFound) return null;
      throw error;
    });
  // An unknown id answers like a foreign one, so the model cannot probe which lines exist.
  if (!line || line.customerId !== customerId) {
    throw new PolicyViolation(CUSTOMER_RULES.notOwned, `Subscription ${subscriptionId} is not one of your lines`, { subscriptionId });
  }
  return line;
}

function withCharge(line: SubscriptionView) {
  const discounted = line.discountType && line.discountPeriodsRemaining !== 0;
  const activeDiscount = discounted
    ? `${line.discountType === 'percent' ? `${line.discountValue}% off` : `${line.currency} ${line.discountValue} off`}${
        line.discountPeriodsRemaining < 0 ? ' (ongoing)' : ` (${line.discountPeriodsRemaining} more renewal(s))`
      }`
    : null;
  return { ...line, currentMonthlyCharge: `${line.currency} ${line.effectiveAmount || line.priceAmount}`, activeDiscount };
}

class MySubscriptionInput {
  @Matches(SUBSCRIPTION_ID_PATTERN) subscriptionId!: string;
}
class MyUsageInput {
  @IsOptional() @Matches(SUBSCRIPTION_ID_PATTERN) subscriptionId?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) limit?: number;
}
class MyVasPurchaseInput {
  @Matches(SUBSCRIPTION_ID_PATTERN) subscriptionId!: string;
  @Matches(/^VAS_[A-Z0-9_]{1,60}$/) vasOfferingId!: string;
}
class MyPlanChangeInput {
  @Matches(SUBSCRIPTION_ID_PATTERN) subscriptionId!: string;
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/) offeringId!: string;
}
class MyCaseInput {
  @IsIn([...ESCALATION_CATEGORIES]) category!: EscalationCategory;
  @IsString() @Matches(/\S/) @MaxLength(200) subject!: string;
  @IsString() @Matches(/\S/) @MaxLength(3900) description!: string;
}

const NOT_OWNED = `POLICY_VIOLATION ${CUSTOMER_RULES.notOwned} when the line is not yours; ${CUSTOMER_RULES.noActorBound} when nobody is signed in`;
const NO_ACTOR = `POLICY_VIOLATION ${CUSTOMER_RULES.noActorBound} when nobody is signed in`;

/** Profile `customer_self_serve`: three catalog reads and the wrappers bound to the signed-in customer. */
export const CUSTOMER_TOOLS: readonly ToolDescriptor[] = [
  defineTool({
    name: 'catalog.list_active_offerings',
    audience: 'customer',
    summary: 'List the plans on sale now, cheapest first, with monthly price and allowances',
    returns: 'an array of plans {id, name, prices, allowances}',
    input: NoInput,
    run: async (rt) => service(rt, CatalogQueries).listActiveOfferings(await service(rt, Clock).now()),
  }),
  defineTool({
    name: 'catalog.get_offering',
    audience: 'customer',
    summary: 'Show one plan by id (PLAN_S, PLAN_M, PLAN_L, …)',
    returns: 'the plan {id, name, prices, allowances}',
    input: OfferingIdInput,
    run: (rt, i: OfferingIdInput) => service(rt, CatalogQueries).getOffering(i.offeringId),
  }),
  defineTool({
    name: 'catalog.list_vas',
    audience: 'customer',
    summary: 'List the top-ups (VAS offerings) a line can buy, with price and allowance',
    returns: 'an array of VAS offerings {id, name, priceAmount, currency, allowanceType, allowanceAmount}',
    input: NoInput,
    run: (rt) => service(rt, CatalogQueries).listVas(),
  }),
  defineTool({
    name: 'subscription.list_mine',
    audience: 'customer',
    summary: "List the signed-in customer's own lines with balances, current monthly charge and active discount",
    returns: 'an array of your subscriptions with currentMonthlyCharge and activeDiscount',
    errors: NO_ACTOR,
    input: NoInput,
    run: async (rt) => (await service(rt, SubscriptionQueries).listForCustomer(boundCustomer())).map(withCharge),
  }),
  defineTool({
    name: 'subscription.get_mine',
    audience: 'customer',
    summary: "Show one of the signed-in customer's own lines with balances, renewal date and current monthly charge",
    returns: 'the subscription with currentMonthlyCharge and activeDiscount',
    errors: NOT_OWNED,
    input: MySubscriptionInput,
    run: async (rt, i: MySubscriptionInput) => withCharge(await ownedLine(rt, i.subscriptionId)),
  }),
  defineTool({
    name: 'subscription.get_balance_mine',
    audience: 'customer',
    summary: "The remaining bundle (data, voice, SMS) of one of the signed-in customer's lines",
    returns: '{subscriptionId, state, balances, nextRenewalAt}',
    errors: NOT_OWNED,
    input: MySubscriptionInput,
    run: async (rt, i: MySubscriptionInput) => {
      const line = await ownedLine(rt, i.subscriptionId);
      return { subscriptionId: line.id, state: line.state, balances: line.balances, nextRenewalAt: line.nextRenewalAt, dataUnlimitedUntil: line.dataUnlimitedUntil };
    },
  }),
  defineTool({
    name: 'subscription.get_lpa_mine',
    audience: 'customer',
    summary: "The eSIM activation code (LPA) of one of the signed-in customer's lines, to install the eSIM",
    returns: '{subscriptionId, iccid, activationCode, profileState}',
    errors: NOT_OWNED,
    input: MySubscriptionInput,
    run: async (rt, i: MySubscriptionInput) => {
      const line = await ownedLine(rt, i.subscriptionId);
      const activation = await service(rt, InventoryQueries).activation(line.iccid);
      return { subscriptionId: line.id, iccid: activation.iccid, activationCode: activation.activationCode, profileState: activation.profileState };
    },
  }),
  defineTool({
    name: 'usage.history_mine',
    audience: 'customer',
    summary: "Recent usage (data, voice, SMS events) of one of the signed-in customer's lines, or of all of them newest first",
    returns: 'an array of usage events {subscriptionId, eventType, quantity, unit, eventTime}',
    errors: NOT_OWNED,
    input: MyUsageInput,
    run: async (rt, i: MyUsageInput) => {
      const limit = i.limit ?? 100;
      const subscriptions = service(rt, SubscriptionQueries);
      const lineIds = i.subscriptionId
        ? [(await ownedLine(rt, i.subscriptionId)).id]
        : (await subscriptions.listForCustomer(boundCustomer())).map((l) => l.id);
      const events = (await Promise.all(lineIds.map((subscriptionId) => subscriptions.listUsage({ subscriptionId, limit })))).flat();
      return events.sort((a, b) => b.eventTime.getTime() - a.eventTime.getTime()).slice(0, limit);
    },
  }),
  defineTool({
    name: 'customer.get_mine',
    audience: 'customer',
    summary: "The signed-in customer's own profile: name, status, KYC status, email and phone",
    returns: 'the customer {id, name, status, kycStatus, email, phone}',
    errors: NO_ACTOR,
    input: NoInput,
    run: (rt) => service(rt, CustomerQueries).get(boundCustomer()),
  }),
  defineTool({
    name: 'payment.method_list_mine',
    audience: 'customer',
    summary: "The signed-in customer's cards on file (brand, last four digits, expiry, default)",
    returns: 'an array of payment methods',
    errors: NO_ACTOR,
    input: NoInput,
    run: (rt) => service(rt, PaymentQueries).listMethods(boundCustomer()),
  }),
  defineTool({
    name: 'payment.charge_history_mine',
    audience: 'customer',
    summary: "The signed-in customer's charges (plan renewals, top-ups), newest first",
    returns: 'an array of payment attempts {id, amount, currency, purpose, status, createdAt}',
    errors: NO_ACTOR,
    input: NoInput,
    run: (rt) => service(rt, PaymentQueries).listAttempts(boundCustomer()),
  }),
  defineTool({
    name: 'vas.purchase_for_me',
    audience: 'customer',
    kind: 'write',
    summary: "Buy a top-up (VAS) for one of the signed-in customer's lines, charged to the card on file; it also unblocks an exhausted line",
    returns: '{subscription, vasPurchase, paymentAttempt, unblocked}',
    errors: `${NOT_OWNED}; POLICY_VIOLATION when there is no card on file or the line cannot take a top-up`,
    input: MyVasPurchaseInput,
    delegatesTo: ['subscription.vas'],
    run: async (rt, i: MyVasPurchaseInput) => {
      await ownedLine(rt, i.subscriptionId);
      return rt.runVerb('subscription.vas', { subscriptionId: i.subscriptionId, vasOfferingId: i.vasOfferingId });
    },
  }),
  defineTool({
    name: 'subscription.schedule_plan_change_mine',
    audience: 'customer',
    kind: 'write',
    summary: "Schedule a plan change on one of the signed-in customer's lines; it takes effect at the next renewal (no proration)",
    returns: 'the subscription with pendingOfferingId and pendingEffectiveAt',
    errors: `${NOT_OWNED}; POLICY_VIOLATION when the plan is not on sale or is the current one`,
    input: MyPlanChangeInput,
    delegatesTo: ['subscription.schedule_plan_change'],
    run: async (rt, i: MyPlanChangeInput) => {
      await ownedLine(rt, i.subscriptionId);
      return rt.runVerb('subscription.schedule_plan_change', { subscriptionId: i.subscriptionId, offeringId: i.offeringId });
    },
  }),
  defineTool({
    name: 'subscription.cancel_pending_plan_change_mine',
    audience: 'customer',
    kind: 'write',
    summary: "Cancel the plan change scheduled on one of the signed-in customer's lines",
    returns: 'the subscription without a pending plan',
    errors: `${NOT_OWNED}; POLICY_VIOLATION when no plan change is pending`,
    input: MySubscriptionInput,
    delegatesTo: ['subscription.cancel_plan_change'],
    run: async (rt, i: MySubscriptionInput) => {
      await ownedLine(rt, i.subscriptionId);
      return rt.runVerb('subscription.cancel_plan_change', { subscriptionId: i.subscriptionId });
    },
  }),
  defineTool({
    name: 'subscription.terminate_mine',
    audience: 'customer',
    kind: 'write',
    destructive: true,
    summary: "Terminate (cancel for good) one of the signed-in customer's lines; only when the customer explicitly asks for it",
    returns: 'the terminated subscription',
    errors: NOT_OWNED,
    input: MySubscriptionInput,
    delegatesTo: ['subscription.terminate'],
    run: async (rt, i: MySubscriptionInput) => {
      await ownedLine(rt, i.subscriptionId);
      return rt.runVerb('subscription.terminate', { subscriptionId: i.subscriptionId, reason: 'customer_requested' });
    },
  }),
  defineTool({
    name: 'case.open_for_me',
    audience: 'customer',
    kind: 'write',
    summary:
      'Open a support case for the signed-in customer; call it first for fraud, billing disputes, regulator complaints, identity recovery or bereavement, then say a human will follow up by email',
    returns: 'the case {id, subject, category, priority, state}',
    errors: NO_ACTOR,
    input: MyCaseInput,
    delegatesTo: ['case.open_from_chat'],
    // The transcript (the conversation so far, with this request) is filed under its SHA-256 and
    // the case carries the hash; a surface without one files the request itself.
    run: (rt, i: MyCaseInput) =>
      rt.runVerb('case.open_from_chat', {
        customerId: boundCustomer(),
        category: i.category,
        subject: i.subject,
        description: i.description,
        transcript: rt.transcript?.trim() ? rt.transcript : `User: ${i.description}`,
      }),
  }),
  defineTool({
    name: 'case.list_for_me',
    audience: 'customer',
    summary: "The signed-in customer's own support cases, newest first",
    returns: 'an array of cases {id, subject, category, priority, state, openedAt}',
    errors: NO_ACTOR,
    input: NoInput,
    run: (rt) => service(rt, CaseQueries).list({ customerId: boundCustomer(), limit: 50 }),
  }),
];
