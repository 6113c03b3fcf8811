import { Injectable } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { CreateCustomerCommand, UpdateIndividualCommand } from '@bss/crm';
import { IdentityQueries, LinkIdentityCommand } from '@bss/identity';
import { validateInput, Verb } from '@bss/platform';
import { nextSignupState } from '#signup/domain/signup.state';
import { assertStepReachable } from '#signup/policies/signup.policies';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class SaveSignupDetailsInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @Matches(/\S/, { message: 'givenName must not be blank' }) @MaxLength(100) givenName!: string;
  @IsString() @Matches(/\S/, { message: 'familyName must not be blank' }) @MaxLength(100) familyName!: string;
  @IsString() @Matches(/^\+[1-9]\d{7,14}$/, { message: 'phone must be in international format, e.g. +6591234567' }) phone!: string;
}

/**
 * `signup.save_details`: the first time, creates the CRM customer with the identity's verified
 * email (never a typed one) and links the identity, in one transaction; coming back later only
 * corrects the name.
 */
@Verb({ name: 'signup.save_details', input: SaveSignupDetailsInput, summary: "Saves the signup's name and phone, creating and linking the customer the first time", cliExempt: 'a step of the portal signup funnel; operators use `bss customer create`' })
@Injectable()
export class SaveSignupDetailsCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly identities: IdentityQueries,
    private readonly createCustomer: CreateCustomerCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
    private readonly linkIdentity: LinkIdentityCommand,
  ) {}

  async execute(input: SaveSignupDetailsInput): Promise<SignupView> {
    const dto = await validateInput(SaveSignupDetailsInput, input);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'details');
      journey.state = nextSignupState(journey, 'edit');
      const identity = await this.identities.get(dto.identityId);
      const givenName = dto.givenName.trim();
      const familyName = dto.familyName.trim();
      if (journey.customerId) {
        if (givenName !== journey.givenName || familyName !== journey.familyName) {
          await this.updateIndividual.executeIn(w, { customerId: journey.customerId, givenName, familyName });
        }
      } else {
        const customer = await this.createCustomer.executeIn(w, { givenName, familyName, email: identity.email, phone: dto.phone });
        await this.linkIdentity.executeIn(w, { identityId: identity.id, customerId: customer.id, via: 'signup' });
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
