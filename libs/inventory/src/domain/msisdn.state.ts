import type { TransitionTable } from '@bss/policies';

export const MSISDN_STATUSES = ['available', 'reserved', 'assigned', 'quarantine', 'ported_out'] as const;
export type MsisdnStatus = (typeof MSISDN_STATUSES)[number];

export const MSISDN_TRIGGERS = ['reserve', 'assign', 'release', 'quarantine', 'port_out'] as const;
export type MsisdnTrigger = (typeof MSISDN_TRIGGERS)[number];

/**
 * A recycled number cools down in `quarantine` before anyone else gets it; `ported_out` is terminal
 * (the number now belongs to another operator). A quarantine that has run out reads as `available`
 * (see `effectiveMsisdnStatus`), so the table needs no `quarantine → reserved` edge.
 */
export const MSISDN_TRANSITIONS: TransitionTable<MsisdnStatus, MsisdnTrigger> = {
  reserve: { from: ['available'], to: 'reserved' },
  assign: { from: ['reserved', 'assigned'], to: 'assigned' },
  release: { from: ['reserved', 'assigned'], to: 'available' },
  quarantine: { from: ['reserved', 'assigned'], to: 'quarantine' },
  port_out: { from: ['available', 'reserved', 'assigned', 'quarantine'], to: 'ported_out' },
};

export const QUARANTINE_DAYS = 90;
/** "Forever" for a number that left us: it can never come back through the pool. */
export const PORTED_OUT_UNTIL = new Date('9999-12-31T00:00:00.000Z');

export function effectiveMsisdnStatus(row: { status: MsisdnStatus; quarantineUntil: Date | null }, now: Date): MsisdnStatus {
  if (row.status === 'quarantine' && row.quarantineUntil && row.quarantineUntil.getTime() <= now.getTime()) return 'available';
  return row.status;
}

export function quarantineEnd(now: Date): Date {
  return new Date(now.getTime() + QUARANTINE_DAYS * 86_400_000);
}
