import { Injectable } from '@nestjs/common';
import type { RandomSource } from '#orders/domain/fault-injection';

/**
 * The dice fault rules roll (`random() < probability`). Math.random by default; a test swaps it
 * (`app.get(ProvisioningRandom).use(() => 0.1)`) to decide exactly which faults fire.
 */
@Injectable()
export class ProvisioningRandom {
  private source: RandomSource = Math.random;

  use(source: RandomSource): void {
    this.source = source;
  }

  next(): number {
    return this.source();
  }
}
