import { Injectable } from '@nestjs/common';

/** Ids of a customer's lines that are `active` or `pending`. */
export type LiveLineLookup = (customerId: string) => Promise<string[]>;

/**
 * How CRM asks "does this customer still have live lines?" without depending on the
 * subscription context above it: subscription registers its lookup in `onModuleInit`.
 * Until something registers, a customer has no lines.
 */
@Injectable()
export class CustomerLinesPort {
  private lookup?: LiveLineLookup;

  register(lookup: LiveLineLookup): void {
    this.lookup = lookup;
  }

  async liveLineIds(customerId: string): Promise<string[]> {
    return this.lookup ? this.lookup(customerId) : [];
  }
}
