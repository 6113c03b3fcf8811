import { Type } from 'class-transformer';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { In } from 'typeorm';
import type { WriteScope } from '@bss/audit';
import { InvalidInput } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { OrganizationMemberEntity } from '#crm/domain/organization.entity';

export class OrganizationMemberInput {
  @IsString() @Matches(ID_PATTERNS.customer, { message: 'customerId must be CUST-<8 hex>' }) customerId!: string;
  /** e.g. employee, admin; default member. */
  @IsOptional() @IsString() @Matches(/^[a-z][a-z_]{1,39}$/, { message: 'role must be lower_snake, e.g. employee' }) @MaxLength(40) role?: string;
}

export const MemberList = () => Type(() => OrganizationMemberInput);

/** Replaces the organization's members; every one must be an existing customer of the tenant. */
export async function replaceMembers(w: WriteScope, organizationId: string, members: readonly OrganizationMemberInput[]): Promise<void> {
  const byCustomer = new Map(members.map((m) => [m.customerId, m.role ?? 'member']));
  const ids = [...byCustomer.keys()];
  if (ids.length > 0) {
    const found = new Set((await w.tx.find(CustomerEntity, { select: { id: true }, where: { id: In(ids), tenantId: w.auth.tenant } })).map((c) => c.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length > 0) throw new InvalidInput([{ field: 'members', messages: [`unknown customer ${unknown.join(', ')}`] }]);
  }
  await w.tx.delete(OrganizationMemberEntity, { organizationId });
  if (ids.length > 0) await w.tx.insert(OrganizationMemberEntity, ids.map((customerId) => ({ organizationId, customerId, role: byCustomer.get(customerId)!, tenantId: w.auth.tenant })));
}
