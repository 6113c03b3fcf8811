import type { Tx } from '@bss/platform';
import { ALLOWANCE_UNIT_OF, allowanceId, DEFAULT_SERVICE_MAPPING, DEFAULT_SPEC_ID, type AllowanceType, type ServiceSpecType } from './domain/catalog.types';

/** Reference data of domain spec §2/§9. Prices are 19/39/79 in some old docs: those are stale. */
export const SEED_SPECIFICATION = { id: DEFAULT_SPEC_ID, name: 'Mobile Prepaid Bundle', description: 'Prepaid eSIM bundle renewed every 30 days', brand: 'BSS-CLI' } as const;

export const SEED_CATALOG = { id: 'CAT_MOBILE', name: 'Prepaid eSIM plans' } as const;
export const SEED_CATEGORY = { id: 'CATEGORY_PLANS', name: 'Mobile plans' } as const;

interface SeedPlan {
  id: string;
  name: string;
  priceId: string;
  amount: string;
  /** Id letter of the allowances: `BA_S_DATA`. */
  code: string;
  allowances: Readonly<Record<AllowanceType, number>>;
}

export const SEED_PLANS: readonly SeedPlan[] = [
  { id: 'PLAN_S', name: 'Lite', priceId: 'PRICE_PLAN_S', amount: '10.00', code: 'S', allowances: { data: 5120, voice: 100, sms: 100, data_roaming: 0 } },
  { id: 'PLAN_M', name: 'Standard', priceId: 'PRICE_PLAN_M', amount: '25.00', code: 'M', allowances: { data: 30720, voice: -1, sms: -1, data_roaming: 500 } },
  { id: 'PLAN_L', name: 'Max', priceId: 'PRICE_PLAN_L', amount: '45.00', code: 'L', allowances: { data: 153600, voice: -1, sms: -1, data_roaming: 2048 } },
];

interface SeedVas {
  id: string;
  name: string;
  priceAmount: string;
  allowanceType: AllowanceType;
  /** −1 = unlimited. */
  allowanceQuantity: number;
  expiryHours: number | null;
}

export const SEED_VAS: readonly SeedVas[] = [
  { id: 'VAS_DATA_1GB', name: 'Data Top-Up 1GB', priceAmount: '3.00', allowanceType: 'data', allowanceQuantity: 1024, expiryHours: null },
  { id: 'VAS_DATA_5GB', name: 'Data Top-Up 5GB', priceAmount: '12.00', allowanceType: 'data', allowanceQuantity: 5120, expiryHours: null },
  { id: 'VAS_UNLIMITED_DAY', name: 'Unlimited Data Day Pass', priceAmount: '5.00', allowanceType: 'data', allowanceQuantity: -1, expiryHours: 24 },
  { id: 'VAS_ROAMING_1GB', name: 'Roaming Data 1GB', priceAmount: '8.00', allowanceType: 'data_roaming', allowanceQuantity: 1024, expiryHours: null },
];

export const SEED_SERVICE_SPECS: readonly { id: string; name: string; type: ServiceSpecType }[] = [
  { id: 'SSPEC_CFS_MOBILE_BROADBAND', name: 'Mobile Broadband CFS', type: 'CFS' },
  { id: 'SSPEC_RFS_DATA_BEARER', name: 'Data Bearer RFS', type: 'RFS' },
  { id: 'SSPEC_RFS_VOICE_BEARER', name: 'Voice Bearer RFS', type: 'RFS' },
];

/** Idempotent: re-running inserts nothing and never overwrites operator edits. */
export async function seedCatalog(tx: Tx, log: (line: string) => void): Promise<void> {
  let inserted = 0;
  const insert = async (sql: string, params: unknown[]) => {
    const result = (await tx.query(`${sql} on conflict do nothing returning 1`, params)) as unknown[];
    inserted += result.length;
  };
  const s = SEED_SPECIFICATION;
  await insert(`insert into catalog.product_specification (id, name, description, brand, lifecycle_status) values ($1, $2, $3, $4, 'active')`, [
    s.id,
    s.name,
    s.description,
    s.brand,
  ]);
  for (const spec of SEED_SERVICE_SPECS) {
    await insert(`insert into catalog.service_specification (id, name, type) values ($1, $2, $3)`, [spec.id, spec.name, spec.type]);
  }
  for (const plan of SEED_PLANS) {
    await insert(
      `insert into catalog.product_offering (id, name, spec_id, is_bundle, is_sellable, lifecycle_status) values ($1, $2, $3, true, true, 'active')`,
      [plan.id, plan.name, s.id],
    );
    await insert(
      `insert into catalog.product_offering_price (id, offering_id, price_type, recurring_period_length, recurring_period_type, amount, currency)
       values ($1, $2, 'recurring', 1, 'month', $3, 'SGD')`,
      [plan.priceId, plan.id, plan.amount],
    );
    for (const [type, quantity] of Object.entries(plan.allowances) as [AllowanceType, number][]) {
      await insert(`insert into catalog.bundle_allowance (id, offering_id, allowance_type, quantity, unit) values ($1, $2, $3, $4, $5)`, [
        allowanceId(plan.code, type),
        plan.id,
        type,
        quantity,
        ALLOWANCE_UNIT_OF[type],
      ]);
    }
    await insert(`insert into catalog.product_to_service_mapping (offering_id, cfs_spec_id, rfs_spec_ids) values ($1, $2, $3)`, [
      plan.id,
      DEFAULT_SERVICE_MAPPING.cfsSpecId,
      DEFAULT_SERVICE_MAPPING.rfsSpecIds,
    ]);
  }
  // The one catalog and category partners saw before catalogs and categories were rows (TMF620).
  await insert(`insert into catalog.category (id, name, lifecycle_status) values ($1, $2, 'active')`, [SEED_CATEGORY.id, SEED_CATEGORY.name]);
  await insert(`insert into catalog.catalog (id, name, lifecycle_status) values ($1, $2, 'active')`, [SEED_CATALOG.id, SEED_CATALOG.name]);
  await insert(`insert into catalog.catalog_category (catalog_id, category_id) values ($1, $2)`, [SEED_CATALOG.id, SEED_CATEGORY.id]);
  for (const plan of SEED_PLANS) {
    await insert(`insert into catalog.offering_category (offering_id, category_id) values ($1, $2)`, [plan.id, SEED_CATEGORY.id]);
  }
  for (const vas of SEED_VAS) {
    await insert(
      `insert into catalog.vas_offering (id, name, price_amount, currency, allowance_type, allowance_quantity, allowance_unit, expiry_hours)
       values ($1, $2, $3, 'SGD', $4, $5, $6, $7)`,
      [vas.id, vas.name, vas.priceAmount, vas.allowanceType, vas.allowanceQuantity, ALLOWANCE_UNIT_OF[vas.allowanceType], vas.expiryHours],
    );
  }
  log(`${inserted} rows inserted`);
}
