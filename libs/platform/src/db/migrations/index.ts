import { CreatePlatform1764100000000 } from './1764100000000-create-platform';
import { CreateAudit1764100001000 } from './1764100001000-create-audit';
import { CreateCatalog1764200000000 } from './1764200000000-create-catalog';
import { CreateInventory1764400000000 } from './1764400000000-create-inventory';
import { CreatePayment1764500000000 } from './1764500000000-create-payment';
import { CreateCrm1764300000000 } from './1764300000000-create-crm';
import { CreateSubscription1764700000000 } from './1764700000000-create-subscription';
import { CreateOrders1764600000000 } from './1764600000000-create-orders';
import { CreatePromos1764900000000 } from './1764900000000-create-promos';
import { CreatePortalAuth1764800000000 } from './1764800000000-create-portal-auth';
import { AddCrmInsertionOrder1764300001000 } from './1764300001000-add-crm-insertion-order';
import { CreatePortOutQueue1764300002000 } from './1764300002000-create-port-out-queue';
import { AddDiditKycHandoff1764800001000 } from './1764800001000-add-didit-kyc-handoff';
import { AddSignupExistingCustomer1764800007000 } from './1764800007000-add-signup-existing-customer';
import { AddSessionCsrfSecret1764800050000 } from './1764800050000-add-session-csrf-secret';
import { CreateJobClaim1764100007000 } from './1764100007000-create-job-claim';
import { CreateTmfHub1765000000000 } from './1765000000000-create-tmf-hub';
import { CreateTmfPartnerCustomer1765000001000 } from './1765000001000-create-tmf-partner-customer';
import { AddTmfCatalogNotify1765000002000 } from './1765000002000-add-tmf-catalog-notify';
import { AddDomainEventTxId1765000003000 } from './1765000003000-add-domain-event-tx-id';
import { CreateBalanceOperations1764700010000 } from './1764700010000-create-balance-operations';
import { CreateTmfListenerInbox1765000004000 } from './1765000004000-create-tmf-listener-inbox';
import { CreateBalanceReservation1764700011000 } from './1764700011000-create-balance-reservation';
import { CreateCockpitConversations1765200000000 } from './1765200000000-create-cockpit-conversations';
import { CreateChat1765300000000 } from './1765300000000-create-chat';
import { CreateChatTranscript1765300001000 } from './1765300001000-create-chat-transcript';
import { AddTraceColumns1764100018000 } from './1764100018000-add-trace-columns';
import { CreateKnowledgeIndex1765200001000 } from './1765200001000-create-knowledge-index';
import { CreateOperator1765400000000 } from './1765400000000-create-operator';
import { AddChatTurnLease1765300002000 } from './1765300002000-add-chat-turn-lease';
import { AddCorrelationId1764100019000 } from './1764100019000-add-correlation-id';
import { AddCatalogCategories1764200001000 } from './1764200001000-add-catalog-categories';
import { AddTmfCategoryNotify1765000010000 } from './1765000010000-add-tmf-category-notify';
import { CreateCrmOrganization1764300003000 } from './1764300003000-create-crm-organization';
import { CreateTmfUsageReport1765000012000 } from './1765000012000-create-tmf-usage-report';
import { CreateCatalogJob1764200002000 } from './1764200002000-create-catalog-job';
import { AddReservationExpiry1764700012000 } from './1764700012000-add-reservation-expiry';

/**
 * The one ordered migration history. Append new migrations at the end; a merged migration is
 * never edited. Timestamps per context: platform/audit 17641…, catalog 17642…, crm 17643…,
 * inventory 17644…, payment 17645…, orders 17646…, subscription 17647…, portal 17648…,
 * promos 17649….
 */
export const MIGRATIONS = [
  CreatePlatform1764100000000,
  CreateAudit1764100001000,
  CreateCatalog1764200000000,
  CreateInventory1764400000000,
  CreatePayment1764500000000,
  CreateCrm1764300000000,
  CreateSubscription1764700000000,
  CreateOrders1764600000000,
  CreatePortalAuth1764800000000,
  CreatePromos1764900000000,
  AddCrmInsertionOrder1764300001000,
  CreatePortOutQueue1764300002000,
  AddDiditKycHandoff1764800001000,
  AddSignupExistingCustomer1764800007000,
  AddSessionCsrfSecret1764800050000,
  CreateJobClaim1764100007000,
  CreateTmfHub1765000000000,
  CreateCockpitConversations1765200000000,
  CreateChat1765300000000,
  CreateChatTranscript1765300001000,
  AddTraceColumns1764100018000,
  CreateKnowledgeIndex1765200001000,
  CreateOperator1765400000000,
  AddChatTurnLease1765300002000,
  CreateTmfPartnerCustomer1765000001000,
  AddTmfCatalogNotify1765000002000,
  AddDomainEventTxId1765000003000,
  CreateBalanceOperations1764700010000,
  CreateTmfListenerInbox1765000004000,
  CreateBalanceReservation1764700011000,
  AddCorrelationId1764100019000,
  AddCatalogCategories1764200001000,
  AddTmfCategoryNotify1765000010000,
  CreateCrmOrganization1764300003000,
  CreateTmfUsageReport1765000012000,
  CreateCatalogJob1764200002000,
  AddReservationExpiry1764700012000,
];
