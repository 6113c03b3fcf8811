import { Injectable } from '@nestjs/common';

/** Whether the customer has a line that still needs a card (active, blocked or pending activation). */
export type LiveLineCheck = (customerId: string) => Promise<boolean>;

/**
 * How payment asks "does this customer still have a live line?" without depending on the
 * subscription context above it: subscription registers its check in `onModuleInit`. Until
 * something registers, a customer has no lines.
 */
@Injectable()
export class LiveLinePort {
  private check?: LiveLineCheck;

  register(check: LiveLineCheck): void {
    this.check = check;
  }

  async hasLiveLine(customerId: string): Promise<boolean> {
    return this.check ? this.check(customerId) : false;
  }
}
