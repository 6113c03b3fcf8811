import type { EsimProfileEntity } from './esim-profile.entity';
import type { EsimState } from './esim.state';
import type { MsisdnEntity } from './msisdn.entity';
import { effectiveMsisdnStatus, type MsisdnStatus } from './msisdn.state';

export interface MsisdnView {
  msisdn: string;
  /** Effective status: a quarantine that has run out reads as `available`. */
  status: MsisdnStatus;
  reservedAt: Date | null;
  assignedToSubscriptionId: string | null;
  quarantineUntil: Date | null;
}

export interface MsisdnCounts {
  prefix: string | null;
  available: number;
  reserved: number;
  assigned: number;
  quarantine: number;
  portedOut: number;
  total: number;
}

export interface EsimView {
  iccid: string;
  imsi: string;
  profileState: EsimState;
  smdpServer: string;
  matchingId: string;
  activationCode: string;
  assignedMsisdn: string | null;
  assignedToSubscriptionId: string | null;
  reservedAt: Date | null;
  issuedAt: Date | null;
  downloadedAt: Date | null;
  activatedAt: Date | null;
  recycledAt: Date | null;
}

export interface EsimActivationView {
  iccid: string;
  imsi: string;
  msisdn: string | null;
  activationCode: string;
  smdpServer: string;
  matchingId: string;
  profileState: EsimState;
}

/** What a new line gets: one number and one eSIM profile, held for it. */
export interface LineResources {
  msisdn: string;
  iccid: string;
  imsi: string;
  activationCode: string;
  smdpServer: string;
  matchingId: string;
}

export function toMsisdnView(row: MsisdnEntity, now: Date): MsisdnView {
  return {
    msisdn: row.msisdn,
    status: effectiveMsisdnStatus(row, now),
    reservedAt: row.reservedAt,
    assignedToSubscriptionId: row.assignedToSubscriptionId,
    quarantineUntil: row.quarantineUntil,
  };
}

// The Ki reference stays inside the context: no caller needs it and it is one less thing to leak.
export function toEsimView(row: EsimProfileEntity): EsimView {
  return {
    iccid: row.iccid,
    imsi: row.imsi,
    profileState: row.profileState,
    smdpServer: row.smdpServer,
    matchingId: row.matchingId,
    activationCode: row.activationCode,
    assignedMsisdn: row.assignedMsisdn,
    assignedToSubscriptionId: row.assignedToSubscriptionId,
    reservedAt: row.reservedAt,
    issuedAt: row.issuedAt,
    downloadedAt: row.downloadedAt,
    activatedAt: row.activatedAt,
    recycledAt: row.recycledAt,
  };
}
