import { Injectable } from '@nestjs/common';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Database, entityColumns, NotFound, prefixedPart } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import type { CaseState } from '#crm/domain/case.state';
import type { CustomerStatus, Priority } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { toCustomerView, type CustomerView } from '#crm/domain/customer.view';
import { IndividualEntity } from '#crm/domain/party.entity';
import { CaseQueries } from './case.queries';
import { InteractionQueries } from './interaction.queries';
import type { CaseView } from '#crm/domain/case.view';
import type { InteractionView } from '#crm/domain/interaction.view';
import type { TicketView } from '#crm/domain/ticket.view';

export interface CustomerListFilter {
  status?: CustomerStatus;
  /** Case-insensitive substring of "givenName familyName". */
  name?: string;
  /** Only these customers (e.g. the ones a partner brought, TMF632); an empty list matches none. */
  ids?: readonly string[];
  limit?: number;
}

export interface Customer360Case extends CaseView {
  tickets: TicketView[];
}

/**
 * What a CSR reads before touching an account. Lines are not CRM's: the subscription context
 * joins them in where the 360 is shown.
 */
export interface Customer360View {
  customer: CustomerView;
  /** Cases not yet resolved or closed, newest first, each with its tickets. */
  openCases: Customer360Case[];
  /** How many of the customer's cases are resolved or closed. */
  closedCaseCount: number;
  /** The last 10, newest first. */
  interactions: InteractionView[];
}

export const CUSTOMER_360_INTERACTIONS = 10;

interface CustomerRow extends CustomerEntity {
  media: (Omit<ContactMediumEntity, 'validFrom' | 'validTo'> & { validFrom: string; validTo: string | null })[] | null;
}

type RawRead = (sql: string, params: unknown[]) => Promise<unknown[]>;

type CustomerReadRow = CustomerRow & Record<string, unknown>;

/** The select list of a customer row with its individual and live media (as a JSON array): `c` and `i` joined as below. */
function customerSelectList(em: EntityManager): string {
  return `${entityColumns(em, CustomerEntity, 'c')}, ${entityColumns(em, IndividualEntity, 'i', 'individual.')},
          (select json_agg(m) from (select ${entityColumns(em, ContactMediumEntity, 'cm')}
                                      from crm.contact_medium cm where cm.party_id = c.party_id and cm.valid_to is null) m) as media`;
}

function customerViewOf(row: CustomerReadRow | undefined, customerId: string): CustomerView {
  if (!row) throw new NotFound('customer', customerId);
  const individual = prefixedPart<IndividualEntity>(row, 'individual.');
  if (individual.partyId === null) throw new NotFound('individual', row.partyId, { customerId: row.id });
  // JSON carries timestamps as text and bigints as numbers: back to the entity's types.
  const media = (row.media ?? []).map((m) => ({ ...m, seq: String(m.seq), validFrom: new Date(m.validFrom), validTo: m.validTo === null ? null : new Date(m.validTo) }));
  return toCustomerView(row, individual, media);
}

/**
 * The customer with its individual and live media, read through `em` (a write's tx) or `read`
 * (the queries' prepared statement): one raw query (the live media as a JSON array) instead of
 * three hydrated ones — the 360 and the portal read it on every page.
 */
export async function readCustomerView(em: EntityManager, tenantId: string, customerId: string, read: RawRead = (sql, params) => em.query(sql, params)): Promise<CustomerView> {
  const [row] = (await read(
    `select ${customerSelectList(em)}
       from crm.customer c
       left join crm.individual i on i.party_id = c.party_id
      where c.id = $1 and c.tenant_id = $2`,
    [customerId, tenantId],
  )) as CustomerReadRow[];
  return customerViewOf(row, customerId);
}

/** A row of the 360's cases panel: only what it shows. */
export interface CaseSummaryView {
  id: string;
  subject: string;
  priority: Priority;
  state: CaseState;
}

/** A row of the 360's interactions panel: only what it shows. */
export interface InteractionSummaryView {
  occurredAt: Date;
  channel: string;
  summary: string;
  actor: string;
}

/** The customer with its newest cases and interactions: the CRM half of the cockpit's 360. */
export interface CustomerWithActivityView {
  customer: CustomerView;
  /** Newest first. */
  cases: CaseSummaryView[];
  /** Newest first. */
  interactions: InteractionSummaryView[];
}

async function hydrate(em: EntityManager, customers: CustomerEntity[]): Promise<CustomerView[]> {
  if (customers.length === 0) return [];
  const partyIds = customers.map((c) => c.partyId);
  const [individuals, media] = await Promise.all([
    em.find(IndividualEntity, { where: { partyId: In(partyIds) } }),
    em.find(ContactMediumEntity, { where: { partyId: In(partyIds), validTo: IsNull() } }),
  ]);
  return customers.map((customer) => {
    const individual = individuals.find((i) => i.partyId === customer.partyId);
    if (!individual) throw new NotFound('individual', customer.partyId, { customerId: customer.id });
    return toCustomerView(
      customer,
      individual,
      media.filter((m) => m.partyId === customer.partyId),
    );
  });
}

