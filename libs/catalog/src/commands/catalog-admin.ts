import type { WriteScope } from '@bss/audit';
import { ProductOfferingEntity } from '#catalog/domain/product-offering.entity';
import { parseWindow, type ValidityWindow } from '#catalog/domain/validity-window';
import { assertCatalogAdmin, assertOfferingExists } from '#catalog/policies/catalog.policies';

// The preamble the admin catalog verbs share (add-offering, set-price, window-offering).

/** The verb's validity window, parsed (a bad date is InvalidInput first), once the caller is a catalog admin. */
export function adminWindow(w: WriteScope, input: { validFrom?: string | null; validTo?: string | null }): ValidityWindow {
  const window = parseWindow(input);
  assertCatalogAdmin(w.auth.actor);
  return window;
}

/** Locks the offering an admin verb changes: price and window changes serialise per offering. */
export async function lockOffering(w: WriteScope, offeringId: string): Promise<ProductOfferingEntity> {
  const offering = await w.tx.findOne(ProductOfferingEntity, {
    where: { id: offeringId, tenantId: w.auth.tenant },
    lock: { mode: 'pessimistic_write' },
  });
  assertOfferingExists(offering, offeringId);
  return offering;
}
