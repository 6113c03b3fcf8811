import { performance } from 'node:perf_hooks';
import { InvalidInput, UpstreamFailed } from '@bss/platform';
import { CARD_BRANDS, normalizeAmount, type CardBrand } from '#payment/domain/payment.values';
import { PaymentGateway, type CardDetails, type CardToken, type ChargeOutcome, type ChargeRequest } from '#payment/ports/payment-gateway.port';
import type { ExternalCallLog } from '@bss/audit';
import { redactToken } from './external-call.log';

export const STRIPE_API_BASE = 'https://api.stripe.com';

export interface StripeConfig {
  apiKey?: string;
  baseUrl?: string;
  fetch?: typeof fetch;
}

export interface HttpRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

interface StripeError {
  type?: string;
  code?: string;
  decline_code?: string;
  message?: string;
  payment_intent?: { id?: string };
}

/** "25.00" → 2500: Stripe takes integer minor units (SGD has two decimals). */
export function toMinorUnits(amount: string): number {
  const [whole, fraction = ''] = normalizeAmount(amount).replace('-', '').split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  return amount.startsWith('-') ? -cents : cents;
}

/**
 * The real provider, Stripe-shaped: form-encoded POSTs with a bearer key, `Idempotency-Key` on
 * every charge so a retry after a lost answer can never charge twice. Selected by
 * `BSS_PAYMENT_PROVIDER=stripe` with `BSS_PAYMENT_STRIPE_API_KEY`.
 */
export class StripePaymentGatewayAdapter extends PaymentGateway {
  readonly provider = 'stripe' as const;
  private readonly baseUrl: string;
  private readonly send: typeof fetch;

  constructor(
    private readonly config: StripeConfig,
    private readonly calls?: ExternalCallLog,
  ) {
    super();
    this.baseUrl = config.baseUrl ?? STRIPE_API_BASE;
    this.send = config.fetch ?? fetch;
  }

  get configured(): boolean {
    return Boolean(this.config.apiKey);
  }

  buildTokenizeRequest(card: CardDetails): HttpRequest {
    return this.post('/v1/payment_methods', {
      type: 'card',
      'card[number]': card.cardNumber,
      'card[exp_month]': String(card.expMonth),
      'card[exp_year]': String(card.expYear),
    });
  }

  buildChargeRequest(request: ChargeRequest): HttpRequest {
    const http = this.post('/v1/payment_intents', {
      amount: String(toMinorUnits(request.amount)),
      currency: request.currency.toLowerCase(),
      payment_method: request.token,
      'payment_method_types[]': 'card',
      confirm: 'true',
      off_session: 'true',
      'metadata[attempt_id]': request.reference,
    });
    http.headers['Idempotency-Key'] = request.idempotencyKey;
    return http;
  }

  async tokenize(card: CardDetails): Promise<CardToken> {
    const started = performance.now();
    const summary = { last4: card.cardNumber.slice(-4), expMonth: card.expMonth, expYear: card.expYear };
    const { status, body } = await this.exchange(this.buildTokenizeRequest(card), 'tokenize', started, summary);
    if (status >= 200 && status < 300) {
      const pm = body as { id: string; card?: { brand?: string; last4?: string; exp_month?: number; exp_year?: number } };
      await this.log('tokenize', 'ok', started, summary, { token: redactToken(pm.id) });
      return {
        token: pm.id,
        brand: toBrand(pm.card?.brand),
        last4: pm.card?.last4 ?? summary.last4,
        expMonth: pm.card?.exp_month ?? card.expMonth,
        expYear: pm.card?.exp_year ?? card.expYear,
      };
    }
    const error = errorOf(body);
    await this.log('tokenize', 'errored', started, summary, { code: error.code ?? null }, error.message);
    if (status === 402 || status === 400) throw new InvalidInput([{ field: 'cardNumber', messages: [error.message ?? 'the provider rejected the card'] }]);
    throw new UpstreamFailed(this.provider, `Stripe tokenize failed with HTTP ${status}`, { status, code: error.code });
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    const started = performance.now();
    const summary = { idempotencyKey: request.idempotencyKey, token: redactToken(request.token), amount: request.amount, currency: request.currency };
    const { status, body } = await this.exchange(this.buildChargeRequest(request), 'charge', started, summary, request.reference);
    const outcome = chargeOutcome(status, body);
    if (!outcome) {
      // 429 / 5xx: the charge may or may not have happened; the same key asks again safely.
      await this.log('charge', 'failed', started, summary, { httpStatus: status }, `HTTP ${status}`, request.reference);
      throw new UpstreamFailed(this.provider, `Stripe charge answered HTTP ${status}; retry with the same idempotency key`, { status });
    }
    await this.log('charge', outcome.status, started, summary, { ...outcome, httpStatus: status }, null, request.reference);
    return outcome;
  }

  private post(path: string, fields: Record<string, string>): HttpRequest {
    return {
      url: `${this.baseUrl}${path}`,
      method: 'POST',
      headers: { Authorization: `Bearer ${this.config.apiKey ?? ''}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    };
  }

  private async exchange(
    http: HttpRequest,
    operation: string,
    started: number,
    summary: Record<string, unknown>,
    aggregateId?: string,
  ): Promise<{ status: number; body: unknown }> {
    if (!this.configured) throw new UpstreamFailed(this.provider, 'BSS_PAYMENT_STRIPE_API_KEY is not set');
    try {
      const response = await this.send(http.url, { method: http.method, headers: http.headers, body: http.body });
      const body: unknown = await response.json().catch(() => ({}));
      return { status: response.status, body };
    } catch (error) {
      await this.log(operation, 'failed', started, summary, undefined, (error as Error).message, aggregateId);
      throw new UpstreamFailed(this.provider, `Stripe ${operation} did not answer: ${(error as Error).message}`);
    }
  }

  private async log(
    operation: string,
    status: string,
    started: number,
    request: Record<string, unknown>,
    response?: Record<string, unknown>,
    error?: string | null,
    aggregateId?: string,
  ): Promise<void> {
    await this.calls?.record({ provider: this.provider, operation, status, latencyMs: performance.now() - started, aggregateId, request, response, error });
  }
}

/** A definite outcome, or null when the provider's answer leaves it unknown. */
export function chargeOutcome(status: number, body: unknown): ChargeOutcome | null {
  if (status >= 200 && status < 300) {
    const intent = body as { id?: string; status?: string };
    if (intent.status === 'succeeded') return { status: 'approved', gatewayRef: intent.id ?? null, declineReason: null, declineCode: null };
    return { status: 'declined', gatewayRef: intent.id ?? null, declineReason: `payment_intent_${intent.status ?? 'unknown'}`, declineCode: 'authentication_required' };
  }
  if (status === 429 || status >= 500) return null;
  const error = errorOf(body);
  if (status === 402) {
    return {
      status: 'declined',
      gatewayRef: error.payment_intent?.id ?? null,
      declineReason: error.decline_code ?? 'card_declined_by_issuer',
      declineCode: error.code ?? 'card_declined',
    };
  }
  return { status: 'errored', gatewayRef: null, declineReason: error.message ?? `HTTP ${status}`, declineCode: error.code ?? `http_${status}` };
}

function errorOf(body: unknown): StripeError {
  return ((body as { error?: StripeError } | null)?.error ?? {}) as StripeError;
}

function toBrand(brand: string | undefined): CardBrand {
  return (CARD_BRANDS as readonly string[]).includes(brand ?? '') ? (brand as CardBrand) : 'unknown';
}
