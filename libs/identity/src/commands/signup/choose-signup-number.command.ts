import { Injectable } from '@nestjs/common';
import { IsString, Matches } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { InventoryQueries } from '@bss/inventory';
import { PolicyViolation, validateInput } from '@bss/platform';
import { IDENTITY_RULES } from '../../identity.errors';
import { nextSignupState } from '../../domain/signup.state';
import { assertStepReachable } from '../../policies/signup.policies';
import { toSignupView, type SignupView } from '../../queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class ChooseSignupNumberInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  @IsString() @Matches(/^[0-9]{8,15}$/, { message: 'msisdn must be 8–15 digits' }) msisdn!: string;
}

/** `signup.choose_number`: remembers a number that is free now; it is reserved when the order runs. */
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
        throw new PolicyViolation(IDENTITY_RULES.signupNumberUnavailable, `${dto.msisdn} is no longer available; pick another`, { msisdn: dto.msisdn });
      }
      journey.state = nextSignupState(journey, 'edit');
      journey.msisdn = dto.msisdn;
      await saveJourney(w, journey, 'signup.number_chosen', { msisdn: dto.msisdn });
      return toSignupView(journey);
    });
  }
}
