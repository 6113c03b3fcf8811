import { NotFound } from '@bss/platform';
import type { PaymentMethodView } from '@bss/payment';
import type { SubscriptionView } from '@bss/subscription';
import type { PortalRequest } from '#portal-self-serve/http/portal-request';

const SUBSCRIPTION_ID = /^SUB-\d{4,}$/;
const PAYMENT_METHOD_ID = /^PM-\d{4,}$/;

/**
 * Ownership without leaks: an id that is malformed, unknown or someone else's is the same
 * NotFound (404). The portal audit still learns which it was.
 */
export async function ownedLine(req: PortalRequest, id: string | undefined, load: (id: string) => Promise<SubscriptionView>): Promise<SubscriptionView> {
  const customerId = req.portal.session?.customerId;
  if (!id || !SUBSCRIPTION_ID.test(id)) throw notOwned(req, 'subscription', String(id ?? ''));
  const line = await load(id).catch(() => null);
  if (!line || line.customerId !== customerId) throw notOwned(req, 'subscription', id);
  return line;
}

export async function ownedPaymentMethod(req: PortalRequest, id: string | undefined, list: (customerId: string) => Promise<PaymentMethodView[]>): Promise<PaymentMethodView> {
  const customerId = req.portal.session?.customerId;
  if (!id || !PAYMENT_METHOD_ID.test(id) || !customerId) throw notOwned(req, 'payment_method', String(id ?? ''));
  const method = (await list(customerId)).find((m) => m.id === id);
  if (!method) throw notOwned(req, 'payment_method', id);
  return method;
}

export function notOwned(req: PortalRequest, kind: 'subscription' | 'payment_method' | 'contact_medium', id: string): NotFound {
  req.portal.actionError = `policy.ownership.${kind}_not_owned`;
  return new NotFound(kind, id);
}
