import type { TransitionTable } from '@bss/policies';

export const ESIM_STATES = ['available', 'reserved', 'downloaded', 'activated', 'suspended', 'recycled'] as const;
export type EsimState = (typeof ESIM_STATES)[number];

export const ESIM_TRIGGERS = ['reserve', 'assign_msisdn', 'release', 'download', 'activate', 'suspend', 'recycle'] as const;
export type EsimTrigger = (typeof ESIM_TRIGGERS)[number];

/**
 * Release is for a profile that never reached a customer; recycle for one that did. Recycle is
 * allowed from every state reached after issue (the reference only allowed `activated`, which
 * nothing ever set, so retiring a line always failed).
 */
export const ESIM_TRANSITIONS: TransitionTable<EsimState, EsimTrigger> = {
  reserve: { from: ['available'], to: 'reserved' },
  assign_msisdn: { from: ['reserved'], to: 'reserved' },
  release: { from: ['reserved'], to: 'available' },
  download: { from: ['reserved'], to: 'downloaded' },
  activate: { from: ['downloaded', 'suspended'], to: 'activated' },
  suspend: { from: ['activated'], to: 'suspended' },
  recycle: { from: ['reserved', 'downloaded', 'activated', 'suspended'], to: 'recycled' },
};

export const SMDP_SERVER = 'smdp.bss-cli.local';

export function activationCodeFor(matchingId: string, smdpServer = SMDP_SERVER): string {
  return `LPA:1$${smdpServer}$${matchingId}`;
}
