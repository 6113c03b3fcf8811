import { PolicyViolation } from '@bss/platform';
import { SUBSCRIPTION_RULES as R } from '#subscription/subscription.errors';
import { nextSubscriptionState, type SubscriptionState } from '#subscription/domain/subscription.state';

interface Line {
  id: string;
  state: SubscriptionState;
}

interface PlannedLine extends Line {
  offeringId: string;
  pendingOfferingId: string | null;
}

const CUSTOMER_STATUSES_THAT_MAY_HOLD_A_LINE: readonly string[] = ['active', 'pending'];

/** `subscription.create.requires_customer`: the customer exists and is active or pending. */
export function assertCustomerCanHoldLine(customerId: string, status: string | undefined): void {
  if (status === undefined || !CUSTOMER_STATUSES_THAT_MAY_HOLD_A_LINE.includes(status)) {
    throw new PolicyViolation(R.createRequiresCustomer, `Customer ${customerId} must exist and be active or pending to get a line`, {
      customerId,
      status: status ?? null,
    });
  }
}

/** `subscription.create.msisdn_and_esim_reserved`: the number is reserved (or already ours) and the profile reserved. */
export function assertLineResourcesReserved(resources: { msisdn: string; msisdnStatus: string | undefined; iccid: string; esimStatus: string | undefined }): void {
  const msisdnOk = resources.msisdnStatus === 'reserved' || resources.msisdnStatus === 'assigned';
  const esimOk = resources.esimStatus === 'reserved';
  if (!msisdnOk || !esimOk) {
    throw new PolicyViolation(R.createMsisdnAndEsimReserved, `MSISDN ${resources.msisdn} and eSIM ${resources.iccid} must be reserved before activation`, {
      msisdn: resources.msisdn,
      msisdnStatus: resources.msisdnStatus ?? null,
      iccid: resources.iccid,
      esimStatus: resources.esimStatus ?? null,
    });
  }
}

/** `subscription.renew.only_if_active_or_blocked`, checked before any charge (§11 item 2). */
export function assertRenewable(line: Line): SubscriptionState {
  return nextSubscriptionState(line, 'renew', R.renewOnlyIfActiveOrBlocked);
}

/** `subscription.terminate.invalid_state`: only active or blocked lines terminate. */
export function assertTerminable(line: Line): SubscriptionState {
  return nextSubscriptionState(line, 'terminate', R.terminateInvalidState);
}

/** A card on file is mandatory for every charge; `rule` names the verb that needed it. */
export function assertHasPaymentMethod(hasActiveMethod: boolean, rule: typeof R.renewNoPaymentMethod | typeof R.vasRequiresActiveCof, context: { subscriptionId: string; customerId: string }): void {
  if (!hasActiveMethod) throw new PolicyViolation(rule, `Customer ${context.customerId} has no active card on file`, context);
}

/** `subscription.vas.not_if_terminated`. */
export function assertVasPurchasable(line: Line): void {
  if (line.state === 'terminated') {
    throw new PolicyViolation(R.vasNotIfTerminated, `Subscription ${line.id} is terminated; top-ups are for live lines`, { subscriptionId: line.id, state: line.state });
  }
}

export interface PlanChangeTarget {
  offeringId: string;
  /** In the active catalog now (sellable, active, inside its window). */
  sellableNow: boolean;
  hasActivePrice: boolean;
}

/** `subscription.plan_change.*`: active line, a different target, nothing pending, target sellable and priced now. */
export function assertPlanChangeSchedulable(line: PlannedLine, target: PlanChangeTarget): void {
  const context = { subscriptionId: line.id, currentOfferingId: line.offeringId, newOfferingId: target.offeringId };
  if (line.state !== 'active') {
    throw new PolicyViolation(R.planChangeNotEligibleState, `Subscription ${line.id} is ${line.state}; plan changes are scheduled only on active lines`, { ...context, state: line.state });
  }
  if (target.offeringId === line.offeringId) {
    throw new PolicyViolation(R.planChangeSameOffering, `Subscription ${line.id} is already on ${line.offeringId}`, context);
  }
  if (line.pendingOfferingId !== null) {
    throw new PolicyViolation(R.planChangeAlreadyPending, `Subscription ${line.id} already has a change to ${line.pendingOfferingId} pending; cancel it first`, {
      ...context,
      pendingOfferingId: line.pendingOfferingId,
    });
  }
  if (!target.sellableNow) {
    throw new PolicyViolation(R.planChangeTargetNotSellableNow, `Offering ${target.offeringId} is not sellable now`, context);
  }
  if (!target.hasActivePrice) {
    throw new PolicyViolation(R.planChangeTargetNoActivePrice, `Offering ${target.offeringId} has no active price now`, context);
  }
}

