import { Injectable } from '@nestjs/common';
import { CatalogQueries } from '@bss/catalog';
import { Clock } from '@bss/platform';
import { toPlanCard, type PlanCard } from './plan-format';

/** How long one process serves the same plan list: catalog edits show within this many ms. */
export const PLAN_CARDS_TTL_MS = 2_000;

/**
 * `/plans` is the hottest public page and the catalog changes rarely: each process rebuilds the
 * cards at most every 2 s (wall time) and whenever the simulated clock has moved since, so
 * price windows still flip on time in demos that advance the clock.
 */
@Injectable()
export class PlanCardsCache {
  private cached?: { at: number; simulatedAt: number; cards: PlanCard[] };
  private inflight?: Promise<PlanCard[]>;

  constructor(
    private readonly catalog: CatalogQueries,
    private readonly clock: Clock,
  ) {}

  async cards(): Promise<PlanCard[]> {
    const now = await this.clock.now();
    const c = this.cached;
    if (c && Date.now() - c.at < PLAN_CARDS_TTL_MS && Math.abs(now.getTime() - c.simulatedAt - (Date.now() - c.at)) < 1_000) return c.cards;
    this.inflight ??= this.catalog
      .listActiveOfferings(now)
      .then((offerings) => {
        const cards = offerings.map(toPlanCard).filter((p): p is PlanCard => p !== null);
        this.cached = { at: Date.now(), simulatedAt: now.getTime(), cards };
        return cards;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }
}
