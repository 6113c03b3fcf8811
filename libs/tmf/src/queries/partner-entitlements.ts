import { Injectable } from '@nestjs/common';
import { OrderQueries } from '@bss/orders';
import { Database, envString, Forbidden, isBssError, ERROR_CODES, type NotFound } from '@bss/platform';
import { currentAuth, runWithAuth } from '@bss/policies';
import { SubscriptionQueries } from '@bss/subscription';
import type { HubEventOwner } from '#tmf/domain/hub-event';
import { PartnerCustomerEntity } from '#tmf/domain/partner-customer.entity';

/** Service identities trusted with every customer (e.g. an MVNE): `BSS_TMF_TRUSTED_PARTNERS=partner_mvne,partner_x`. Default: none. */
export const TRUSTED_PARTNERS_ENV = 'BSS_TMF_TRUSTED_PARTNERS';

/** Service identities that may change the catalog over TMF620 (an MVNO's own channel tooling): `BSS_TMF_CATALOG_ADMINS=partner_ops`. Default: none. */
export const CATALOG_ADMINS_ENV = 'BSS_TMF_CATALOG_ADMINS';

function identitiesFromEnv(name: string): ReadonlySet<string> {
  return new Set(
    (envString(name) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

export function trustedPartnersFromEnv(): ReadonlySet<string> {
  return identitiesFromEnv(TRUSTED_PARTNERS_ENV);
}

/** The most customers a partner list reads (as before the separation: newest first). */
const PARTNER_LIST_CAP = 1000;

/**
 * Which customers a caller of the TMF APIs may see. A partner (its service identity) is entitled
 * to the customers it created through TMF632 (`tmf.partner_customer`, written with the customer)
 * and to everything hanging off them: orders, service orders, lines, top-ups, usage. An identity
 * listed in `BSS_TMF_TRUSTED_PARTNERS` sees every customer of its tenant. Anything else answers
 * exactly like an unknown id, so a partner cannot even learn that a foreign id exists.
 */
@Injectable()
export class PartnerEntitlements {
  private readonly trusted = trustedPartnersFromEnv();
  private readonly catalogAdmins = identitiesFromEnv(CATALOG_ADMINS_ENV);

  constructor(
    private readonly db: Database,
    private readonly orders: OrderQueries,
    private readonly lines: SubscriptionQueries,
  ) {}

  isTrusted(serviceIdentity: string): boolean {
    return this.trusted.has(serviceIdentity);
  }

  /** TMF620 writes map onto the catalog admin commands; only identities named in `BSS_TMF_CATALOG_ADMINS` may call them. */
  assertCatalogAdmin(): void {
    const { serviceIdentity } = currentAuth();
    if (!this.catalogAdmins.has(serviceIdentity)) {
      throw new Forbidden(`${serviceIdentity} may not change the catalog; an operator names catalog admins in ${CATALOG_ADMINS_ENV}`, { serviceIdentity });
    }
  }

  /** The caller's customers, newest first: `all` for a trusted identity. */
  async customerIds(): Promise<'all' | string[]> {
    const { tenant, serviceIdentity } = currentAuth();
    if (this.isTrusted(serviceIdentity)) return 'all';
    const rows = await this.db.manager.find(PartnerCustomerEntity, {
      select: { customerId: true },
      where: { tenantId: tenant, serviceIdentity },
      order: { createdAt: 'DESC', customerId: 'DESC' },
      take: PARTNER_LIST_CAP,
    });
    return rows.map((r) => r.customerId);
  }

  /** Throws `notFound` (the error an unknown id gets) unless the caller may see `customerId`. */
  async assertCustomer(customerId: string, notFound: () => NotFound): Promise<void> {
    const { tenant, serviceIdentity } = currentAuth();
    if (this.isTrusted(serviceIdentity)) return;
    const linked = await this.db.manager.exists(PartnerCustomerEntity, { where: { tenantId: tenant, serviceIdentity, customerId } });
    if (!linked) throw notFound();
  }

  /** For the hub relay: of `identities`, those entitled to `customerId` in `tenant` (trusted ones always). */
  async entitledAmong(tenant: string, customerId: string | null, identities: readonly string[]): Promise<Set<string>> {
    const entitled = new Set(identities.filter((i) => this.isTrusted(i)));
    const rest = identities.filter((i) => !entitled.has(i));
    if (customerId === null || rest.length === 0) return entitled;
    const rows = await this.db.manager.find(PartnerCustomerEntity, { select: { serviceIdentity: true }, where: { tenantId: tenant, customerId } });
    for (const row of rows) if (rest.includes(row.serviceIdentity)) entitled.add(row.serviceIdentity);
    return entitled;
  }

  /** The customer an event's resource belongs to, or null when it no longer exists. */
  async customerOf(tenant: string, owner: HubEventOwner, id: string): Promise<string | null> {
    if (owner === 'customer') return id;
    try {
      return await runWithAuth({ ...currentAuth(), tenant }, async () => {
        if (owner === 'order') return (await this.orders.get(id)).customerId;
        if (owner === 'service_order') return (await this.orders.getServiceOrder(id)).customerId;
        return (await this.lines.get(id)).customerId;
      });
    } catch (error) {
      if (isBssError(error) && (error.code === ERROR_CODES.notFound || error.code === ERROR_CODES.invalidInput)) return null;
      throw error;
    }
  }
}
