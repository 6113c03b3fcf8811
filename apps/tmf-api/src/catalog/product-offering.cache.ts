import { Injectable, Logger } from '@nestjs/common';
import { CatalogQueries } from '@bss/catalog';
import { Clock } from '@bss/platform';
import type { TmfResource } from '#tmf-api/tmf/tmf-list';
import { toProductOffering } from './product-offering.mapper';

/** How old (wall ms) a snapshot may get before a request starts rebuilding it in the background. */
export const PRODUCT_OFFERING_REFRESH_MS = 1_000;

export interface ProductOfferingSnapshot {
  offerings: readonly TmfResource[];
  /** `offerings` serialized once: the unfiltered list, the one every partner polls, is sent as is. */
  json: string;
  builtAt: number;
}

/**
 * `GET productOffering` is what every partner polls, and the catalog changes rarely. After the
 * first build no request waits for the database: a request that finds the snapshot older than
 * 1 s starts one rebuild in the background (reading the simulated clock and the active offerings)
 * and is answered from the snapshot it has. So a catalog write from any process (cockpit, CLI),
 * a price window opening or a clock advance shows here about a second later.
 * The portal's plan cards wait for the rebuild instead; here p99 at 32 connections is the goal.
 */
@Injectable()
export class ProductOfferingCache {
  private readonly logger = new Logger(ProductOfferingCache.name);
  private current?: ProductOfferingSnapshot;
  private rebuilding?: Promise<ProductOfferingSnapshot>;
  /** Wall ms after which a request starts the next background rebuild; also spaces out retries when one fails. */
  private nextRebuildAt = 0;

  constructor(
    private readonly catalog: CatalogQueries,
    private readonly clock: Clock,
  ) {}

  async snapshot(): Promise<ProductOfferingSnapshot> {
    const current = this.current;
    if (!current) return this.rebuild();
    if (Date.now() >= this.nextRebuildAt) {
      this.nextRebuildAt = Date.now() + PRODUCT_OFFERING_REFRESH_MS;
      this.rebuild().catch((error: unknown) => this.logger.warn(`productOffering rebuild failed, serving the previous snapshot: ${String(error)}`));
    }
    return current;
  }

  async offerings(): Promise<readonly TmfResource[]> {
    return (await this.snapshot()).offerings;
  }

  private rebuild(): Promise<ProductOfferingSnapshot> {
    this.rebuilding ??= (async () => {
      const offerings = (await this.catalog.listActiveOfferings(await this.clock.now())).map(toProductOffering);
      this.current = { offerings, json: JSON.stringify(offerings), builtAt: Date.now() };
      this.nextRebuildAt = this.current.builtAt + PRODUCT_OFFERING_REFRESH_MS;
      return this.current;
    })().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }
}
