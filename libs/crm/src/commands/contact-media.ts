import { IsNull } from 'typeorm';
import type { WriteScope } from '@bss/audit';
import { ContactMediumEntity } from '#crm/domain/contact-medium.entity';
import type { MediumType } from '#crm/domain/crm.values';

/** The customer that holds `email` (already normalised) as a live medium in this tenant, or null. */
export async function findLiveEmailOwner(w: WriteScope, email: string): Promise<string | null> {
  const rows = (await w.tx.query(
    `select c.id
       from crm.contact_medium m
       join crm.customer c on c.party_id = m.party_id
      where m.medium_type = 'email' and m.valid_to is null and m.tenant_id = $1 and lower(m.value) = lower($2)
      limit 1`,
    [w.auth.tenant, email],
  )) as { id: string }[];
  return rows[0]?.id ?? null;
}

/** Keeps one primary per type: `primaryId` becomes it, or else the oldest live medium does. */
export async function settlePrimary(w: WriteScope, partyId: string, mediumType: MediumType, primaryId?: string): Promise<void> {
  const live = await w.tx.find(ContactMediumEntity, {
    where: { partyId, mediumType, validTo: IsNull() },
    order: { validFrom: 'ASC', seq: 'ASC' },
  });
  if (live.length === 0) return;
  const chosen = primaryId ?? live.find((m) => m.isPrimary)?.id ?? live[0].id;
  for (const m of live) {
    const isPrimary = m.id === chosen;
    if (m.isPrimary !== isPrimary) await w.tx.update(ContactMediumEntity, { id: m.id }, { isPrimary });
  }
}

