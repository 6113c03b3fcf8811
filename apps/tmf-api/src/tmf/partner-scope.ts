import { Injectable } from '@nestjs/common';
import { CustomerQueries, OrganizationQueries, type CustomerView, type OrganizationView } from '@bss/crm';
import { OrderQueries, type OrderDetailView, type OrderView, type ServiceOrderView } from '@bss/orders';
import { NotFound } from '@bss/platform';
import { SubscriptionQueries, type BalanceAdjustmentView, type BalanceReservationView, type BalanceTransferView, type SubscriptionView, type VasPurchaseView } from '@bss/subscription';
import { PartnerEntitlements } from '@bss/tmf';

/** Newest first, as before the separation; each list reads at most this many. */
const LIST_CAP = 1000;

/**
 * Every read of a customer's resource under /tmf-api goes through here: it answers a resource of a
 * customer the calling partner is not entitled to (see `PartnerEntitlements`) with the very
 * NotFound an unknown id gets, so status, body and message reveal nothing.
 */
@Injectable()
export class PartnerScope {
  constructor(
    private readonly entitlements: PartnerEntitlements,
    private readonly customers: CustomerQueries,
    private readonly orders: OrderQueries,
    private readonly lines: SubscriptionQueries,
    private readonly organizations: OrganizationQueries,
  ) {}

  async assertCustomer(customerId: string): Promise<void> {
    await this.entitlements.assertCustomer(customerId, () => new NotFound('customer', customerId));
  }

  async customer(id: string): Promise<CustomerView> {
    await this.assertCustomer(id);
    return this.customers.get(id);
  }

  async listCustomers(): Promise<CustomerView[]> {
    const ids = await this.entitlements.customerIds();
    if (ids !== 'all' && ids.length === 0) return [];
    return this.customers.list({ limit: LIST_CAP, ...(ids === 'all' ? {} : { ids }) });
  }

  /** An organization is a business customer: the partner that created it is entitled to it like to its individuals. */
  async organization(id: string): Promise<OrganizationView> {
    await this.entitlements.assertCustomer(id, () => new NotFound('organization', id));
    return this.organizations.get(id);
  }

  async listOrganizations(): Promise<OrganizationView[]> {
    const ids = await this.entitlements.customerIds();
    if (ids !== 'all' && ids.length === 0) return [];
    return this.organizations.list({ limit: LIST_CAP, ...(ids === 'all' ? {} : { ids }) });
  }

  async order(id: string): Promise<OrderDetailView> {
    const order = await this.orders.get(id);
    await this.entitlements.assertCustomer(order.customerId, () => new NotFound('order', id));
    return order;
  }

  async listOrders(limit = LIST_CAP): Promise<OrderView[]> {
    const ids = await this.entitlements.customerIds();
    if (ids !== 'all' && ids.length === 0) return [];
    return this.orders.list({ limit, ...(ids === 'all' ? {} : { customerIds: ids }) });
  }

  async serviceOrder(id: string): Promise<ServiceOrderView & { customerId: string }> {
    const serviceOrder = await this.orders.getServiceOrder(id);
    await this.entitlements.assertCustomer(serviceOrder.customerId, () => new NotFound('service_order', id));
    return serviceOrder;
  }

  async line(id: string): Promise<SubscriptionView> {
    const line = await this.lines.get(id);
    await this.entitlements.assertCustomer(line.customerId, () => new NotFound('subscription', id));
    return line;
  }

  /** A top-up with its line. */
  async topUp(id: string): Promise<{ purchase: VasPurchaseView; line: SubscriptionView }> {
    const purchase = await this.lines.getVasPurchase(id);
    const line = await this.lines.get(purchase.subscriptionId);
    await this.entitlements.assertCustomer(line.customerId, () => new NotFound('vas_purchase', id));
    return { purchase, line };
  }

  /** A balance adjustment with its line. */
  async adjustment(id: string): Promise<{ adjustment: BalanceAdjustmentView; line: SubscriptionView }> {
    const adjustment = await this.lines.getAdjustment(id);
    const line = await this.lines.get(adjustment.subscriptionId);
    await this.entitlements.assertCustomer(line.customerId, () => new NotFound('balance_adjustment', id));
    return { adjustment, line };
  }

  /** A balance transfer with its giving line (both lines belong to one customer). */
  async transfer(id: string): Promise<{ transfer: BalanceTransferView; line: SubscriptionView }> {
    const transfer = await this.lines.getTransfer(id);
    const line = await this.lines.get(transfer.fromSubscriptionId);
    await this.entitlements.assertCustomer(line.customerId, () => new NotFound('balance_transfer', id));
    return { transfer, line };
  }

  /** A balance reservation with its line. */
  async reservation(id: string): Promise<{ reservation: BalanceReservationView; line: SubscriptionView }> {
    const reservation = await this.lines.getReservation(id);
    const line = await this.lines.get(reservation.subscriptionId);
    await this.entitlements.assertCustomer(line.customerId, () => new NotFound('balance_reservation', id));
    return { reservation, line };
  }
}
