import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { InventoryQueries } from '@bss/inventory';
import { PolicyViolation, validateInput, Verb } from '@bss/platform';
import { SIGNUP_RULES } from '#signup/signup.errors';
import { nextSignupState } from '#signup/domain/signup.state';
import { assertStepReachable } from '#signup/policies/signup.policies';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class ChooseSignupNumberInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @Matches(/^[0-9]{8,15}$/, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
}

/** `signup.choose_number`: remembers a number that is free now; it is reserved when the order runs. */
@Verb({ name: 'signup.choose_number', input: ChooseSignupNumberInput, summary: 'Picks the phone number the signup will order', cliExempt: 'a step of the portal signup funnel; operators pick a number with `bss order create --msisdn`' })
@Injectable()
export class ChooseSignupNumberCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly inventory: InventoryQueries,
  ) {}

  async execute(input: ChooseSignupNumberInput): Promise<SignupView> {
    const dto = await validateInput(ChooseSignupNumberInput, input);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'number');
      const number = await this.inventory.getMsisdn(dto.msisdn).catch(() => null);
      if (!number || number.status !== 'available') {
        throw new PolicyViolation(SIGNUP_RULES.numberUnavailable, `${dto.msisdn} is no longer available; pick another`, { msisdn: dto.msisdn });
      }
      journey.state = nextSignupState(journey, 'edit');
      journey.msisdn = dto.msisdn;
      await saveJourney(w, journey, 'signup.number_chosen', { msisdn: dto.msisdn });
      return toSignupView(journey);
    });
  }
}
