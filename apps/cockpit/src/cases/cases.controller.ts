import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  AgentQueries,
  AssignTicketCommand,
  CancelTicketCommand,
  CASE_STATES,
  CASE_TRANSITION_TRIGGERS,
  CaseQueries,
  CloseCaseCommand,
  NoteCaseCommand,
  OpenTicketCommand,
  ResolveTicketCommand,
  TICKET_TYPES,
  TransitionCaseCommand,
  TransitionTicketCommand,
  UpdateCaseCommand,
  type CaseState,
  type CaseTransitionTrigger,
  type Priority,
  type TicketTrigger,
  type TicketType,
} from '@bss/crm';
import { formOf } from '@bss/web';
import type { CockpitRequest, FastifyReply } from '#cockpit/http/cockpit-request';
import { Back, CockpitController, CockpitRefusal, RequiresConfirm } from '#cockpit/http/cockpit-routes';
import { CockpitUi } from '#cockpit/http/cockpit-ui';
import { panels } from '#cockpit/http/panels';

const PAGE_SIZE = 25;
const casePage = (p: Record<string, string>) => `/case/${p.id}`;

/** Which triggers the workbench offers in each state (§4.2); the service's table stays authoritative. */
export const CASE_TRIGGERS_BY_STATE: Readonly<Record<string, readonly CaseTransitionTrigger[]>> = {
  open: ['take', 'resolve'],
  in_progress: ['await_customer', 'resolve'],
  pending_customer: ['resume'],
};

/**
 * Ticket moves the workbench offers as plain buttons. `resolve` has its own form (notes) and
 * `cancel` sits behind the confirm panel, so neither is accepted here.
 */
export const TICKET_WORKBENCH_TRIGGERS: readonly TicketTrigger[] = ['ack', 'start', 'wait', 'resume', 'close', 'reopen'];

/** The case queue and the case workbench: notes, tickets, transitions, close. */
@CockpitController()
export class CasesController {
  constructor(
    private readonly ui: CockpitUi,
    private readonly cases: CaseQueries,
    private readonly note: NoteCaseCommand,
    private readonly transition: TransitionCaseCommand,
    private readonly update: UpdateCaseCommand,
    private readonly openTicket: OpenTicketCommand,
    private readonly closeCase: CloseCaseCommand,
    private readonly cancelTicket: CancelTicketCommand,
    private readonly resolveTicket: ResolveTicketCommand,
    private readonly transitionTicket: TransitionTicketCommand,
    private readonly assignTicket: AssignTicketCommand,
    private readonly agents: AgentQueries,
  ) {}

  @Get('cases')
  async queue(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Query('state') state = '', @Query('customer') customer = '', @Query('page') page = '1'): Promise<FastifyReply> {
    const caseState = (CASE_STATES as readonly string[]).includes(state) ? (state as CaseState) : undefined;
    const customerId = /^CUST-[0-9a-f]{8}$/.test(customer) ? customer : undefined;
    const pageNo = Math.max(1, Math.min(1000, Number.parseInt(page, 10) || 1));
    const upTo = await this.cases.list({ state: caseState, customerId, limit: pageNo * PAGE_SIZE + 1 });
    const rows = upTo.slice((pageNo - 1) * PAGE_SIZE);
    return this.ui.page(req, reply, 'cases/queue', { title: 'Cases', rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE, page: pageNo, state: caseState ?? '', customer: customerId ?? '', states: CASE_STATES });
  }

  @Get('case/:id')
  async workbench(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const kase = await this.cases.getDetail(id);
    const [agents, transcript] = await panels([this.agents.list(), this.cases.transcriptFor(id)] as const);
    return this.ui.page(req, reply, 'cases/workbench', {
      title: kase.id,
      kase,
      triggers: CASE_TRIGGERS_BY_STATE[kase.state] ?? [],
      ticketTypes: TICKET_TYPES,
      ticketTriggers: TICKET_WORKBENCH_TRIGGERS,
      agents: agents.ok ? agents.value.filter((a) => a.status === 'active') : [],
      transcript,
    });
  }

