import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A signup journey remembers whether it was started by someone who was already a customer: their
 * order charges a card already on file, so the portal steps them up before placing it
 * (signupOrderNeedsStepUp). Journeys in flight are backfilled from the CRM: the customer existed
 * before the journey began.
 */
export class AddSignupExistingCustomer1764800007000 implements MigrationInterface {
  name = 'AddSignupExistingCustomer1764800007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_auth.signup_journey add column for_existing_customer boolean not null default false`);
    await q.query(`
      update portal_auth.signup_journey j set for_existing_customer = true
        from crm.customer c
       where c.id = j.customer_id and c.customer_since < j.created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_auth.signup_journey drop column if exists for_existing_customer`);
  }
}
