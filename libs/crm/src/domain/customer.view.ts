import type { ContactMediumEntity } from './contact-medium.entity';
import type { CustomerStatus, KycStatus, MediumType } from './crm.values';
import type { CustomerEntity } from './customer.entity';
import type { IndividualEntity } from './party.entity';

export interface ContactMediumView {
  id: string;
  mediumType: MediumType;
  value: string;
  isPrimary: boolean;
  validFrom: Date;
  validTo: Date | null;
}

export interface CustomerView {
  id: string;
  partyId: string;
  status: CustomerStatus;
  statusReason: string | null;
  givenName: string;
  familyName: string;
  /** `givenName familyName`. */
  name: string;
  dateOfBirth: string | null;
  /** The primary live email (else the oldest live one). */
  email: string | null;
  /** The primary live phone (else the oldest live one). */
  phone: string | null;
  kycStatus: KycStatus;
  kycVerifiedAt: Date | null;
  kycVerificationMethod: string | null;
  kycReference: string | null;
  customerSince: Date;
  /** Live media only, oldest first. */
  contactMedia: ContactMediumView[];
}

export function toContactMediumView(m: ContactMediumEntity): ContactMediumView {
  return { id: m.id, mediumType: m.mediumType, value: m.value, isPrimary: m.isPrimary, validFrom: m.validFrom, validTo: m.validTo };
}

function preferred(media: readonly ContactMediumEntity[], type: MediumType): string | null {
  const live = media.filter((m) => m.mediumType === type && m.validTo === null);
  return (live.find((m) => m.isPrimary) ?? live[0])?.value ?? null;
}

export function toCustomerView(customer: CustomerEntity, individual: IndividualEntity, media: readonly ContactMediumEntity[]): CustomerView {
  const live = media
    .filter((m) => m.validTo === null)
    .sort((a, b) => a.validFrom.getTime() - b.validFrom.getTime() || Number(a.seq) - Number(b.seq));
  return {
    id: customer.id,
    partyId: customer.partyId,
    status: customer.status,
    statusReason: customer.statusReason,
    givenName: individual.givenName,
    familyName: individual.familyName,
    name: `${individual.givenName} ${individual.familyName}`.trim(),
    dateOfBirth: individual.dateOfBirth,
    email: preferred(live, 'email'),
    phone: preferred(live, 'phone'),
    kycStatus: customer.kycStatus,
    kycVerifiedAt: customer.kycVerifiedAt,
    kycVerificationMethod: customer.kycVerificationMethod,
    kycReference: customer.kycReference,
    customerSince: customer.customerSince,
    contactMedia: live.map(toContactMediumView),
  };
}
