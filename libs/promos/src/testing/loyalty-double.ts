// A contract-test double of the external loyalty engine (spec §6.10): plain node:http on a random
// port, in-memory state, the same engine rules as the embedded adapter (policies/loyalty.policies,
// the offer FSM), plus a recorder of every call and programmable faults. Test-only.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotFound, PolicyViolation } from '@bss/platform';
import { assertTransition } from '@bss/policies';
import { OFFER_TRANSITIONS, type OfferTrigger } from '#promos/domain/loyalty-offer.state';
import { LOYALTY_RULES, type LoyaltyOfferRecord, type RevokeReason } from '#promos/domain/loyalty.types';
import type { CodeKind } from '#promos/domain/promotion.types';
import { offerToWire, type LoyaltyTool } from '#promos/adapters/loyalty.wire';
import { assertCanClaim, assertCodeAvailable, assertCodeRegistrable, assertLedgerTool, assertOfferIssuable } from '#promos/policies/loyalty.policies';

type Json = Record<string, unknown>;

export interface RecordedCall {
  tool: string;
  authorization: string | undefined;
  actorId: string | undefined;
  actorRoles: string | undefined;
  idempotencyKey: string | undefined;
  /** Header names starting with x-bss- (the contract says none are sent). */
  bssHeaders: string[];
  body: Json;
  status: number;
}

export type Fault = { status: number; body?: unknown } | { delayMs: number } | { hangUp: true };

export interface LoyaltyDouble {
  url: string;
  token: string;
  readonly calls: RecordedCall[];
  callsTo(tool: LoyaltyTool): RecordedCall[];
  /** The next `times` calls of `tool` answer with the fault instead of running. */
  failNext(tool: LoyaltyTool, fault: Fault, times?: number): void;
  offers(): LoyaltyOfferRecord[];
  /** Forget calls and faults (state stays). */
  clearCalls(): void;
  close(): Promise<void>;
}

interface OfferRow extends LoyaltyOfferRecord {
  campaignId: string | null;
  codeKind: CodeKind | null;
  holds: boolean;
}

const READ_TOOLS = new Set(['promo_code.show', 'offer.list']);

class Engine {
  readonly customers = new Set<string>();
  readonly definitions = new Map<string, { id: string; display_name: string; kind: string }>();
  readonly codes = new Map<string, { code: string; offer_definition_id: string; kind: CodeKind }>();
  readonly offers = new Map<string, OfferRow>();

  run(tool: string, a: Json): unknown {
    switch (tool) {
      case 'customer.register':
        this.customers.add(String(a.id));
        return { id: a.id, active: a.active ?? true };
      case 'offer_definition.register': {
        const id = String(a.id);
        if (!this.definitions.has(id)) this.definitions.set(id, { id, display_name: String(a.display_name ?? id), kind: String(a.kind ?? 'regular') });
        return this.definitions.get(id);
      }
      case 'promo_code.register': {
        const od = String(a.offer_definition_id);
        if (!this.definitions.has(od)) throw new NotFound('offer_definition', od);
        const code = String(a.code);
        const existing = this.codes.get(code);
        assertCodeRegistrable(code, existing?.offer_definition_id ?? null, od);
        if (!existing) this.codes.set(code, { code, offer_definition_id: od, kind: a.kind as CodeKind });
        return this.codes.get(code);
      }
      case 'promo_code.show': {
        const code = this.codes.get(String(a.code));
        if (!code) throw new NotFound('promo_code', String(a.code));
        assertCodeAvailable(code.code, code.kind, this.holders(code.code));
        return code;
      }
      case 'offer.issue': {
        const id = String(a.offer_id);
        const request = { customerId: String(a.customer_id), offerDefinitionId: String(a.offer_definition_id) };
        if (!this.definitions.has(request.offerDefinitionId)) throw new NotFound('offer_definition', request.offerDefinitionId);
        this.requireCustomer(request.customerId);
        const existing = this.offers.get(id) ?? null;
        assertOfferIssuable(id, existing, request);
        if (!existing) {
          const source = (a.source ?? {}) as Json;
          this.offers.set(id, { offerId: id, ...request, state: 'issued', sourceType: 'campaign', sourceCode: null, orderRef: null, campaignId: String(source.campaign_id ?? ''), codeKind: null, holds: false });
        }
        return this.wire(this.offers.get(id)!);
      }
      case 'offer.list': {
        const limit = Math.min(Number(a.limit ?? 100), 100);
        const offset = Number(a.offset ?? 0);
        const all = [...this.offers.values()].filter(
          (o) => (!a.customer_id || o.customerId === a.customer_id) && (!a.state || o.state === a.state) && (!a.offer_definition_id || o.offerDefinitionId === a.offer_definition_id),
        );
        return { rows: all.slice(offset, offset + limit).map((o) => this.wire(o)), limit, offset, has_more: all.length > offset + limit };
      }
      case 'offer.claim': {
        const customerId = String(a.customer_id);
        const codeText = String(((a.source ?? {}) as Json).code ?? '');
        this.requireCustomer(customerId);
        const code = this.codes.get(codeText);
        if (!code) throw new NotFound('promo_code', codeText);
        assertCanClaim(code.code, code.kind, customerId, this.holders(code.code));
        const id = `OFF-${randomUUID().slice(0, 8)}`;
        this.offers.set(id, { offerId: id, offerDefinitionId: code.offer_definition_id, customerId, state: 'claimed', sourceType: 'promo_code', sourceCode: code.code, orderRef: null, campaignId: null, codeKind: code.kind, holds: true });
        return { offer_id: id };
      }
      case 'offer.advance_to_claimed':
        return this.move(a, 'advance_to_claimed', (o) => {
          o.holds = true;
          if (a.order_ref) o.orderRef = String(a.order_ref);
        });
      case 'offer.redeem':
        return this.move(a, 'redeem', (o) => {
          o.orderRef = String(a.order_ref ?? o.orderRef);
        });
      case 'offer.expire':
        return this.move(a, 'expire', () => undefined);
      case 'offer.revoke':
        return this.move(a, 'revoke', (o) => {
          if (a.restore_inventory !== false) o.holds = false;
          if (a.order_ref) o.orderRef = String(a.order_ref);
          void (a.reason as RevokeReason);
        });
      default:
        throw new NotFound('tool', tool);
    }
  }

