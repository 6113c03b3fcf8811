import { renderCustomerList, renderOrderList, renderSubscriptionCard, type SubscriptionBalance } from '@bss/web';

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): Row[] | null => (Array.isArray(value) && value.every(isRow) ? value : null);

/** A line-shaped result (the view a subscription tool returns, or one nested under `subscription`). */
function lineOf(result: unknown): Row | null {
  const row = isRow(result) && isRow(result.subscription) ? result.subscription : result;
  return isRow(row) && typeof row.msisdn === 'string' && Array.isArray(row.balances) && typeof row.state === 'string' ? row : null;
}

/**
 * Tool results as the ASCII cards of @bss/web, for the ones the cockpit thread shows most: a
 * line (any subscription.* result), customer and order lists. Anything else → null, and the
 * thread shows the JSON (the conversation service stores whichever text was shown).
 */
export function renderToolCard(toolName: string, result: unknown): string | null {
  const line = lineOf(result);
  if (line) {
    return renderSubscriptionCard(
      {
        id: String(line.id),
        customerId: String(line.customerId),
        msisdn: String(line.msisdn),
        offeringId: String(line.offeringId),
        priceAmount: (line.effectiveAmount ?? line.priceAmount ?? null) as string | null,
        currency: (line.currency ?? null) as string | null,
        state: String(line.state),
        activatedAt: (line.activatedAt ?? null) as string | null,
        nextRenewalAt: line.state === 'terminated' ? null : ((line.nextRenewalAt ?? null) as string | null),
        balances: line.balances as SubscriptionBalance[],
      },
      { now: new Date() },
    );
  }
  const rows = listOf(result);
  if (rows && toolName === 'customer.list') return renderCustomerList(rows.map((c) => ({ id: String(c.id), name: String(c.name), status: String(c.status), email: (c.email ?? null) as string | null })));
  if (rows && toolName === 'order.list') return renderOrderList(rows.map((o) => ({ id: String(o.id), state: String(o.state), customerId: String(o.customerId), placedAt: (o.orderDate ?? null) as string | null })));
  return null;
}
