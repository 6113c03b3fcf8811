import { Injectable } from '@nestjs/common';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { AddPaymentCardCommand } from '@bss/payment';
import { NotFound, validateInput, Verb } from '@bss/platform';
import { nextSignupState } from '#signup/domain/signup.state';
import { assertStepReachable } from '#signup/policies/signup.policies';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class AddSignupCardInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  /** Handed to the payment tokenizer and dropped; never stored by the journey. */
  @IsString() @MaxLength(40) cardNumber!: string;
  @IsInt() @Min(1) @Max(12) expMonth!: number;
  @IsInt() @Min(2000) @Max(2199) expYear!: number;
}

/** `signup.add_card`: the card goes to payment's tokenizer; the journey keeps only the method id. */
@Verb({ name: 'signup.add_card', input: AddSignupCardInput, summary: 'Puts the signup customer\'s card on file through the payment tokenizer', cliExempt: 'a step of the portal signup funnel; operators add cards with `bss payment add-card`' })
@Injectable()
export class AddSignupCardCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly addMethod: AddPaymentCardCommand,
  ) {}

  async execute(input: AddSignupCardInput): Promise<SignupView> {
    const dto = await validateInput(AddSignupCardInput, input);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      assertStepReachable(journey, 'card');
      journey.state = nextSignupState(journey, 'edit');
      if (!journey.customerId) throw new NotFound('customer', 'of this signup');
      const method = await this.addMethod.executeIn(w, { customerId: journey.customerId, cardNumber: dto.cardNumber, expMonth: dto.expMonth, expYear: dto.expYear });
      journey.paymentMethodId = method.id;
      await saveJourney(w, journey, 'signup.card_added', { paymentMethodId: method.id, last4: method.last4 });
      return toSignupView(journey);
    });
  }
}
