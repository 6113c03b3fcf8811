import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { Clock, Database } from '@bss/platform';
import { cardBrand, cardLast4, DECLINING_TEST_PAN, testMarkerOf } from '#payment/domain/card-number';
import { isPositiveAmount, normalizeAmount } from '#payment/domain/payment.values';
import { PaymentGateway, type CardDetails, type CardToken, type ChargeOutcome, type ChargeRequest } from '#payment/ports/payment-gateway.port';
import { ExternalCallLog } from '@bss/audit';
import { redactToken } from './external-call.log';

interface LedgerRow {
  token: string;
  amount: string;
  currency: string;
  outcome: ChargeOutcome['status'];
  decline_reason: string | null;
  decline_code: string | null;
  gateway_ref: string;
}

export const MOCK_DECLINE = { reason: 'card_declined_by_issuer', code: 'card_declined' } as const;

/**
 * Dev/test provider. Tokens carry their fate: `tok_FAIL_…` / `tok_DECLINE_…` (from card text with
 * those markers, or the sandbox decline card 4000 0000 0000 0002) are declined, every other token
 * is approved. Its ledger (`payment.mock_gateway_charge`, written outside our transactions, as a
 * provider's would be) makes `charge` idempotent per key like a real gateway.
 */
@Injectable()
export class MockPaymentGatewayAdapter extends PaymentGateway {
  readonly provider = 'mock' as const;
  readonly configured = true;
  private crashAfterNext = false;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly calls: ExternalCallLog,
  ) {
    super();
  }

  /**
   * Test hook: the next charge goes through at the "provider", then this process "dies" before
   * hearing the answer — the window idempotency keys exist for.
   */
  crashAfterNextCharge(): void {
    this.crashAfterNext = true;
  }

  async tokenize(card: CardDetails): Promise<CardToken> {
    const started = performance.now();
    const marker = testMarkerOf(card.cardNumber) ?? (card.cardNumber === DECLINING_TEST_PAN ? 'DECLINE' : null);
    const token = marker ? `tok_${marker}_${randomUUID()}` : `tok_${randomUUID()}`;
    const result: CardToken = { token, brand: cardBrand(card.cardNumber), last4: cardLast4(card.cardNumber), expMonth: card.expMonth, expYear: card.expYear };
    await this.calls.record({
      provider: this.provider,
      operation: 'tokenize',
      status: 'ok',
      latencyMs: performance.now() - started,
      request: { brand: result.brand, last4: result.last4, expMonth: card.expMonth, expYear: card.expYear },
      response: { token: redactToken(token) },
    });
    return result;
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const started = performance.now();
    const amount = normalizeAmount(request.amount);
    const decided = decide(request.token, amount);
    const inserted = await this.db.query<LedgerRow>(
      `insert into payment.mock_gateway_charge (idempotency_key, token, amount, currency, outcome, decline_reason, decline_code, gateway_ref, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (idempotency_key) do nothing
       returning token, amount, currency, outcome, decline_reason, decline_code, gateway_ref`,
      [request.idempotencyKey, request.token, amount, request.currency, decided.status, decided.declineReason, decided.declineCode, decided.gatewayRef, await this.clock.now()],
    );
    const replayed = inserted.length === 0;
    const [row] = replayed
      ? await this.db.query<LedgerRow>(
          `select token, amount, currency, outcome, decline_reason, decline_code, gateway_ref from payment.mock_gateway_charge where idempotency_key = $1`,
          [request.idempotencyKey],
        )
      : inserted;
    const outcome = replayed && (row.token !== request.token || row.amount !== amount || row.currency !== request.currency)
      ? // What a real gateway does when a key is reused for a different request: refuse it, move nothing.
        { status: 'errored' as const, gatewayRef: null, declineReason: 'idempotency key reused with different parameters', declineCode: 'idempotency_key_in_use' }
      : { status: row.outcome, gatewayRef: row.gateway_ref, declineReason: row.decline_reason, declineCode: row.decline_code };
    await this.calls.record({
      provider: this.provider,
      operation: 'charge',
      status: outcome.status,
      latencyMs: performance.now() - started,
      aggregateId: request.reference,
      request: { idempotencyKey: request.idempotencyKey, token: redactToken(request.token), amount, currency: request.currency },
      response: { ...outcome, replayed },
    });
    if (this.crashAfterNext) {
      this.crashAfterNext = false;
      throw new Error('simulated crash after the gateway charged');
    }
    return outcome;
  }
}

function decide(token: string, amount: string): ChargeOutcome & { gatewayRef: string } {
  const gatewayRef = `mock_${randomUUID()}`;
  if (!isPositiveAmount(amount)) return { status: 'errored', gatewayRef, declineReason: 'amount must be more than 0', declineCode: 'invalid_amount' };
  if (testMarkerOf(token)) return { status: 'declined', gatewayRef, declineReason: MOCK_DECLINE.reason, declineCode: MOCK_DECLINE.code };
  return { status: 'approved', gatewayRef, declineReason: null, declineCode: null };
}
