import { PolicyViolation } from '@bss/platform';
import { CRM_RULES } from '#crm/crm.errors';
import type { OrganizationStatus } from '#crm/domain/organization.entity';

/** A closed organization is history: it is not renamed, re-validated or given members again. */
export function assertOrganizationOpen(organization: { partyId: string; status: OrganizationStatus }): void {
  if (organization.status === 'closed') {
    throw new PolicyViolation(CRM_RULES.organizationClosed, `Organization ${organization.partyId} is closed`, { organizationId: organization.partyId });
  }
}
