import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import * as QRCode from 'qrcode';
import { CatalogQueries } from '@bss/catalog';
import {
  AddSignupCardCommand,
  AttestSignupKycCommand,
  ChooseSignupNumberCommand,
  CompleteSignupKycHandoffCommand,
  StartSignupKycHandoffCommand,
  type KycHandoffView,
  isStepReachable,
  PlaceSignupOrderCommand,
  SaveSignupDetailsCommand,
  SignupQueries,
  StartSignupCommand,
  type SignupStep,
  type SignupView,
} from '@bss/signup';
import { InventoryQueries } from '@bss/inventory';
import { Clock, NotFound } from '@bss/platform';
import { PromoQueries } from '@bss/promos';
import { SubscriptionQueries } from '@bss/subscription';
import { Gate, PortalAction, PortalController, StepUp } from '#portal-self-serve/http/gates';
import { formOf, sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';
import { toPlanCard } from '#portal-self-serve/public/plan-format';
import { toEsimDisplay } from './esim.view';
import { ExistingCustomerOrderStepUp } from './existing-customer-order.step-up';

const STEP_LABELS: Record<SignupStep, string> = { number: 'Number', details: 'Details', kyc: 'Identity', card: 'Card', review: 'Review' };
const STEPS: SignupStep[] = ['number', 'details', 'kyc', 'card', 'review'];

/** A QR of Didit's verification link while the handoff waits, so the customer can switch to the phone. */
async function qrOf(handoff: KycHandoffView | null): Promise<string | null> {
  if (!handoff || handoff.state !== 'pending_kyc_handoff') return null;
  return QRCode.toString(handoff.verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

function intOrRaw(value: string | undefined): number | string | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : value;
}

/**
 * The signup funnel: one route and one command per step, state kept server-side in the journey
 * (back and forward keep it), bound to the signed-in identity — another identity's journey is 404.
 */
@PortalController('signup')
@Gate('verified')
export class SignupController {
  constructor(
    private readonly ui: PortalUi,
    private readonly clock: Clock,
    private readonly catalog: CatalogQueries,
    private readonly inventory: InventoryQueries,
    private readonly subscriptions: SubscriptionQueries,
    private readonly signups: SignupQueries,
    private readonly start: StartSignupCommand,
    private readonly chooseNumber: ChooseSignupNumberCommand,
    private readonly saveDetails: SaveSignupDetailsCommand,
    private readonly attestKyc: AttestSignupKycCommand,
    private readonly addCard: AddSignupCardCommand,
    private readonly placeOrder: PlaceSignupOrderCommand,
    private readonly promos: PromoQueries,
    private readonly startKycHandoff: StartSignupKycHandoffCommand,
    private readonly completeKycHandoff: CompleteSignupKycHandoffCommand,
  ) {}

  @Get('start')
  async startPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Query('plan') plan?: string): Promise<FastifyReply> {
    const now = await this.clock.now();
    const offering = (await this.catalog.listActiveOfferings(now)).find((o) => o.id === plan);
    if (!offering) throw new NotFound('plan', String(plan));
    const open = await this.signups.openJourney(sessionOf(req).identityId);
    return this.ui.page(req, reply, 'signup/start', { title: 'Start', plan: toPlanCard(offering), open });
  }

  @Post()
  @PortalAction('signup.start')
  async begin(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const journey = await this.start.execute({ identityId: sessionOf(req).identityId, offeringId: formOf(req).offering_id ?? '' });
    return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
  }

  @Get(':id')
  async resume(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    return this.ui.redirect(req, reply, journey.orderId ? `/signup/${id}/progress` : this.stepUrl(journey, journey.nextStep));
  }

  @Get(':id/number')
  async numberPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Query('prefix') prefix?: string): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    const guard = this.stepGuard(req, reply, journey, 'number');
    if (guard) return guard;
    const cleanPrefix = /^\d{1,8}$/.test(prefix ?? '') ? prefix : undefined;
    const numbers = await this.inventory.listMsisdns({ status: 'available', prefix: cleanPrefix, limit: 12 });
    return this.ui.view(req, reply, { page: 'signup/number', fragment: 'signup/_numbers' }, { ...this.frame(journey, 'number'), title: 'Pick a number', numbers, prefix: cleanPrefix ?? '' });
  }

  @Post(':id/number')
  @PortalAction('signup.choose_number')
  async number(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.chooseNumber.execute({ signupId: id, identityId: sessionOf(req).identityId, msisdn: formOf(req).msisdn ?? '' });
    return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
  }

  @Get(':id/details')
  async detailsPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    return this.stepGuard(req, reply, journey, 'details') ?? this.ui.page(req, reply, 'signup/details', { ...this.frame(journey, 'details'), title: 'Your details', email: sessionOf(req).email });
  }

  @Post(':id/details')
  @PortalAction('signup.save_details')
  async details(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const journey = await this.saveDetails.execute({
      signupId: id,
      identityId: sessionOf(req).identityId,
      givenName: form.given_name ?? '',
      familyName: form.family_name ?? '',
      phone: (form.phone ?? '').replace(/[\s-]/g, ''),
    });
    return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
  }

  @Get(':id/kyc')
  async kycPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    const guard = this.stepGuard(req, reply, journey, 'kyc');
    if (guard) return guard;
    if (this.signups.kycProvider() !== 'didit') return this.ui.page(req, reply, 'signup/kyc', { ...this.frame(journey, 'kyc'), title: 'Verify your identity' });
    const handoff = await this.signups.kycHandoff(id, sessionOf(req).identityId);
    return this.ui.page(req, reply, 'signup/kyc-didit', { ...this.frame(journey, 'kyc'), title: 'Verify your identity', handoff, qrSvg: await qrOf(handoff) });
  }

  /** The Didit handoff fragment, re-polled every 3 s until Didit decides (GET: never writes). */
  @Get(':id/kyc/poll')
  async kycPoll(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const handoff = await this.signups.kycHandoff(id, sessionOf(req).identityId);
    if (!handoff || req.headers['hx-request'] !== 'true') return this.ui.redirect(req, reply, `/signup/${id}/kyc`);
    return this.ui.view(req, reply, { page: 'signup/_kyc-handoff', fragment: 'signup/_kyc-handoff' }, { handoff, qrSvg: await qrOf(handoff) });
  }

  /** After Didit's signed Approved: the CRM records a didit attestation corroborated by that webhook. */
  @Post(':id/kyc/complete')
  @PortalAction('signup.complete_kyc_handoff')
  async kycComplete(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.completeKycHandoff.execute({ signupId: id, identityId: sessionOf(req).identityId });
    return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
  }

  @Post(':id/kyc')
  @PortalAction('signup.attest_kyc')
  async kyc(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    if (this.signups.kycProvider() === 'didit') {
      await this.startKycHandoff.execute({ signupId: id, identityId: sessionOf(req).identityId });
      return this.ui.redirect(req, reply, `/signup/${id}/kyc`);
    }
    const form = formOf(req);
    const journey = await this.attestKyc.execute({
      signupId: id,
      identityId: sessionOf(req).identityId,
      documentType: form.document_type as never,
      documentNumber: form.document_number ?? '',
      documentCountry: form.document_country?.trim().toUpperCase() || undefined,
      dateOfBirth: form.date_of_birth ?? '',
    });
    return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
  }

  @Get(':id/card')
  async cardPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    return this.stepGuard(req, reply, journey, 'card') ?? this.ui.page(req, reply, 'signup/card', { ...this.frame(journey, 'card'), title: 'Card on file' });
  }

  @Post(':id/card')
  @PortalAction('signup.add_card')
  async card(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const journey = await this.addCard.execute({
      signupId: id,
      identityId: sessionOf(req).identityId,
      cardNumber: form.card_number ?? '',
      expMonth: intOrRaw(form.exp_month) as number,
      expYear: intOrRaw(form.exp_year) as number,
    });
    return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
  }

  @Get(':id/review')
  async reviewPage(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    const guard = this.stepGuard(req, reply, journey, 'review');
    if (guard) return guard;
    const offering = await this.catalog.getOffering(journey.offeringId);
    const now = await this.clock.now();
    const price = await this.catalog.activePrice(journey.offeringId, now);
    // With promotions off there is no code field at all; with them on, an eligible customer's
    // cheapest targeted offer is pre-applied (and can be unticked).
    const promo = this.promos.status().enabled
      ? { enabled: true, offer: journey.customerId ? await this.promos.resolveEligible({ customerId: journey.customerId, offeringId: journey.offeringId, at: now }) : null }
      : { enabled: false, offer: null };
    return this.ui.page(req, reply, 'signup/review', { ...this.frame(journey, 'review'), title: 'Review', planName: offering.name, price, promo });
  }

  /** Live preview of a typed code (HTMX fragment); an empty code previews nothing. GET: never writes. */
  @Get(':id/promo-preview')
  async promoPreview(
    @Req() req: PortalRequest,
    @Res() reply: FastifyReply,
    @Param('id') id: string,
    @Query('promo_code') code?: string,
    @Query('has_offer') hasOffer?: string,
  ): Promise<FastifyReply> {
    const journey = await this.journey(req, id);
    if (req.headers['hx-request'] !== 'true') return this.ui.redirect(req, reply, this.stepUrl(journey, 'review'));
    const preview = this.promos.status().enabled ? await this.promos.preview({ code: code?.slice(0, 64), offeringId: journey.offeringId, customerId: journey.customerId }) : null;
    return this.ui.view(req, reply, { page: 'signup/_promo-preview', fragment: 'signup/_promo-preview' }, { preview, hasOffer: hasOffer === '1' });
  }

  /** An existing customer's order charges the card on file: stepped up like any other money-moving self-care write. */
  @Post(':id/order')
  @StepUp('signup.place_order', ExistingCustomerOrderStepUp)
  @PortalAction('signup.place_order')
  async order(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    await this.placeOrder.execute({
      signupId: id,
      identityId: sessionOf(req).identityId,
      promoCode: form.promo_code?.trim() || undefined,
      // The offer was on the page and the customer unticked it.
      skipAssignedOffer: form.offer_shown === '1' && form.apply_offer !== '1',
    });
    return this.ui.redirect(req, reply, `/signup/${id}/progress`);
  }

  /**
   * Activation progress: the page includes the fragment; HTMX re-polls the fragment every 500 ms.
   * The first poll that sees the line active shows "done"; the next one redirects to the eSIM page.
   */
  @Get(':id/progress')
  async progress(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Query('seen') seen?: string): Promise<FastifyReply> {
    const progress = await this.signups.progress(id, sessionOf(req).identityId);
    if (progress.outcome === 'collecting') return this.ui.redirect(req, reply, this.stepUrl(progress.signup, progress.signup.nextStep));
    const esimUrl = `/signup/${id}/esim`;
    if (progress.outcome === 'completed' && seen === 'done' && req.headers['hx-request'] === 'true') {
      return reply.status(200).header('hx-redirect', esimUrl).header('cache-control', 'no-store').send('');
    }
    return this.ui.view(req, reply, { page: 'signup/progress', fragment: 'signup/_progress' }, { title: 'Activating', progress, esimUrl, signupId: id });
  }

  @Get(':id/esim')
  async esim(@Req() req: PortalRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const progress = await this.signups.progress(id, sessionOf(req).identityId);
    if (progress.outcome !== 'completed' || !progress.subscriptionId) return this.ui.redirect(req, reply, `/signup/${id}/progress`);
    const line = await this.subscriptions.get(progress.subscriptionId);
    const esim = await toEsimDisplay(await this.inventory.activation(line.iccid));
    return this.ui.page(req, reply, 'signup/esim', { title: 'Your eSIM', esim, line, fromSignup: true });
  }

  private async journey(req: PortalRequest, id: string): Promise<SignupView> {
    return this.signups.get(id, sessionOf(req).identityId);
  }

  /** Ordered journeys show progress; a step ahead of the first incomplete one sends the customer there. */
  private stepGuard(req: PortalRequest, reply: FastifyReply, journey: SignupView, step: SignupStep): FastifyReply | null {
    if (journey.orderId) return this.ui.redirect(req, reply, `/signup/${journey.id}/progress`);
    if (!isStepReachable({ ...journey }, step)) return this.ui.redirect(req, reply, this.stepUrl(journey, journey.nextStep));
    return null;
  }

  private stepUrl(journey: SignupView, step: SignupStep): string {
    return `/signup/${journey.id}/${step}`;
  }

  private frame(journey: SignupView, step: SignupStep): Record<string, unknown> {
    const index = STEPS.indexOf(step);
    return {
      journey,
      stepNames: STEPS.map((s) => STEP_LABELS[s]),
      stepIndex: index,
      backUrl: index > 0 ? this.stepUrl(journey, STEPS[index - 1]) : '/plans',
    };
  }
}
