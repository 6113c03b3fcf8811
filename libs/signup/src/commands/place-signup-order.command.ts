import { Injectable } from '@nestjs/common';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { UnitOfWork } from '@bss/audit';
import { DraftOrderCommand, SubmitOrderCommand } from '@bss/orders';
import { validateInput, Verb } from '@bss/platform';
import { nextSignupState } from '#signup/domain/signup.state';
import { assertReadyToOrder } from '#signup/policies/signup.policies';
import { toSignupView, type SignupView } from '#signup/queries/signup.queries';
import { IDENTITY_ID, lockJourney, saveJourney, SIGNUP_ID } from './signup-loader';

export class PlaceSignupOrderInput {
  @IsString() @Matches(SIGNUP_ID) signupId!: string;
  @IsString() @Matches(IDENTITY_ID) identityId!: string;
  /** The promo code typed on the review step (one that does not apply never blocks the order). */
  @IsOptional() @IsString() @MaxLength(64) promoCode?: string;
  /** The customer unticked the pre-applied targeted offer. */
  @IsOptional() @IsBoolean() skipAssignedOffer?: boolean;
}

/**
 * `signup.place_order`: creates and submits the order in the journey's transaction. The journey
 * row is locked first, so a double submit (two tabs, a double click, a replayed POST) finds the
 * order already placed and returns it: one order. Someone who was already a customer is charged
 * on the card on file, so the portal steps them up first (signupOrderNeedsStepUp).
 */
@Verb({
  name: 'signup.place_order',
  input: PlaceSignupOrderInput,
  summary: 'Places the one order of a completed signup, charging the card on file',
  cliExempt: 'the last step of the portal signup funnel; operators place orders with `bss order create`',
})
@Injectable()
export class PlaceSignupOrderCommand {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly createOrder: DraftOrderCommand,
    private readonly submitOrder: SubmitOrderCommand,
  ) {}

  async execute(input: PlaceSignupOrderInput): Promise<SignupView> {
    const dto = await validateInput(PlaceSignupOrderInput, input);
    return this.uow.run(async (w) => {
      const journey = await lockJourney(w, dto.signupId, dto.identityId);
      if (journey.orderId) return toSignupView(journey);
      assertReadyToOrder(journey);
      const created = await this.createOrder.executeIn(w, {
        customerId: journey.customerId!,
        offeringId: journey.offeringId,
        msisdnPreference: journey.msisdn ?? undefined,
        promoCode: dto.promoCode?.trim() || undefined,
        skipAssignedOffer: dto.skipAssignedOffer,
      });
      await this.submitOrder.executeIn(w, { orderId: created.id });
      journey.state = nextSignupState(journey, 'place_order');
      journey.orderId = created.id;
      await saveJourney(w, journey, 'signup.order_placed', { orderId: created.id });
      return toSignupView(journey);
    });
  }
}
