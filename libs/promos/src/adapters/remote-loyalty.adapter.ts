import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ExternalCallLog } from '@bss/audit';
import { NotFound, PolicyViolation, UpstreamFailed, type Logger } from '@bss/platform';
import { LOYALTY_RULES, type LoyaltyOfferRecord, type OfferDefinitionRecord, type OfferPage, type PromoCodeRecord } from '#promos/domain/loyalty.types';
import {
  LoyaltyPort,
  type IssueOfferArgs,
  type ListOffersArgs,
  type LoyaltyCall,
  type RegisterOfferDefinitionArgs,
  type RegisterPromoCodeArgs,
  type RevokeOfferArgs,
} from '#promos/ports/loyalty.port';
import { LOYALTY_ACTOR_ROLES, offerFromWire, pageFromWire, type LoyaltyTool, type OfferPageWire, type OfferWire } from './loyalty.wire';
import type { LoyaltySettings } from './loyalty.settings';

type Json = Record<string, unknown>;

interface Outcome {
  status: 'ok' | 'refused' | 'not_found' | 'client_error' | 'server_error' | 'timeout' | 'transport_error';
  httpStatus: number | null;
  body: unknown;
  error: string | null;
}

/**
 * `BSS_LOYALTY_MODE=remote`: an HTTP client of an external loyalty engine (spec §6.10).
 * `POST {base}/v1/tools/<tool>` with Bearer token, `X-Actor-Id`, `X-Actor-Roles` and a mandatory
 * `Idempotency-Key` (the step's key for writes, random for reads); 5 s timeout. Every call is
 * logged to `audit.external_call` outside the caller's transaction, so it survives a rollback.
 * The log line is written in the background: callers hold a transaction (and so a pooled
 * connection) while they call the engine, and waiting for a second connection inside it could
 * exhaust the pool under load. `flushLog()` waits for the lines still in flight.
 */
export class RemoteLoyalty extends LoyaltyPort {
  readonly mode = 'remote' as const;
  /** Customers this process already registered with the engine (it needs them before offers). */
  private readonly registered = new Set<string>();
  private readonly logging = new Set<Promise<void>>();

  constructor(
    private readonly settings: LoyaltySettings,
    private readonly callLog: ExternalCallLog,
    private readonly logger?: Pick<Logger, 'warn'>,
  ) {
    super();
  }

  /** Resolves once every `audit.external_call` line of calls made so far is written. */
  async flushLog(): Promise<void> {
    while (this.logging.size > 0) await Promise.all([...this.logging]);
  }

  /** Nest calls this on shutdown, before the database closes. */
  async onModuleDestroy(): Promise<void> {
    await this.flushLog();
  }

  async registerOfferDefinition(call: LoyaltyCall, args: RegisterOfferDefinitionArgs): Promise<OfferDefinitionRecord> {
    const body = (await this.invoke(call, 'offer_definition.register', { id: args.id, display_name: args.displayName, kind: args.kind }, ['offer_definition', args.id])) as Json;
    return { id: String(body.id ?? args.id), displayName: String(body.display_name ?? args.displayName), kind: args.kind };
  }

  async registerPromoCode(call: LoyaltyCall, args: RegisterPromoCodeArgs): Promise<PromoCodeRecord> {
    const body = (await this.invoke(call, 'promo_code.register', { code: args.code, offer_definition_id: args.offerDefinitionId, kind: args.kind }, ['offer_definition', args.offerDefinitionId])) as Json;
    return { code: String(body.code ?? args.code), offerDefinitionId: String(body.offer_definition_id ?? args.offerDefinitionId), kind: args.kind };
  }

  async showPromoCode(call: LoyaltyCall, args: { code: string }): Promise<PromoCodeRecord> {
    const body = (await this.invoke(call, 'promo_code.show', { code: args.code }, ['promo_code', args.code])) as Json;
    if (typeof body.offer_definition_id !== 'string') throw this.malformed('promo_code.show', body);
    return { code: String(body.code ?? args.code), offerDefinitionId: body.offer_definition_id, kind: (body.kind as PromoCodeRecord['kind']) ?? 'multi_use' };
  }

