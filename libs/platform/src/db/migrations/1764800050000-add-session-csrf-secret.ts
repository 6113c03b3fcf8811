import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Binds the portal's CSRF token to the server-side session (synchronizer token): each session keeps
 * a random secret the token is derived from, carried over when the session rotates. A token minted
 * for an anonymous visitor or another browser no longer passes on a signed-in session.
 */
export class AddSessionCsrfSecret1764800050000 implements MigrationInterface {
  name = 'AddSessionCsrfSecret1764800050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_auth.session add column csrf_secret text`);
    // Live sessions get their own secret; their open forms ask for one more submit.
    await q.query(`update portal_auth.session set csrf_secret = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')`);
    await q.query(`alter table portal_auth.session alter column csrf_secret set not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table portal_auth.session drop column csrf_secret`);
  }
}
