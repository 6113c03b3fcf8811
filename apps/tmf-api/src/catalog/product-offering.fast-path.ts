import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_TOKEN_HEADER, DEFAULT_TENANT, ServiceTokens } from '@bss/policies';
import type { TmfQuery } from '#tmf-api/tmf/tmf-list';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { ProductOfferingCache, type RenderedList } from './product-offering.cache';

export const PRODUCT_OFFERING_ROUTE = `${TMF_BASE.productCatalog}/productOffering`;
/** Tokens seen to match (one per partner in practice); an unknown token is never remembered. */
const KNOWN_TOKENS_KEPT = 32;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The raw query string: what a rendered answer is cached under. */
export function queryKeyOf(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}

export function sendRenderedList(reply: FastifyReply, list: RenderedList): FastifyReply {
  return reply.header('X-Total-Count', String(list.total)).header('X-Result-Count', String(list.count)).type('application/json; charset=utf-8').send(list.json);
}

/**
 * The hot read, answered before Nest's pipeline: `GET productOffering` with a known token is sent
 * from the cache in the request's first hook, skipping the guard/interceptor/rxjs chain that cost
 * most of its CPU. The token is checked by the same `ServiceTokens` as the perimeter guard; a
 * missing or unknown token, and any request the cache cannot answer (a bad `limit`), fall through
 * to the Nest route, which answers exactly as before (401, 400 in the TMF error shape). Nothing is
 * written, so no AuthContext is needed.
 */
@Injectable()
export class ProductOfferingFastPath implements OnModuleInit {
  /**
   * Presented tokens that matched, so a partner polling at thousands of requests a second pays one
   * HMAC per token, not one per request. The tokens are in this process's environment anyway; a
   * lookup by the presented string reveals nothing an attacker lacks (a miss takes the full check).
   */
  private readonly known = new Set<string>();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: ServiceTokens,
    private readonly cache: ProductOfferingCache,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.routeOptions.url !== PRODUCT_OFFERING_ROUTE) return;
      if (!this.knownToken(header(request, API_TOKEN_HEADER))) return;
      const tenant = header(request, 'x-bss-tenant')?.slice(0, 64) || DEFAULT_TENANT;
      let list: RenderedList;
      try {
        list = await this.cache.list(tenant, queryKeyOf(request.url), request.query as TmfQuery);
      } catch {
        return; // the route answers it, in the TMF error shape
      }
      return sendRenderedList(reply, list);
    });
  }

  private knownToken(token: string | undefined): boolean {
    if (token === undefined) return false;
    if (this.known.has(token)) return true;
    if (this.tokens.identify(token) === undefined) return false;
    if (this.known.size < KNOWN_TOKENS_KEPT) this.known.add(token);
    return true;
  }
}
