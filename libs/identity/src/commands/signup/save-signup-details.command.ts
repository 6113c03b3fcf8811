import { Injectable } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { CreateCustomerCommand, UpdateIndividualCommand } from '@bss/crm';
import { NotFound, validateInput } from '@bss/platform';
import { IdentityEntity } from '../../domain/identity.entity';
import { nextIdentityStatus } from '../../domain/identity.state';
import { nextSignupState } from '../../domain/signup.state';
import { assertLinkable } from '../../policies/identity.policies';
import { assertStepReachable } from '../../policies/signup.policies';
import { toSignupView, type SignupView } from '../../queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class SaveSignupDetailsInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @Matches(/\S/, { message: 'givenName must not be blank' }) @MaxLength(100) givenName!: string;
  @IsString() @Matches(/\S/, { message: 'familyName must not be blank' }) @MaxLength(100) familyName!: string;
  @IsString() @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone must be in international format, e.g. +6591234567' }) phone!: string;
}

/**
 * `signup.save_details` (audit label signup_create_customer): the first time, creates the CRM
 * customer with the identity's verified email (never a typed one) and links the identity, in one
 * transaction; coming back later only corrects the name.
 */
@Injectable()
export class SaveSignupDetailsCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly createCustomer: CreateCustomerCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
  ) {}

  async execute(input: SaveSignupDetailsInput): Promise<SignupView> {
    const dto = await validateInput(SaveSignupDetailsInput, input);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'details');
      journey.state = nextSignupState(journey, 'edit');
      const identity = await w.tx.findOne(IdentityEntity, { where: { id: dto.identityId }, lock: { mode: 'pessimistic_write' } });
      if (!identity) throw new NotFound('identity', dto.identityId);
      const givenName = dto.givenName.trim();
      const familyName = dto.familyName.trim();
      if (journey.customerId) {
        if (givenName !== journey.givenName || familyName !== journey.familyName) {
          await this.updateIndividual.executeIn(w, { customerId: journey.customerId, givenName, familyName });
        }
      } else {
        const customer = await this.createCustomer.executeIn(w, { givenName, familyName, email: identity.email, phone: dto.phone });
        assertLinkable(identity, customer.id);
        identity.status = nextIdentityStatus(identity, 'link_customer');
        identity.customerId = customer.id;
        await w.tx.save(identity);
        await w.emit({ eventType: 'identity.linked', aggregateType: 'identity', aggregateId: identity.id, payload: { customerId: customer.id, via: 'signup' } });
        journey.customerId = customer.id;
      }
      journey.givenName = givenName;
      journey.familyName = familyName;
      journey.phone = dto.phone;
      await saveJourney(w, journey, 'signup.details_saved', { customerId: journey.customerId });
      return toSignupView(journey);
    });
  }
}
