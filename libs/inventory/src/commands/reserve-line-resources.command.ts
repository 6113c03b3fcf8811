import { Injectable } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { envInt, PolicyViolation, validateInput, Verb } from '@bss/platform';
import { INVENTORY_EVENTS, INVENTORY_RULES } from '#inventory/inventory.errors';
import { EsimProfileEntity } from '#inventory/domain/esim-profile.entity';
import type { LineResources } from '#inventory/domain/inventory.views';
import { MsisdnEntity } from '#inventory/domain/msisdn.entity';
import { effectiveMsisdnStatus } from '#inventory/domain/msisdn.state';
import { esimTransition } from '#inventory/policies/esim.policies';
import { isPoolLow, msisdnTransition } from '#inventory/policies/msisdn.policies';
import { MSISDN_PATTERN } from '#inventory/domain/line-identifiers';
import { whereMsisdnFree } from '#inventory/queries/inventory.queries';

export class ReserveLineResourcesInput {
  /** Exactly this number or nothing: a preference never falls back to another number. */
  @IsOptional() @Matches(MSISDN_PATTERN, { message: 'msisdnPreference must be 8–15 digits' }) msisdnPreference?: string;
}

export const POOL_LOW_THRESHOLD_ENV = 'BSS_INVENTORY_MSISDN_POOL_LOW_THRESHOLD';
export const DEFAULT_POOL_LOW_THRESHOLD = 50;

/**
 * Holds one MSISDN and one eSIM profile for a new line, lowest free first. `FOR UPDATE SKIP LOCKED`
 * lets concurrent reservations pass each other instead of queueing on (or double-issuing) the same
 * row; both holds commit or roll back together.
 */
@Verb({
  name: 'inventory.reserve_line_resources',
  input: ReserveLineResourcesInput,
  summary: 'Hold an MSISDN and an eSIM profile for a new line',
  cliExempt: 'a step of SOM decomposition (job orders.decompose) and of prov.retry',
})
@Injectable()
export class ReserveLineResourcesCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: ReserveLineResourcesInput = {}): Promise<LineResources> {
    const dto = await validateInput(ReserveLineResourcesInput, input);
    return this.uow.run((w) => this.reserve(w, dto));
  }

  /** Joins a transaction another command already opened. */
  async executeIn(w: WriteScope, input: ReserveLineResourcesInput = {}): Promise<LineResources> {
    return this.reserve(w, await validateInput(ReserveLineResourcesInput, input));
  }

  private async reserve(w: WriteScope, dto: ReserveLineResourcesInput): Promise<LineResources> {
    const msisdn = await this.claimMsisdn(w, dto.msisdnPreference);
    const esim = await this.claimEsim(w);

    await w.tx.update(MsisdnEntity, { msisdn: msisdn.msisdn }, { status: 'reserved', reservedAt: w.now, quarantineUntil: null, assignedToSubscriptionId: null });
    await w.tx.update(
      EsimProfileEntity,
      { iccid: esim.iccid },
      { profileState: 'reserved', reservedAt: w.now, assignedMsisdn: null, assignedToSubscriptionId: null, issuedAt: null },
    );
    await w.emit({ eventType: INVENTORY_EVENTS.msisdnReserved, aggregateType: 'msisdn', aggregateId: msisdn.msisdn, payload: { msisdn: msisdn.msisdn } });
    await w.emit({ eventType: INVENTORY_EVENTS.esimReserved, aggregateType: 'esim', aggregateId: esim.iccid, payload: { iccid: esim.iccid } });
    await this.flagLowPool(w);
    return {
      msisdn: msisdn.msisdn,
      iccid: esim.iccid,
      imsi: esim.imsi,
      activationCode: esim.activationCode,
      smdpServer: esim.smdpServer,
      matchingId: esim.matchingId,
    };
  }

  private async claimMsisdn(w: WriteScope, preference: string | undefined): Promise<MsisdnEntity> {
    const qb = w.tx
      .createQueryBuilder(MsisdnEntity, 'm')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('m.tenantId = :tenant', { tenant: w.auth.tenant })
      .setParameter('now', w.now);
    whereMsisdnFree(qb, 'm');
    if (preference) qb.andWhere('m.msisdn = :preference', { preference });
    const row = await qb.orderBy('m.msisdn', 'ASC').limit(1).getOne();
    if (!row) {
      throw new PolicyViolation(
        INVENTORY_RULES.msisdnReserveNoAvailable,
        preference ? `MSISDN ${preference} is not available` : 'No MSISDN is available; add a range (bss inventory msisdn add-range)',
        preference ? { msisdnPreference: preference } : {},
      );
    }
    msisdnTransition(row.msisdn, effectiveMsisdnStatus(row, w.now), 'reserve');
    return row;
  }

  private async claimEsim(w: WriteScope): Promise<EsimProfileEntity> {
    const row = await w.tx
      .createQueryBuilder(EsimProfileEntity, 'e')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('e.tenantId = :tenant', { tenant: w.auth.tenant })
      .andWhere(`e.profileState = 'available'`)
      .orderBy('e.iccid', 'ASC')
      .limit(1)
      .getOne();
    if (!row) throw new PolicyViolation(INVENTORY_RULES.esimReserveStatusMustBeAvailable, 'No eSIM profile is available', {});
    esimTransition(row.iccid, row.profileState, 'reserve');
    return row;
  }

  /** At most one `pool_low` per reservation; counted in this transaction, so it includes our own hold. */
  private async flagLowPool(w: WriteScope): Promise<void> {
    const threshold = envInt(POOL_LOW_THRESHOLD_ENV, DEFAULT_POOL_LOW_THRESHOLD);
    const [row] = (await w.tx.query(
      `select count(*)::int as available from inventory.msisdn
        where tenant_id = $1 and (status = 'available' or (status = 'quarantine' and quarantine_until <= $2))`,
      [w.auth.tenant, w.now],
    )) as { available: number }[];
    const available = row?.available ?? 0;
    if (!isPoolLow(available, threshold)) return;
    await w.emit({ eventType: INVENTORY_EVENTS.msisdnPoolLow, aggregateType: 'msisdn_pool', aggregateId: w.auth.tenant, payload: { available, threshold } });
  }
}
