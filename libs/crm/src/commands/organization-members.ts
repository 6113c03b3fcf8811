import { applyDecorators } from '@nestjs/common';
import { JSONSchema } from 'class-validator-jsonschema';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { In } from 'typeorm';
import type { WriteScope } from '@bss/audit';
import { InvalidInput, isBssError, validateInput } from '@bss/platform';
import { ID_PATTERNS } from '#crm/domain/crm.values';
import { CustomerEntity } from '#crm/domain/customer.entity';
import { OrganizationMemberEntity } from '#crm/domain/organization.entity';

export class OrganizationMemberInput {
  @IsString() @Matches(ID_PATTERNS.customer, { message: 'customerId must be CUST-<8 hex>' }) customerId!: string;
  /** e.g. employee, admin; default member. */
  @IsOptional() @IsString() @Matches(/^[a-z][a-z_]{1,39}$/, { message: 'role must be lower_snake, e.g. employee' }) @MaxLength(40) role?: string;
}

/**
 * A list of members, each checked against OrganizationMemberInput by `validMembers`; the JSON schema
 * (agent tools) spells the item out, as class-validator-jsonschema cannot follow a nested list.
 */
export const MemberList = (): PropertyDecorator =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(500),
    IsObject({ each: true }),
    JSONSchema({
      type: 'array',
      items: {
        type: 'object',
        properties: { customerId: { type: 'string', pattern: ID_PATTERNS.customer.source }, role: { type: 'string', pattern: '^[a-z][a-z_]{1,39}$' } },
        required: ['customerId'],
        additionalProperties: false,
      },
    }) as PropertyDecorator,
  );

/** Each member validated as OrganizationMemberInput; a bad one is InvalidInput naming `members.<i>.<field>`. */
export async function validMembers(members: readonly object[]): Promise<OrganizationMemberInput[]> {
  const valid: OrganizationMemberInput[] = [];
  for (const [i, member] of members.entries()) {
    try {
      valid.push(await validateInput(OrganizationMemberInput, member as OrganizationMemberInput));
    } catch (error) {
      if (isBssError(error) && error instanceof InvalidInput) throw new InvalidInput(error.fields.map((f) => ({ ...f, field: `members.${i}.${f.field}` })));
      throw error;
    }
  }
  return valid;
}

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
