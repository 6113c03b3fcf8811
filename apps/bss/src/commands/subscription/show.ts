import { Args, Flags } from '@oclif/core';
import { CatalogQueries } from '@bss/catalog';
import { CustomerQueries } from '@bss/crm';
import { InventoryQueries } from '@bss/inventory';
import { Clock, NotFound } from '@bss/platform';
import { SubscriptionQueries, type SubscriptionView, type VasPurchaseView } from '@bss/subscription';
import { renderEsimActivation, renderSubscriptionCard } from '@bss/web';
import { BssCommand } from '#bss/base/bss-command';

export interface EsimActivationDetails {
  iccid: string;
  imsi: string;
  msisdn: string | null;
  /** `LPA:1$<smdp>$<matchingId>`: what the QR encodes. */
  lpa: string;
  smdpServer: string;
  matchingId: string;
  profileState: string;
}

export interface SubscriptionShowResult extends SubscriptionView {
  customerName: string | null;
  offeringName: string | null;
  /** Newest first. */
  vasPurchases: VasPurchaseView[];
  /** Only with --show-esim. */
  esim?: EsimActivationDetails;
}

/** How a verb hands its linked services to the shared loaders below: `(type) => this.service(type)`. */
export type ServiceLookup = <S>(type: abstract new (...args: never[]) => S) => Promise<S>;

/** The card of one line: what `show` prints, and what the write verbs print after their change. */
export async function loadSubscriptionCard(service: ServiceLookup, id: string, showEsim = false): Promise<SubscriptionShowResult> {
  const subscriptions = await service(SubscriptionQueries);
  const subscription = await subscriptions.get(id);
  const customerName = await (await service(CustomerQueries))
    .get(subscription.customerId)
    .then((c) => c.name)
    .catch(nullIfNotFound);
  const offeringName = await (await service(CatalogQueries))
    .getOffering(subscription.offeringId)
    .then((o) => o.name)
    .catch(nullIfNotFound);
  const result: SubscriptionShowResult = { ...subscription, customerName, offeringName, vasPurchases: await subscriptions.listVasPurchases(id) };
  if (showEsim) {
    const activation = await (await service(InventoryQueries)).activation(subscription.iccid);
    result.esim = {
      iccid: activation.iccid,
      imsi: activation.imsi,
      msisdn: activation.msisdn,
      lpa: `LPA:1$${activation.smdpServer}$${activation.matchingId}`,
      smdpServer: activation.smdpServer,
      matchingId: activation.matchingId,
      profileState: activation.profileState,
    };
  }
  return result;
}

function nullIfNotFound(error: unknown): null {
  if (error instanceof NotFound) return null;
  throw error;
}

export function renderSubscription(result: SubscriptionShowResult, now: Date): string {
  const card = renderSubscriptionCard(
    {
      id: result.id,
      customerId: result.customerId,
      customerName: result.customerName,
      msisdn: result.msisdn,
      offeringId: result.offeringId,
      offeringName: result.offeringName,
      priceAmount: result.effectiveAmount,
      currency: result.currency,
      state: result.state,
      activatedAt: result.activatedAt,
      nextRenewalAt: result.state === 'terminated' ? null : result.nextRenewalAt,
      balances: result.balances,
      vasPurchases: result.vasPurchases.map((v) => ({
        vasOfferingId: v.vasOfferingId,
        appliedAt: v.appliedAt,
        allowanceAdded: v.allowanceAdded < 0 ? null : v.allowanceAdded,
        unit: v.unit,
        priceAmount: v.priceAmount,
        currency: v.currency,
      })),
      esim: result.esim ? { iccid: result.esim.iccid, imsi: result.esim.imsi, activationCode: result.esim.lpa } : null,
    },
    { now, showEsim: result.esim !== undefined },
  );
  const notes: string[] = [];
  if (result.stateReason && result.state !== 'active') notes.push(`Reason: ${result.stateReason}`);
  if (result.dataUnlimitedUntil) notes.push(`Unlimited data until ${result.dataUnlimitedUntil.toISOString().replace('T', ' ').slice(0, 16)}`);
  if (result.pendingOfferingId) {
    const kind = result.pendingOfferingId === result.offeringId ? 'Price change' : `Plan change to ${result.pendingOfferingId}`;
    notes.push(`${kind} pending (price ${result.pendingOfferingPriceId}) from ${result.pendingEffectiveAt?.toISOString().slice(0, 10) ?? '—'}`);
  }
  if (result.discountPeriodsRemaining !== 0 && result.discountType) {
    const periods = result.discountPeriodsRemaining < 0 ? 'every period' : `${result.discountPeriodsRemaining} more period(s)`;
    notes.push(`Promo ${result.promoCode ?? ''}: ${result.currency} ${result.effectiveAmount} instead of ${result.priceAmount} for ${periods}`.replace('  ', ' '));
  }
  const parts = [card, ...(notes.length ? [notes.join('\n')] : [])];
  if (result.esim) {
    parts.push(renderEsimActivation({ iccid: result.esim.iccid, imsi: result.esim.imsi, msisdn: result.esim.msisdn, activationCode: result.esim.lpa, status: result.esim.profileState }, { showFull: true }));
  }
  return parts.join('\n');
}

export default class SubscriptionShow extends BssCommand<SubscriptionShowResult> {
  static override summary = 'Show one line: state, bundle balances, renewal, top-ups (and its eSIM with --show-esim)';
  static override examples = ['<%= config.bin %> subscription show SUB-0001', '<%= config.bin %> subscription show SUB-0001 --show-esim', '<%= config.bin %> subscription show SUB-0001 --json'];
  static override args = { id: Args.string({ required: true, description: 'Subscription id, e.g. SUB-0001' }) };
  static override flags = { 'show-esim': Flags.boolean({ description: 'Add the eSIM activation block: LPA string and a scannable QR', default: false }) };

  private now = new Date(0);

  protected async execute(): Promise<SubscriptionShowResult> {
    const { args, flags } = await this.parse(SubscriptionShow);
    this.now = await (await this.service(Clock)).now();
    return loadSubscriptionCard((type) => this.service(type), args.id, flags['show-esim']);
  }

  protected render(result: SubscriptionShowResult): string {
    return renderSubscription(result, this.now);
  }
}