  async issueOffer(call: LoyaltyCall, args: IssueOfferArgs): Promise<LoyaltyOfferRecord> {
    await this.ensureCustomer(call, args.customerId);
    const body = await this.invoke(
      call,
      'offer.issue',
      { offer_id: args.offerId, offer_definition_id: args.offerDefinitionId, customer_id: args.customerId, source: { type: 'campaign', campaign_id: args.campaignId } },
      ['offer_definition', args.offerDefinitionId],
    );
    return this.offer('offer.issue', body);
  }

  async listOffers(call: LoyaltyCall, args: ListOffersArgs): Promise<OfferPage> {
    const body = (await this.invoke(
      call,
      'offer.list',
      {
        ...(args.customerId ? { customer_id: args.customerId } : {}),
        ...(args.state ? { state: args.state } : {}),
        ...(args.offerDefinitionId ? { offer_definition_id: args.offerDefinitionId } : {}),
        limit: Math.min(args.limit ?? 100, 100),
        offset: args.offset ?? 0,
      },
      ['offer', args.customerId ?? '*'],
    )) as OfferPageWire;
    if (!Array.isArray(body?.rows)) throw this.malformed('offer.list', body);
    return pageFromWire(body);
  }

  async claimOffer(call: LoyaltyCall, args: { customerId: string; code: string }): Promise<{ offerId: string }> {
    await this.ensureCustomer(call, args.customerId);
    const body = (await this.invoke(call, 'offer.claim', { customer_id: args.customerId, source: { type: 'promo_code', code: args.code } }, ['promo_code', args.code])) as Json;
    if (typeof body.offer_id !== 'string') throw this.malformed('offer.claim', body);
    return { offerId: body.offer_id };
  }

  async advanceToClaimed(call: LoyaltyCall, args: { offerId: string; orderRef?: string }): Promise<LoyaltyOfferRecord> {
    return this.offer('offer.advance_to_claimed', await this.invoke(call, 'offer.advance_to_claimed', { offer_id: args.offerId, ...(args.orderRef ? { order_ref: args.orderRef } : {}) }, ['offer', args.offerId]));
  }

  async redeemOffer(call: LoyaltyCall, args: { offerId: string; orderRef: string }): Promise<LoyaltyOfferRecord> {
    return this.offer('offer.redeem', await this.invoke(call, 'offer.redeem', { offer_id: args.offerId, order_ref: args.orderRef }, ['offer', args.offerId]));
  }

  async expireOffer(call: LoyaltyCall, args: { offerId: string }): Promise<LoyaltyOfferRecord> {
    return this.offer('offer.expire', await this.invoke(call, 'offer.expire', { offer_id: args.offerId }, ['offer', args.offerId]));
  }

  async revokeOffer(call: LoyaltyCall, args: RevokeOfferArgs): Promise<LoyaltyOfferRecord> {
    const body = await this.invoke(
      call,
      'offer.revoke',
      {
        offer_id: args.offerId,
        reason: args.reason,
        ...(args.restoreInventory === undefined ? {} : { restore_inventory: args.restoreInventory }),
        ...(args.orderRef ? { order_ref: args.orderRef } : {}),
      },
      ['offer', args.offerId],
    );
    return this.offer('offer.revoke', body);
  }

  /** The engine knows customers only once registered; BSS registers them on first need (key `cust:<id>`). */
  private async ensureCustomer(call: LoyaltyCall, customerId: string): Promise<void> {
    const memo = `${call.tenant}:${customerId}`;
    if (this.registered.has(memo)) return;
    await this.invoke({ ...call, idempotencyKey: `cust:${customerId}` }, 'customer.register', { id: customerId, active: true }, ['customer', customerId]);
    this.registered.add(memo);
  }

