/** One pill per tool call, in the customer's words (never a tool name). */
const LABELS: Readonly<Record<string, string>> = {
  'catalog.list_active_offerings': 'Looked up our plans',
  'catalog.get_offering': 'Looked up a plan',
  'catalog.list_vas': 'Looked up the top-ups',
  'subscription.list_mine': 'Looked up your lines',
  'subscription.get_mine': 'Looked up your line',
  'subscription.get_balance_mine': 'Checked your balance',
  'subscription.get_lpa_mine': 'Fetched your eSIM code',
  'usage.history_mine': 'Checked your usage',
  'customer.get_mine': 'Looked up your profile',
  'payment.method_list_mine': 'Checked your cards',
  'payment.charge_history_mine': 'Checked your charges',
  'vas.purchase_for_me': 'Bought a top-up',
  'subscription.schedule_plan_change_mine': 'Scheduled a plan change',
  'subscription.cancel_pending_plan_change_mine': 'Cancelled the plan change',
  'subscription.terminate_mine': 'Cancelled your line',
  'case.open_for_me': 'Opened a case for our team',
  'case.list_for_me': 'Checked your cases',
};

export function toolLabel(tool: string): string {
  return LABELS[tool] ?? 'Looked something up';
}

/** Calls that move money or end a service: the model may only propose them; the customer confirms. */
export const NEEDS_CONFIRMATION: readonly string[] = ['vas.purchase_for_me', 'subscription.schedule_plan_change_mine', 'subscription.terminate_mine'];

/** The catalog reads a visitor without a line may use (browse mode). */
export const BROWSE_TOOLS: readonly string[] = ['catalog.list_active_offerings', 'catalog.get_offering', 'catalog.list_vas'];