/**
 * Whether there is a plan change to cancel (false: a silent no-op). A pending operator price
 * migration (same offering) is refused: it is not the customer's to cancel.
 */
export function assertPlanChangeCancellable(line: PlannedLine): boolean {
  if (line.state === 'terminated') {
    throw new PolicyViolation(R.planChangeNotEligibleState, `Subscription ${line.id} is terminated`, { subscriptionId: line.id, state: line.state });
  }
  if (line.pendingOfferingId === null) return false;
  if (line.pendingOfferingId === line.offeringId) {
    throw new PolicyViolation(R.cancelPlanChangeNotAPlanChange, `Subscription ${line.id} has an operator price migration pending, not a plan change`, {
      subscriptionId: line.id,
      pendingOfferingId: line.pendingOfferingId,
    });
  }
  return true;
}

/** `subscription.admin_only`: a named actor holding the admin role. */
export function assertAdmin(auth: { actor: string; roles: readonly string[] }): void {
  const named = auth.actor.trim() !== '' && auth.actor !== 'anonymous';
  if (!named || !auth.roles.includes('admin')) {
    throw new PolicyViolation(R.adminOnly, 'Only a named administrator may do this', { actor: auth.actor, roles: [...auth.roles] });
  }
}

/** `subscription.migrate_price.*`: an offering filter, a known price, and that price belongs to the offering. */
export function assertPriceMigrationTarget(offeringId: string | undefined, priceId: string, price: { offeringId: string } | undefined): asserts offeringId is string {
  if (!offeringId) {
    throw new PolicyViolation(R.migratePriceUnsupportedFilter, 'A price migration must name the offering whose lines move', { newPriceId: priceId });
  }
  if (!price) throw new PolicyViolation(R.migratePriceUnknownPrice, `Price ${priceId} does not exist`, { offeringId, newPriceId: priceId });
  if (price.offeringId !== offeringId) {
    throw new PolicyViolation(R.migratePricePriceNotOnOffering, `Price ${priceId} belongs to ${price.offeringId}, not ${offeringId}`, {
      offeringId,
      newPriceId: priceId,
      priceOfferingId: price.offeringId,
    });
  }
}

/** `subscription.vas.vas_offering_sellable`: the VAS exists in the catalog. */
export function assertVasSellable<V>(vasOfferingId: string, vas: V | undefined): asserts vas is V {
  if (vas === undefined) throw new PolicyViolation(R.vasOfferingSellable, `No VAS offering ${vasOfferingId} is on sale`, { vasOfferingId });
}

/** `subscription.vas.requires_active_cof` also covers a declined top-up charge. */
export function assertVasChargeApproved(attempt: { id: string; status: string; declineReason: string | null }, context: { subscriptionId: string; vasOfferingId: string }): void {
  if (attempt.status !== 'approved') {
    throw new PolicyViolation(R.vasRequiresActiveCof, `The card on file was declined for ${context.vasOfferingId}: ${attempt.declineReason ?? attempt.status}`, {
      ...context,
      paymentAttemptId: attempt.id,
      declineReason: attempt.declineReason,
    });
  }
}

/**
 * Whether a top-up brings a blocked line back (§11 item 6): only a line blocked for exhausted
 * data, whose period is still running (a lapsed line needs a renewal), once data is no longer
 * exhausted.
 */
export function topUpUnblocks(line: { state: SubscriptionState; stateReason: string | null; nextRenewalAt: Date | null }, now: Date, dataExhausted: boolean): boolean {
  const periodRunning = line.nextRenewalAt !== null && line.nextRenewalAt.getTime() > now.getTime();
  return line.state === 'blocked' && line.stateReason === 'exhausted' && periodRunning && !dataExhausted;
}
