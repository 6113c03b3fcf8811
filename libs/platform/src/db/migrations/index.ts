import { CreatePlatform1764100000000 } from './1764100000000-create-platform';
import { CreateAudit1764100001000 } from './1764100001000-create-audit';
import { CreateCatalog1764200000000 } from './1764200000000-create-catalog';

/**
 * The one ordered migration history. Append new migrations at the end; a merged migration is
 * never edited. Timestamps per context: platform/audit 17641…, catalog 17642…, crm 17643…,
 * inventory 17644…, payment 17645…, orders 17646…, subscription 17647…, portal 17648…,
 * promos 17649….
 */
export const MIGRATIONS = [
  CreatePlatform1764100000000,
  CreateAudit1764100001000,
  CreateCatalog1764200000000,
];
