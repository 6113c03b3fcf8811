import { Injectable } from '@nestjs/common';
import { IsIn, IsString, Matches } from 'class-validator';
import { UnitOfWork, type WriteScope } from '@bss/audit';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { IdentityEntity } from '#identity/domain/identity.entity';
import { nextIdentityStatus } from '#identity/domain/identity.state';
import { assertLinkable } from '#identity/policies/identity.policies';

export const IDENTITY_LINK_SOURCES = ['signup'] as const;

export class LinkIdentityInput {
  @IsString() @Matches(/^IDN-[0-9a-f]{16}$/) identityId!: string;
  @IsString() @Matches(/^CUST-[A-Za-z0-9-]{1,40}$/) customerId!: string;
  /** What linked it, kept on the `identity.linked` event. */
  @IsIn(IDENTITY_LINK_SOURCES) via!: (typeof IDENTITY_LINK_SOURCES)[number];
}

/**
 * `identity.link`: the identity now stands for this CRM customer (status `registered`). Linking
 * the same customer again is a no-op; another customer is refused (identity.link.one_customer).
 */
@Verb({
  name: 'identity.link',
  input: LinkIdentityInput,
  summary: 'Links a portal identity to the CRM customer it signed up as',
  cliExempt: 'the signup funnel links the identity it has just created a customer for, in the same transaction; nobody links by hand',
})
@Injectable()
export class LinkIdentityCommand {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(input: LinkIdentityInput): Promise<void> {
    const dto = await validateInput(LinkIdentityInput, input);
    await this.uow.run((w) => this.executeIn(w, dto));
  }

  /** Joins the signup's transaction, so the customer and the link exist together or not at all. */
  async executeIn(w: WriteScope, dto: LinkIdentityInput): Promise<void> {
    const identity = await w.tx.findOne(IdentityEntity, { where: { id: dto.identityId }, lock: { mode: 'pessimistic_write' } });
    if (!identity) throw new NotFound('identity', dto.identityId);
    if (assertLinkable(identity, dto.customerId) === 'already_linked') return;
    identity.status = nextIdentityStatus(identity, 'link_customer');
    identity.customerId = dto.customerId;
    await w.tx.save(identity);
    await w.emit({ eventType: 'identity.linked', aggregateType: 'identity', aggregateId: identity.id, payload: { customerId: dto.customerId, via: dto.via } });
  }
}
