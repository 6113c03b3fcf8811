import { Module, type OnModuleInit } from '@nestjs/common';
import { defineContext, JobQueue, type Tx } from '@bss/platform';
import { currentAuth, runAsWorker, runWithAuth } from '@bss/policies';
import { CrmModule } from '@bss/crm';
import { OrdersModule } from '@bss/orders';
import { SubscriptionModule } from '@bss/subscription';
import { DeliverHubEvent } from './commands/deliver-hub-event';
import { RegisterHubListenerCommand } from './commands/register-hub-listener.command';
import { RelayHubEvents, type HubDeliveryJob } from './commands/relay-hub-events';
import { UnregisterHubListenerCommand } from './commands/unregister-hub-listener.command';
import { UpdateHubListenerCommand } from './commands/update-hub-listener.command';
import { HubCursorEntity, HubListenerEntity } from './domain/hub-listener.entity';
import { HubQueries } from './queries/hub.queries';
import { PartnerEntitlements } from './queries/partner-entitlements';
import { CreatePartnerCustomerCommand } from './commands/create-partner-customer.command';
import { PartnerCustomerEntity } from './domain/partner-customer.entity';
import { CreatePartnerOrganizationCommand } from './commands/create-partner-organization.command';
import { ListenerInboxEntity } from './domain/listener-inbox.entity';
import { ReceivePartnerEventCommand } from './commands/receive-partner-event.command';
import { RequestUsageReportCommand, type UsageReportJob } from './commands/request-usage-report.command';
import { DeleteUsageReportCommand } from './commands/delete-usage-report.command';
import { DeleteUsageReportRequestCommand } from './commands/delete-usage-report-request.command';
import { UsageReportWorker } from './commands/usage-report.worker';
import { UsageReportEntity, UsageReportRequestEntity } from './domain/usage-report.entity';
import { UsageReportQueries } from './queries/usage-report.queries';
import { TMF_QUEUES } from './tmf.errors';

/** Partner registrations survive a reset like operator data; the cursor restarts with the events, the inbox goes with them, and the customers (and their partner links) go. */
async function resetTmf(tx: Tx): Promise<void> {
  await tx.query(`delete from tmf.hub_cursor`);
  await tx.query(`delete from tmf.listener_inbox`);
  await tx.query(`delete from tmf.partner_customer`);
  await tx.query(`delete from tmf.usage_report_request`);
  await tx.query(`delete from tmf.usage_report`);
}

export const TMF_CONTEXT = defineContext({
  name: 'tmf',
  entities: [HubListenerEntity, HubCursorEntity, PartnerCustomerEntity, ListenerInboxEntity, UsageReportRequestEntity, UsageReportEntity],
  reset: resetTmf,
  resetOrder: 70,
  // A forgotten customer is no partner's any more.
  forgetCustomers: async (tx, { customerIds }) => {
    const [{ partnerLinks }] = (await tx.query(
      `with gone as (delete from tmf.partner_customer where customer_id = any($1) returning 1) select count(*)::int as "partnerLinks" from gone`,
      [customerIds],
    )) as { partnerLinks: number }[];
    await tx.query(`delete from tmf.usage_report_request where customer_id = any($1)`, [customerIds]);
    await tx.query(`delete from tmf.usage_report where customer_id = any($1)`, [customerIds]);
    return { partnerLinks };
  },
});

const PROVIDERS = [
  RegisterHubListenerCommand,
  UpdateHubListenerCommand,
  UnregisterHubListenerCommand,
  RelayHubEvents,
  DeliverHubEvent,
  HubQueries,
  PartnerEntitlements,
  CreatePartnerCustomerCommand,
  ReceivePartnerEventCommand,
  CreatePartnerOrganizationCommand,
  RequestUsageReportCommand,
  DeleteUsageReportCommand,
  DeleteUsageReportRequestCommand,
  UsageReportWorker,
  UsageReportQueries,
];

/** TMF688 hub: partner listeners and the durable, signed delivery of domain events to them. */
@Module({ imports: [CrmModule, OrdersModule, SubscriptionModule], providers: PROVIDERS, exports: PROVIDERS })
export class TmfModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobQueue,
    private readonly relay: RelayHubEvents,
    private readonly deliver: DeliverHubEvent,
    private readonly usageReports: UsageReportWorker,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({
      queue: TMF_QUEUES.relay,
      retryLimit: 0,
      concurrency: 1,
      handler: async () => {
        await runAsWorker('tmf_hub_relay', () => this.relay.run());
      },
    });
    this.jobs.define<HubDeliveryJob>({
      queue: TMF_QUEUES.deliver,
      // 2 s doubling: eight tries span about eight minutes of a listener being down.
      retryLimit: 8,
      retryDelaySeconds: 2,
      retryBackoff: true,
      concurrency: 4,
      handler: async (data) => {
        await runAsWorker('tmf_hub_delivery', () => this.deliver.run(data));
      },
    });
    this.jobs.define<UsageReportJob>({
      queue: TMF_QUEUES.usageReport,
      retryLimit: 3,
      retryDelaySeconds: 5,
      handler: async (data) => {
        await runAsWorker('tmf_usage_report', () => runWithAuth({ ...currentAuth(), tenant: data.tenant }, () => this.usageReports.run(data.requestId)));
      },
    });
    this.jobs.schedule({ queue: TMF_QUEUES.relay, cron: '* * * * *' });
  }
}
