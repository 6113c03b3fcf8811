import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ChangeCustomerStatusCommand, CloseOrganizationCommand, UpdateIndividualCommand, UpdateOrganizationCommand } from '@bss/crm';
import { CreatePartnerCustomerCommand, CreatePartnerOrganizationCommand } from '@bss/tmf';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { created, objectBody, selectFields, tmfList, type TmfQuery } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toCreateCustomerInput, toIndividual, toUpdateIndividualInput } from './individual.mapper';
import { membersOf, toCreateOrganizationInput, toOrganization, toUpdateOrganizationInput } from './organization.mapper';

/** TMF632 Party Management: the individual behind a customer and business customers (organizations); a partner sees the ones it created (PartnerScope). */
@Controller(TMF_BASE.party)
export class PartyController {
  constructor(
    private readonly scope: PartnerScope,
    private readonly createCustomer: CreatePartnerCustomerCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
    private readonly changeStatus: ChangeCustomerStatusCommand,
    private readonly createOrganization: CreatePartnerOrganizationCommand,
    private readonly updateOrganization: UpdateOrganizationCommand,
    private readonly closeOrganization: CloseOrganizationCommand,
  ) {}

  @Get('individual')
  @TmfOperation('listIndividual')
  async list(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, (await this.scope.listCustomers()).map(toIndividual), query);
  }

  @Get('individual/:id')
  @TmfOperation('retrieveIndividual')
  async get(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toIndividual(await this.scope.customer(id)), query);
  }

  @Post('individual')
  @TmfOperation('createIndividual')
  async create(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, toIndividual(await this.createCustomer.execute(toCreateCustomerInput(objectBody(body)))));
  }

  @Patch('individual/:id')
  @TmfOperation('patchIndividual')
  async patch(@Param('id') id: string, @Body() body: unknown) {
    await this.scope.assertCustomer(id);
    return toIndividual(await this.updateIndividual.execute(toUpdateIndividualInput(id, objectBody(body))));
  }

  /** DELETE = close the customer (customer.change_status): a party is never erased, and CRM refuses while a line is live. */
  @Delete('individual/:id')
  @TmfOperation('deleteIndividual')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.scope.assertCustomer(id);
    await this.changeStatus.execute({ customerId: id, status: 'closed', reason: 'closed by partner (TMF632 DELETE individual)' });
  }

  @Get('organization')
  @TmfOperation('listOrganization')
  async listOrganizations(@Query() query: TmfQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    return tmfList(reply, (await this.scope.listOrganizations()).map(toOrganization), query);
  }

  @Get('organization/:id')
  @TmfOperation('retrieveOrganization')
  async getOrganization(@Param('id') id: string, @Query() query: TmfQuery) {
    return selectFields(toOrganization(await this.scope.organization(id)), query);
  }

  /** partner_organization.create; the individuals in `relatedParty` must be the partner's own (else the 404 an unknown id gets). */
  @Post('organization')
  @TmfOperation('createOrganization')
  async createOrg(@Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const input = objectBody(body);
    await this.assertOwnIndividuals(input);
    return created(reply, toOrganization(await this.createOrganization.execute(toCreateOrganizationInput(input))));
  }

  @Patch('organization/:id')
  @TmfOperation('patchOrganization')
  async patchOrg(@Param('id') id: string, @Body() body: unknown) {
    await this.scope.organization(id);
    const patch = objectBody(body);
    await this.assertOwnIndividuals(patch);
    return toOrganization(await this.updateOrganization.execute(toUpdateOrganizationInput(id, patch)));
  }

  /** DELETE = close the organization (customer.close_organization): a party is never erased; its individuals stay customers. */
  @Delete('organization/:id')
  @TmfOperation('deleteOrganization')
  @HttpCode(204)
  async removeOrg(@Param('id') id: string): Promise<void> {
    await this.scope.organization(id);
    await this.closeOrganization.execute({ organizationId: id, reason: 'closed by partner (TMF632 DELETE organization)' });
  }

  private async assertOwnIndividuals(body: Record<string, unknown>): Promise<void> {
    for (const member of membersOf(body) ?? []) if (typeof member.customerId === 'string') await this.scope.assertCustomer(member.customerId);
  }
}
