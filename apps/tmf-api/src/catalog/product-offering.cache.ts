import { Injectable } from '@nestjs/common';
import { CatalogQueries } from '@bss/catalog';
import { Clock } from '@bss/platform';
import type { TmfResource } from '#tmf-api/tmf/tmf-list';
import { toProductOffering } from './product-offering.mapper';

/** How long one process serves the same offering list: catalog edits show within this many ms. */
export const PRODUCT_OFFERING_TTL_MS = 2_000;

/**
 * `GET productOffering` is what every partner polls and the catalog changes rarely: rebuilt at most
 * every 2 s (wall time) and whenever the simulated clock has moved since, so price windows still
 * flip on time. Same policy as the portal's plan cards (apps cannot share code with each other).
 */
@Injectable()
export class ProductOfferingCache {
  private cached?: { at: number; simulatedAt: number; offerings: TmfResource[] };
  private inflight?: Promise<TmfResource[]>;

  constructor(
    private readonly catalog: CatalogQueries,
    private readonly clock: Clock,
  ) {}

  async offerings(): Promise<TmfResource[]> {
    const now = await this.clock.now();
    const c = this.cached;
    if (c && Date.now() - c.at < PRODUCT_OFFERING_TTL_MS && Math.abs(now.getTime() - c.simulatedAt - (Date.now() - c.at)) < 1_000) return c.offerings;
    this.inflight ??= this.catalog
      .listActiveOfferings(now)
      .then((views) => {
        const offerings = views.map(toProductOffering);
        this.cached = { at: Date.now(), simulatedAt: now.getTime(), offerings };
        return offerings;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
