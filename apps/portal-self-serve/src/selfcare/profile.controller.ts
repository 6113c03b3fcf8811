import { Get, Post, Req, Res } from '@nestjs/common';
import { CustomerQueries, SetCustomerPostalAddressCommand, UpdateContactMediumCommand, UpdateIndividualCommand } from '@bss/crm';
import { CancelEmailChangeCommand, IdentityQueries, StartEmailChangeCommand, VerifyEmailChangeCommand } from '@bss/identity';
import { InvalidInput, NotFound } from '@bss/platform';
import { Gate, PortalAction, PortalController, StepUp } from '#portal-self-serve/http/gates';
import { customerIdOf, formOf, sessionOf, type FastifyReply, type PortalRequest } from '#portal-self-serve/http/portal-request';
import { PortalUi } from '#portal-self-serve/http/portal-ui';
import { notOwned } from './ownership';

const CODE_ERROR = "That code didn't work. Check the latest email to your new address and try again.";

/** Contact details: name, phone and postal address (stepped up), email change verified by a code sent to the NEW address. */
@PortalController('profile/contact')
@Gate('linked')
export class ProfileController {
  constructor(
    private readonly ui: PortalUi,
    private readonly customers: CustomerQueries,
    private readonly identities: IdentityQueries,
    private readonly updateIndividual: UpdateIndividualCommand,
    private readonly updateMedium: UpdateContactMediumCommand,
    private readonly setPostalAddress: SetCustomerPostalAddressCommand,
    private readonly startEmailChange: StartEmailChangeCommand,
    private readonly verifyEmailChange: VerifyEmailChangeCommand,
    private readonly cancelEmailChange: CancelEmailChangeCommand,
  ) {}

  @Get()
  async page(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const customer = await this.customers.get(customerIdOf(req));
    const pending = await this.identities.pendingEmailChange(sessionOf(req).identityId);
    const phone = customer.contactMedia.find((m) => m.mediumType === 'phone') ?? null;
    const address = customer.contactMedia.find((m) => m.mediumType === 'postal' && m.isPrimary) ?? customer.contactMedia.find((m) => m.mediumType === 'postal') ?? null;
    return this.ui.page(req, reply, 'selfcare/profile', { title: 'Profile', customer, pending, phone, address });
  }

  @Post('name/update')
  @StepUp('name_update')
  @PortalAction('name_update')
  async name(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    await this.updateIndividual.execute({ customerId: customerIdOf(req), givenName: form.given_name, familyName: form.family_name });
    return this.ui.redirect(req, reply, '/profile/contact?flash=name_updated');
  }

  @Post('phone/update')
  @StepUp('phone_update')
  @PortalAction('phone_update')
  async phone(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    const customer = await this.customers.get(customerIdOf(req));
    const medium = customer.contactMedia.find((m) => m.id === form.cm_id && m.mediumType === 'phone');
    if (!medium) throw notOwned(req, 'contact_medium', String(form.cm_id ?? ''));
    await this.updateMedium.execute({ customerId: customer.id, contactMediumId: medium.id, value: (form.value ?? '').replace(/[\s-]/g, '') });
    return this.ui.redirect(req, reply, '/profile/contact?flash=phone_updated');
  }

  /**
   * Only the customer's own live postal medium (any other id — unknown, foreign, a phone or an
   * email — is 404). A customer with no address yet posts no `cm_id` and gets one added.
   */
  @Post('address/update')
  @StepUp('address_update')
  @PortalAction('address_update')
  async address(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const form = formOf(req);
    try {
      await this.setPostalAddress.execute({ customerId: customerIdOf(req), contactMediumId: form.cm_id, value: form.value ?? '' });
    } catch (error) {
      if (error instanceof NotFound) throw notOwned(req, 'contact_medium', String(form.cm_id ?? ''));
      throw error;
    }
    return this.ui.redirect(req, reply, '/profile/contact?flash=address_updated');
  }

  @Post('email/change')
  @StepUp('email_change')
  @PortalAction('email_change')
  async emailChange(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.startEmailChange.execute({ identityId: sessionOf(req).identityId, newEmail: formOf(req).new_email ?? '' });
    return this.ui.redirect(req, reply, '/profile/contact/email/verify?flash=email_change_sent');
  }

  @Get('email/verify')
  async emailVerifyPage(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const pending = await this.identities.pendingEmailChange(sessionOf(req).identityId);
    if (!pending) return this.ui.redirect(req, reply, '/profile/contact');
    return this.ui.page(req, reply, 'selfcare/email-verify', { title: 'Confirm your new email', pending });
  }

  @Post('email/verify')
  @PortalAction('email_change_verify')
  async emailVerify(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const identityId = sessionOf(req).identityId;
    const again = async (error: string, status: number) => {
      req.portal.actionError = 'email_change.verify.failed';
      const pending = await this.identities.pendingEmailChange(identityId);
      if (!pending) return this.ui.redirect(req, reply, '/profile/contact?err=email_change.verify.failed');
      return this.ui.page(req, reply, 'selfcare/email-verify', { title: 'Confirm your new email', pending, error }, status);
    };
    let result;
    try {
      result = await this.verifyEmailChange.execute({ identityId, code: formOf(req).code ?? '' });
    } catch (error) {
      if (error instanceof InvalidInput) return again(CODE_ERROR, 400);
      throw error;
    }
    if (result.status === 'rate_limited') return again('Too many attempts. Please wait a few minutes.', 429);
    if (result.status === 'failed') return again(CODE_ERROR, 400);
    return this.ui.redirect(req, reply, '/profile/contact?flash=email_changed');
  }

  @Post('email/cancel')
  @PortalAction('email_change_cancel')
  async emailCancel(@Req() req: PortalRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    await this.cancelEmailChange.execute({ identityId: sessionOf(req).identityId });
    return this.ui.redirect(req, reply, '/profile/contact?flash=email_change_cancelled');
  }
}
