import { Injectable } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { CatalogQueries } from '@bss/catalog';
import { CustomerQueries } from '@bss/crm';
import { IdentityQueries } from '@bss/identity';
import { PaymentQueries } from '@bss/payment';
import { Clock, PolicyViolation, randomId, validateInput, Verb } from '@bss/platform';
import { SIGNUP_RULES } from '#signup/signup.errors';
import { SignupJourneyEntity } from '#signup/domain/signup-journey.entity';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
import { IDENTITY_ID } from './signup-loader';

export class StartSignupInput {
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @MaxLength(64) @Matches(/^[A-Za-z0-9_-]+$/, { message: 'offeringId must be a plan id such as PLAN_M' }) offeringId!: string;
}

/**
 * `signup.start`: a journey for a sellable plan. A customer who already exists (linked identity)
 * brings what the CRM and payment already know — no second customer, and the funnel skips the
 * steps that are done (KYC when verified, the card when one is on file).
 */
@Verb({ name: 'signup.start', input: StartSignupInput, summary: 'Starts a signup journey for a plan on sale', cliExempt: 'a step of the portal signup funnel; operators create customers and orders with `bss customer create` and `bss order create`' })
@Injectable()
export class StartSignupCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly identities: IdentityQueries,
    private readonly customers: CustomerQueries,
    private readonly payments: PaymentQueries,
  ) {}

  async execute(input: StartSignupInput): Promise<SignupView> {
    const dto = await validateInput(StartSignupInput, input);
    const now = await this.clock.now();
    const sellable = (await this.catalog.listActiveOfferings(now)).some((o) => o.id === dto.offeringId);
    if (!sellable) throw new PolicyViolation(SIGNUP_RULES.offeringNotSellable, `${dto.offeringId} is not on sale`, { offeringId: dto.offeringId });
    const identity = await this.identities.get(dto.identityId);
    return this.uow.run(async (w) => {
      let kycAttestedAt: Date | null = null;
      let paymentMethodId: string | null = null;
      let givenName: string | null = null;
      let familyName: string | null = null;
      let phone: string | null = null;
      if (identity.customerId) {
        const customer = await this.customers.get(identity.customerId);
        kycAttestedAt = customer.kycStatus === 'verified' ? (customer.kycVerifiedAt ?? w.now) : null;
        paymentMethodId = (await this.payments.defaultMethod(customer.id))?.id ?? null;
        givenName = customer.givenName;
        familyName = customer.familyName;
        phone = customer.phone;
      }
      const journey = w.tx.create(SignupJourneyEntity, {
        id: randomId('SGN', { length: 16 }),
        identityId: identity.id,
        offeringId: dto.offeringId,
        msisdn: null,
        givenName,
        familyName,
        phone,
        state: 'collecting',
        customerId: identity.customerId,
        forExistingCustomer: identity.customerId !== null,
        kycAttestedAt,
        paymentMethodId,
        orderId: null,
        createdAt: w.now,
        updatedAt: w.now,
        tenantId: w.auth.tenant,
      });
      await w.tx.save(journey);
      await w.emit({
        eventType: 'signup.started',
        aggregateType: 'signup',
        aggregateId: journey.id,
        payload: { identityId: identity.id, offeringId: dto.offeringId, existingCustomerId: identity.customerId },
      });
      return toSignupView(journey);
    });
  }
}
