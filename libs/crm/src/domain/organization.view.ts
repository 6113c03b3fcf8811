import type { OrganizationStatus } from './organization.entity';

export interface OrganizationMemberView {
  customerId: string;
  role: string;
}

export interface OrganizationView {
  /** The party id (PTY-…): TMF632 names the organization by it. */
  id: string;
  tradingName: string;
  legalName: string | null;
  organizationType: string | null;
  registrationId: string | null;
  status: OrganizationStatus;
  /** By customer id. */
  members: OrganizationMemberView[];
  createdAt: Date;
  updatedAt: Date;
}