  private offer(tool: LoyaltyTool, body: unknown): LoyaltyOfferRecord {
    const wire = body as OfferWire;
    if (typeof wire?.offer_id !== 'string' || typeof wire.state !== 'string') throw this.malformed(tool, body);
    return offerFromWire(wire);
  }

  private malformed(tool: LoyaltyTool, body: unknown): UpstreamFailed {
    return new UpstreamFailed('loyalty', `loyalty ${tool} answered an unexpected body`, { tool, body });
  }

  private async invoke(call: LoyaltyCall, tool: LoyaltyTool, args: Json, subject: [entity: string, id: string]): Promise<unknown> {
    const key = call.idempotencyKey ?? randomUUID();
    const started = performance.now();
    const outcome = await this.send(tool, args, call.actor, key);
    this.log(call, tool, args, key, outcome, Math.round(performance.now() - started));
    switch (outcome.status) {
      case 'ok':
        return outcome.body;
      case 'not_found':
        throw new NotFound(subject[0], subject[1], { loyaltyTool: tool });
      case 'refused': {
        const detail = (outcome.body as { detail?: { code?: string; message?: string } }).detail ?? {};
        throw new PolicyViolation(detail.code ?? LOYALTY_RULES.refused, detail.message ?? `The loyalty engine refused ${tool}`, { loyaltyTool: tool, detail });
      }
      case 'timeout':
        throw new UpstreamFailed('loyalty', `loyalty ${tool} timed out after ${this.settings.timeoutMs} ms`, { tool });
      default:
        throw new UpstreamFailed('loyalty', `loyalty ${tool} failed: ${outcome.error ?? outcome.status}`, { tool, httpStatus: outcome.httpStatus, body: outcome.body });
    }
  }

  private async send(tool: LoyaltyTool, args: Json, actor: string, key: string): Promise<Outcome> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.baseUrl}/v1/tools/${tool}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${this.settings.apiToken ?? ''}`,
          'x-actor-id': actor,
          'x-actor-roles': LOYALTY_ACTOR_ROLES,
          'idempotency-key': key,
        },
        body: JSON.stringify(args),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      const timeout = name === 'TimeoutError' || name === 'AbortError';
      return { status: timeout ? 'timeout' : 'transport_error', httpStatus: null, body: null, error: (error as Error)?.message ?? String(error) };
    }
    let body: unknown = null;
    try {
      const text = await response.text();
      body = text ? JSON.parse(text) : null;
    } catch (error) {
      if (response.ok) return { status: 'server_error', httpStatus: response.status, body: null, error: `unreadable body: ${(error as Error).message}` };
    }
    const s = response.status;
    if (s >= 200 && s < 300) return { status: 'ok', httpStatus: s, body, error: null };
    if (s === 404) return { status: 'not_found', httpStatus: s, body, error: `HTTP ${s}` };
    if (s === 422 && (body as { detail?: { refused?: unknown } } | null)?.detail?.refused === true) return { status: 'refused', httpStatus: s, body, error: null };
    return { status: s >= 500 ? 'server_error' : 'client_error', httpStatus: s, body, error: `HTTP ${s}` };
  }

  private log(call: LoyaltyCall, tool: LoyaltyTool, args: Json, key: string, outcome: Outcome, latencyMs: number): void {
    const line = this.callLog
      .record({
        provider: 'loyalty',
        operation: tool,
        status: outcome.status,
        latencyMs,
        aggregateId: call.aggregateId ?? null,
        request: { args, idempotencyKey: key, actor: call.actor },
        response: { httpStatus: outcome.httpStatus, body: outcome.body },
        error: outcome.error,
      })
      // The call itself already happened; a lost log line must not turn it into a failure.
      .catch((error: unknown) => this.logger?.warn({ err: error, tool }, 'could not record audit.external_call for a loyalty call'))
      .finally(() => this.logging.delete(line));
    this.logging.add(line);
  }
}
