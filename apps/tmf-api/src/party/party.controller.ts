import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ChangeCustomerStatusCommand, UpdateIndividualCommand } from '@bss/crm';
import { CreatePartnerCustomerCommand } from '@bss/tmf';
import { PartnerScope } from '#tmf-api/tmf/partner-scope';
import { created, objectBody, selectFields, tmfList, type TmfQuery } from '#tmf-api/tmf/tmf-list';
import { TmfOperation } from '#tmf-api/tmf/tmf-operation.decorator';
import { TMF_BASE } from '#tmf-api/tmf/tmf-paths';
import { toCreateCustomerInput, toIndividual, toUpdateIndividualInput } from './individual.mapper';

/** TMF632 Party Management: the individual behind a customer; a partner sees the ones it created (PartnerScope). */
@Controller(TMF_BASE.party)
export class PartyController {
  constructor(
    private readonly scope: PartnerScope,
    private readonly createCustomer: CreatePartnerCustomerCommand,
    private readonly updateIndividual: UpdateIndividualCommand,
    private readonly changeStatus: ChangeCustomerStatusCommand,
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
}