  @Post('case/:id/note')
  @Back(casePage)
  async addNote(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    await this.note.execute({ caseId: id, body: formOf(req).body ?? '' });
    return this.ui.done(req, reply, `/case/${id}`, 'Note added');
  }

  /** An unknown trigger is refused here, before any call (behaviour 37). */
  @Post('case/:id/transition')
  @Back(casePage)
  async move(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const trigger = formOf(req).trigger ?? '';
    if (!(CASE_TRANSITION_TRIGGERS as readonly string[]).includes(trigger)) throw new CockpitRefusal(`/case/${id}`, `Unknown case trigger "${trigger.slice(0, 40)}"; nothing was changed.`);
    const kase = await this.transition.execute({ caseId: id, trigger: trigger as CaseTransitionTrigger });
    return this.ui.done(req, reply, `/case/${id}`, `Case ${trigger}: now ${kase.state}`);
  }

  @Post('case/:id/priority')
  @Back(casePage)
  async priority(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const kase = await this.update.execute({ caseId: id, priority: formOf(req).priority ?? '' });
    return this.ui.done(req, reply, `/case/${id}`, `Priority now ${kase.priority}`);
  }

  @Post('case/:id/ticket')
  @Back(casePage)
  async ticket(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const form = formOf(req);
    const ticket = await this.openTicket.execute({
      caseId: id,
      subject: form.subject ?? '',
      description: form.description || undefined,
      ticketType: (form.ticket_type || undefined) as TicketType | undefined,
      priority: (form.priority || undefined) as Priority | undefined,
    });
    return this.ui.done(req, reply, `/case/${id}`, `Ticket ${ticket.id} opened`);
  }

  @Post('case/:id/close')
  @RequiresConfirm(casePage)
  async close(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string): Promise<FastifyReply> {
    const kase = await this.closeCase.execute({ caseId: id, resolutionCode: formOf(req).resolution_code || undefined });
    return this.ui.done(req, reply, `/case/${id}`, `Case ${kase.id} closed`);
  }

  @Post('case/:id/ticket/:ticketId/resolve')
  @Back(casePage)
  async ticketResolve(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('ticketId') ticketId: string): Promise<FastifyReply> {
    await this.resolveTicket.execute({ ticketId, resolutionNotes: formOf(req).notes || undefined });
    return this.ui.done(req, reply, `/case/${id}`, `Ticket ${ticketId} resolved`);
  }

  /** An unknown ticket move is refused here, before any call (behaviour 37). */
  @Post('case/:id/ticket/:ticketId/transition')
  @Back(casePage)
  async ticketMove(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('ticketId') ticketId: string): Promise<FastifyReply> {
    const trigger = formOf(req).trigger ?? '';
    if (!(TICKET_WORKBENCH_TRIGGERS as readonly string[]).includes(trigger)) throw new CockpitRefusal(`/case/${id}`, `Unknown ticket move "${trigger.slice(0, 40)}"; nothing was changed.`);
    const ticket = await this.transitionTicket.execute({ ticketId, trigger: trigger as TicketTrigger });
    return this.ui.done(req, reply, `/case/${id}`, `Ticket ${ticketId} ${trigger}: now ${ticket.state}`);
  }

  @Post('case/:id/ticket/:ticketId/assign')
  @Back(casePage)
  async ticketAssign(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('ticketId') ticketId: string): Promise<FastifyReply> {
    const ticket = await this.assignTicket.execute({ ticketId, agentId: formOf(req).agent_id ?? '' });
    return this.ui.done(req, reply, `/case/${id}`, `Ticket ${ticketId} assigned to ${ticket.assignedToAgentId}`);
  }

  @Post('case/:id/ticket/:ticketId/cancel')
  @RequiresConfirm(casePage)
  async ticketCancel(@Req() req: CockpitRequest, @Res() reply: FastifyReply, @Param('id') id: string, @Param('ticketId') ticketId: string): Promise<FastifyReply> {
    await this.cancelTicket.execute({ ticketId, reason: formOf(req).reason || undefined });
    return this.ui.done(req, reply, `/case/${id}`, `Ticket ${ticketId} cancelled`);
  }
}
