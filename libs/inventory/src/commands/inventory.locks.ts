import { NotFound } from '@bss/platform';
import type { WriteScope } from '@bss/audit';
import { EsimProfileEntity } from '#inventory/domain/esim-profile.entity';
import { MsisdnEntity } from '#inventory/domain/msisdn.entity';

/** Loads a number for update in the write's transaction; unknown (in this tenant) → NotFound. */
export async function lockMsisdn(w: WriteScope, msisdn: string): Promise<MsisdnEntity> {
  const row = await w.tx.findOne(MsisdnEntity, { where: { msisdn, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound('msisdn', msisdn);
  return row;
}

export async function lockEsim(w: WriteScope, iccid: string): Promise<EsimProfileEntity> {
  const row = await w.tx.findOne(EsimProfileEntity, { where: { iccid, tenantId: w.auth.tenant }, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFound('esim', iccid);
  return row;
}