const clampLimit = (limit: number): number => Math.min(Math.max(limit, 1), 1000);

@Injectable()
export class CustomerQueries {
  constructor(
    private readonly db: Database,
    private readonly cases: CaseQueries,
    private readonly interactions: InteractionQueries,
  ) {}

  /** NotFound when the id is unknown. */
  get(customerId: string): Promise<CustomerView> {
    return readCustomerView(this.db.manager, currentAuth().tenant, customerId, (sql, params) => this.db.prepared(sql, params));
  }

  /** The customer holding `email` as a live medium (case-insensitive), or null. */
  async findByEmail(email: string): Promise<CustomerView | null> {
    const rows = await this.db.query<{ id: string }>(
      `select c.id
         from crm.contact_medium m
         join crm.customer c on c.party_id = m.party_id
        where m.medium_type = 'email' and m.valid_to is null and m.tenant_id = $1 and lower(m.value) = lower($2)
        limit 1`,
      [currentAuth().tenant, email.trim()],
    );
    return rows[0] ? this.get(rows[0].id) : null;
  }

  /** Newest customers first. */
  async list(filter: CustomerListFilter = {}): Promise<CustomerView[]> {
    const params: unknown[] = [currentAuth().tenant];
    const where = ['c.tenant_id = $1'];
    if (filter.status) {
      params.push(filter.status);
      where.push(`c.status = $${params.length}`);
    }
    if (filter.ids) {
      params.push([...filter.ids]);
      where.push(`c.id = any($${params.length})`);
    }
    if (filter.name?.trim()) {
      params.push(`%${filter.name.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(i.given_name || ' ' || i.family_name) ilike $${params.length}`);
    }
    params.push(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    const rows = await this.db.query<{ id: string }>(
      `select c.id
         from crm.customer c
         join crm.individual i on i.party_id = c.party_id
        where ${where.join(' and ')}
        order by c.customer_since desc, c.seq desc
        limit $${params.length}`,
      params,
    );
    if (rows.length === 0) return [];
    const customers = await this.db.manager.find(CustomerEntity, { where: { id: In(rows.map((r) => r.id)) } });
    const views = await hydrate(this.db.manager, customers);
    const byId = new Map(views.map((v) => [v.id, v]));
    return rows.map((r) => byId.get(r.id)).filter((v): v is CustomerView => v !== undefined);
  }

  /**
   * The customer, its newest `cases` cases and `interactions` interactions in ONE prepared
   * statement (the cockpit's 360 reads it on every page view; three reads cost three round trips
   * and three plans). NotFound when the id is unknown.
   */
  async getWithActivity(customerId: string, limits: { cases: number; interactions: number }): Promise<CustomerWithActivityView> {
    const em = this.db.manager;
    const [row] = await this.db.prepared<CustomerReadRow & { cases: CaseSummaryView[] | null; interactions: (Omit<InteractionSummaryView, 'occurredAt'> & { occurredAt: string })[] | null }>(
      `select ${customerSelectList(em)},
              (select json_agg(k) from (select x.id, x.subject, x.priority, x.state from crm."case" x
                                         where x.customer_id = c.id and x.tenant_id = c.tenant_id
                                         order by x.opened_at desc, x.seq desc limit $3) k) as cases,
              (select json_agg(n) from (select x.occurred_at as "occurredAt", x.channel, x.summary, x.actor from crm.interaction x
                                         where x.customer_id = c.id and x.tenant_id = c.tenant_id
                                         order by x.occurred_at desc, x.seq desc limit $4) n) as interactions
         from crm.customer c
         left join crm.individual i on i.party_id = c.party_id
        where c.id = $1 and c.tenant_id = $2`,
      [customerId, currentAuth().tenant, clampLimit(limits.cases), clampLimit(limits.interactions)],
    );
    return {
      customer: customerViewOf(row, customerId),
      cases: row.cases ?? [],
      interactions: (row.interactions ?? []).map((i) => ({ ...i, occurredAt: new Date(i.occurredAt) })),
    };
  }

  /** Customer, open cases with their tickets, closed-case count and the last 10 interactions. */
  async get360(customerId: string): Promise<Customer360View> {
    const customer = await this.get(customerId);
    const [cases, interactions] = await Promise.all([
      this.cases.listWithTickets({ customerId }),
      this.interactions.listForCustomer(customerId, CUSTOMER_360_INTERACTIONS),
    ]);
    const done = (state: string) => state === 'resolved' || state === 'closed';
    return {
      customer,
      openCases: cases.filter((c) => !done(c.state)),
      closedCaseCount: cases.filter((c) => done(c.state)).length,
      interactions,
    };
  }
}
