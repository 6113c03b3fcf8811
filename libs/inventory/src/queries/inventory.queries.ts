import { Injectable } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Brackets, type WhereExpressionBuilder } from 'typeorm';
import { Clock, Database, NotFound, validateInput } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { EsimProfileEntity } from '#inventory/domain/esim-profile.entity';
import { ESIM_STATES, type EsimState } from '#inventory/domain/esim.state';
import {
  toEsimView,
  toMsisdnView,
  type EsimActivationView,
  type EsimView,
  type MsisdnCounts,
  type MsisdnView,
} from '#inventory/domain/inventory.views';
import { ICCID_PATTERN, MSISDN_PATTERN } from '#inventory/domain/line-identifiers';
import { MsisdnEntity } from '#inventory/domain/msisdn.entity';
import { MSISDN_STATUSES, type MsisdnStatus } from '#inventory/domain/msisdn.state';

export class MsisdnRef {
  @Matches(MSISDN_PATTERN, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
}

export class IccidRef {
  @Matches(ICCID_PATTERN, { message: 'iccid must be 19–20 digits' }) iccid!: string;
}

export class MsisdnListFilter {
  @IsOptional() @IsIn([...MSISDN_STATUSES]) status?: MsisdnStatus;
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'prefix must be digits' }) prefix?: string;
  @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class MsisdnCountFilter {
  @IsOptional() @Matches(/^\d{1,15}$/, { message: 'prefix must be digits' }) prefix?: string;
}

export class EsimListFilter {
  @IsOptional() @IsIn([...ESIM_STATES]) state?: EsimState;
  @IsOptional() @IsInt() @Min(1) @Max(1000) limit?: number;
}

const DEFAULT_LIMIT = 20;

/** Free = available, or quarantined with the cool-down over. `:now` must be bound by the caller. */
export function whereMsisdnFree(qb: WhereExpressionBuilder, alias: string): void {
  qb.andWhere(
    new Brackets((free) => {
      free.where(`${alias}.status = 'available'`).orWhere(`(${alias}.status = 'quarantine' and ${alias}.quarantineUntil <= :now)`);
    }),
  );
}

/** Reads of the pools. Statuses are effective ones: a run-out quarantine counts as available. */
@Injectable()
export class InventoryQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async getMsisdn(msisdn: string): Promise<MsisdnView> {
    await validateInput(MsisdnRef, { msisdn });
    const row = await this.db.manager.findOne(MsisdnEntity, { where: { msisdn, tenantId: currentAuth().tenant } });
    if (!row) throw new NotFound('msisdn', msisdn);
    return toMsisdnView(row, await this.clock.now());
  }

  /** Lowest numbers first. */
  async listMsisdns(filter: { status?: MsisdnStatus; prefix?: string; limit?: number } = {}): Promise<MsisdnView[]> {
    const f = await validateInput(MsisdnListFilter, filter);
    const now = await this.clock.now();
    const qb = this.db.manager
      .createQueryBuilder(MsisdnEntity, 'm')
      .where('m.tenantId = :tenant', { tenant: currentAuth().tenant })
      .setParameter('now', now);
    if (f.prefix) qb.andWhere('m.msisdn like :prefix', { prefix: `${f.prefix}%` });
    if (f.status === 'available') whereMsisdnFree(qb, 'm');
    else if (f.status === 'quarantine') qb.andWhere(`m.status = 'quarantine' and m.quarantineUntil > :now`);
    else if (f.status) qb.andWhere('m.status = :status', { status: f.status });
    const rows = await qb.orderBy('m.msisdn', 'ASC').limit(f.limit ?? DEFAULT_LIMIT).getMany();
    return rows.map((row) => toMsisdnView(row, now));
  }

  async countMsisdns(filter: { prefix?: string } = {}): Promise<MsisdnCounts> {
    const f = await validateInput(MsisdnCountFilter, filter);
    const rows = await this.db.query<{ status: MsisdnStatus; n: string }>(
      `select case when status = 'quarantine' and quarantine_until <= $3 then 'available' else status end as status, count(*) as n
         from inventory.msisdn
        where tenant_id = $1 and ($2::text is null or msisdn like $2 || '%')
        group by 1`,
      [currentAuth().tenant, f.prefix ?? null, await this.clock.now()],
    );
    const count = (status: MsisdnStatus) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    const counts = {
      available: count('available'),
      reserved: count('reserved'),
      assigned: count('assigned'),
      quarantine: count('quarantine'),
      portedOut: count('ported_out'),
    };
    return { prefix: f.prefix ?? null, ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0) };
  }

  async getEsim(iccid: string): Promise<EsimView> {
    return toEsimView(await this.loadEsim(iccid));
  }

  /** Lowest ICCIDs first. */
  async listEsims(filter: { state?: EsimState; limit?: number } = {}): Promise<EsimView[]> {
    const f = await validateInput(EsimListFilter, filter);
    const rows = await this.db.manager.find(EsimProfileEntity, {
      where: { tenantId: currentAuth().tenant, ...(f.state ? { profileState: f.state } : {}) },
      order: { iccid: 'ASC' },
      take: f.limit ?? DEFAULT_LIMIT,
    });
    return rows.map(toEsimView);
  }

  /** What a customer needs to install the profile (read-only; there is no SM-DP+ re-arm). */
  async activation(iccid: string): Promise<EsimActivationView> {
    const row = await this.loadEsim(iccid);
    return {
      iccid: row.iccid,
      imsi: row.imsi,
      msisdn: row.assignedMsisdn,
      activationCode: row.activationCode,
      smdpServer: row.smdpServer,
      matchingId: row.matchingId,
      profileState: row.profileState,
    };
  }

  private async loadEsim(iccid: string): Promise<EsimProfileEntity> {
    await validateInput(IccidRef, { iccid });
    const row = await this.db.manager.findOne(EsimProfileEntity, { where: { iccid, tenantId: currentAuth().tenant } });
    if (!row) throw new NotFound('esim', iccid);
    return row;
  }
}
