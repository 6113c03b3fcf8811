import { Module } from '@nestjs/common';
import { defineContext, type ForgetFootprint, type Tx } from '@bss/platform';
import { AddMsisdnRangeCommand } from './commands/add-msisdn-range.command';
import { AddPortedInMsisdnCommand } from './commands/add-ported-in-msisdn.command';
import { AssignLineResourcesCommand } from './commands/assign-line-resources.command';
import { MarkMsisdnPortedOutCommand } from './commands/mark-msisdn-ported-out.command';
import { ReleaseLineResourcesCommand } from './commands/release-line-resources.command';
import { ReserveLineResourcesCommand } from './commands/reserve-line-resources.command';
import { RetireLineResourcesCommand } from './commands/retire-line-resources.command';
import { EsimProfileEntity } from './domain/esim-profile.entity';
import { SMDP_SERVER } from './domain/esim.state';
import { MsisdnEntity } from './domain/msisdn.entity';
import { InventoryQueries } from './queries/inventory.queries';

export const SEED_POOL_SIZE = 1000;

/** 1000 numbers 90000000–90000999 and 1000 eSIM profiles; re-running inserts nothing. */
async function seedPools(tx: Tx, log: (line: string) => void): Promise<void> {
  const numbers = (await tx.query(
    `insert into inventory.msisdn (msisdn, status)
     select (90000000 + i)::text, 'available' from generate_series(0, $1 - 1) as i
     on conflict do nothing returning msisdn`,
    [SEED_POOL_SIZE],
  )) as unknown[];
  // The matching id is random per profile (it is what the SM-DP+ hands out); the Ki stays in the HSM.
  const profiles = (await tx.query(
    `insert into inventory.esim_profile (iccid, imsi, ki_ref, profile_state, smdp_server, matching_id, activation_code)
     select iccid, imsi, 'hsm://ref/' || gen_random_uuid(), 'available', $2, matching_id, 'LPA:1$' || $2 || '$' || matching_id
       from (select '8910101' || lpad(i::text, 12, '0') as iccid,
                    '525010000' || lpad(i::text, 6, '0') as imsi,
                    upper(substr(md5(gen_random_uuid()::text), 1, 16)) as matching_id
               from generate_series(0, $1 - 1) as i) as p
     on conflict do nothing returning iccid`,
    [SEED_POOL_SIZE, SMDP_SERVER],
  )) as unknown[];
  log(`${numbers.length} MSISDNs and ${profiles.length} eSIM profiles added`);
}

/** `bss admin reset`: both pools go back to available; ranges and ported-in numbers stay in the pool. */
async function resetPools(tx: Tx): Promise<void> {
  await tx.query(
    `update inventory.msisdn
        set status = 'available', reserved_at = null, assigned_to_subscription_id = null, quarantine_until = null
      where status <> 'available' or reserved_at is not null or assigned_to_subscription_id is not null`,
  );
  await tx.query(
    `update inventory.esim_profile
        set profile_state = 'available', assigned_msisdn = null, assigned_to_subscription_id = null,
            reserved_at = null, issued_at = null, downloaded_at = null, activated_at = null, recycled_at = null
      where profile_state <> 'available' or assigned_msisdn is not null or reserved_at is not null`,
  );
}

/** Forgotten customers' numbers and eSIM profiles go back to the pools. */
async function releaseLines(tx: Tx, { subscriptionIds }: ForgetFootprint): Promise<Record<string, number>> {
  const [{ numbersReleased }] = (await tx.query(
    `with released as (
       update inventory.msisdn set status = 'available', reserved_at = null, assigned_to_subscription_id = null, quarantine_until = null
        where assigned_to_subscription_id = any($1) returning 1)
     select count(*)::int as "numbersReleased" from released`,
    [subscriptionIds],
  )) as { numbersReleased: number }[];
  await tx.query(
    `update inventory.esim_profile set profile_state = 'available', assigned_msisdn = null, assigned_to_subscription_id = null,
            reserved_at = null, issued_at = null, downloaded_at = null, activated_at = null, recycled_at = null
      where assigned_to_subscription_id = any($1)`,
    [subscriptionIds],
  );
  return { numbersReleased };
}

export const INVENTORY_CONTEXT = defineContext({
  name: 'inventory',
  entities: [MsisdnEntity, EsimProfileEntity],
  seed: seedPools,
  seedOrder: 30,
  reset: resetPools,
  resetOrder: 70,
  forgetCustomers: releaseLines,
  forgetOrder: 70,
});

const COMMANDS = [
  ReserveLineResourcesCommand,
  ReleaseLineResourcesCommand,
  AssignLineResourcesCommand,
  RetireLineResourcesCommand,
  MarkMsisdnPortedOutCommand,
  AddPortedInMsisdnCommand,
  AddMsisdnRangeCommand,
];

@Module({ providers: [...COMMANDS, InventoryQueries], exports: [...COMMANDS, InventoryQueries] })
export class InventoryModule {}