  private requireCustomer(id: string): void {
    if (!this.customers.has(id)) throw new NotFound('customer', id);
  }

  private holders(code: string): string[] {
    return [...this.offers.values()].filter((o) => o.sourceCode === code && o.holds).map((o) => o.customerId);
  }

  private move(a: Json, trigger: OfferTrigger, apply: (o: OfferRow) => void): unknown {
    const id = String(a.offer_id);
    const offer = this.offers.get(id);
    if (!offer) throw new NotFound('offer', id);
    offer.state = assertTransition(OFFER_TRANSITIONS, offer.state, trigger, LOYALTY_RULES.illegalState(trigger), { type: 'offer', id });
    apply(offer);
    return this.wire(offer);
  }

  private wire(o: OfferRow): unknown {
    return offerToWire(o, o.campaignId);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): number {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body === undefined ? '' : JSON.stringify(body));
  return status;
}

export async function startLoyaltyDouble(options: { token?: string } = {}): Promise<LoyaltyDouble> {
  const token = options.token ?? `loyalty-double-${randomUUID()}`;
  const engine = new Engine();
  const calls: RecordedCall[] = [];
  const faults = new Map<string, Fault[]>();
  const ledger = new Map<string, { tool: string; status: number; body: unknown }>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET' && req.url === '/healthz') {
      send(res, 200, { status: 'ok' });
      return;
    }
    const match = /^\/v1\/tools\/([a-z_.]+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      send(res, 404, { detail: 'no such route' });
      return;
    }
    const tool = match[1];
    const text = await readBody(req);
    const body = (text ? JSON.parse(text) : {}) as Json;
    const header = (name: string) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const call: RecordedCall = {
      tool,
      authorization: header('authorization'),
      actorId: header('x-actor-id'),
      actorRoles: header('x-actor-roles'),
      idempotencyKey: header('idempotency-key'),
      bssHeaders: Object.keys(req.headers).filter((h) => h.startsWith('x-bss-')),
      body,
      status: 0,
    };
    calls.push(call);
    const fault = faults.get(tool)?.shift();
    if (fault) {
      if ('hangUp' in fault) {
        req.socket.destroy();
        return;
      }
      if ('delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
      else {
        call.status = send(res, fault.status, fault.body);
        return;
      }
    }
    if (call.authorization !== `Bearer ${token}`) {
      call.status = send(res, 401, { detail: 'bad token' });
      return;
    }
    if (!call.idempotencyKey || !call.actorId) {
      call.status = send(res, 400, { detail: 'Idempotency-Key and X-Actor-Id are required' });
      return;
    }
    const ledgerKey = `${call.actorId}\u0000${call.idempotencyKey}`;
    const write = !READ_TOOLS.has(tool);
    try {
      const replay = write ? ledger.get(ledgerKey) : undefined;
      if (replay) {
        assertLedgerTool(call.idempotencyKey, replay.tool, tool);
        call.status = send(res, replay.status, replay.body);
        return;
      }
      const result = engine.run(tool, body);
      if (write) ledger.set(ledgerKey, { tool, status: 200, body: result });
      call.status = send(res, 200, result);
    } catch (error) {
      if (error instanceof PolicyViolation) call.status = send(res, 422, { detail: { refused: true, code: error.rule, message: error.message } });
      else if (error instanceof NotFound) call.status = send(res, 404, { detail: error.message });
      else call.status = send(res, 500, { detail: (error as Error).message });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => send(res, 500, { detail: error.message }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    callsTo: (tool) => calls.filter((c) => c.tool === tool),
    failNext: (tool, fault, times = 1) => faults.set(tool, [...(faults.get(tool) ?? []), ...Array.from({ length: times }, () => fault)]),
    offers: () => [...engine.offers.values()].map(({ campaignId: _c, codeKind: _k, holds: _h, ...record }) => record),
    clearCalls: () => {
      calls.length = 0;
      faults.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Points the next PromosModule at the double (`BSS_LOYALTY_MODE=remote`). */
export function useLoyaltyDouble(double: LoyaltyDouble, timeoutMs?: number): void {
  process.env.BSS_LOYALTY_MODE = 'remote';
  process.env.BSS_LOYALTY_BASE_URL = double.url;
  process.env.BSS_LOYALTY_API_TOKEN = double.token;
  if (timeoutMs !== undefined) process.env.BSS_LOYALTY_TIMEOUT_MS = String(timeoutMs);
  else delete process.env.BSS_LOYALTY_TIMEOUT_MS;
}
