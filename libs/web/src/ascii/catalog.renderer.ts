// Catalog views: side-by-side plan comparison, a single-plan card and the VAS table.

import { box } from './box.renderer';
import { formatAllowance, formatMoney, formatNumber } from './format.util';
import { centerText, fitText, padTextEnd, repeatChar, textWidth } from './text.util';

export interface OfferingPriceInput {
  price: {
    taxIncludedAmount: {
      /** Decimal string such as "25.00"; numbers are tolerated. */
      value: string | number | null;
      unit?: string | null;
    };
  };
}

export interface BundleAllowanceInput {
  allowanceType: string;
  /** −1 means unlimited. */
  quantity: number | string | null;
  unit: string;
}

export interface CatalogOfferingInput {
  id: string;
  name: string;
  isSellable?: boolean | null;
  isBundle?: boolean | null;
  lifecycleStatus?: string | null;
  productOfferingPrice?: readonly OfferingPriceInput[];
  bundleAllowance?: readonly BundleAllowanceInput[];
}

export interface VasOfferingInput {
  id: string;
  name: string;
  priceAmount: string;
  currency: string;
  allowanceType: string;
  /** −1 means unlimited. */
  allowanceQuantity: number | null;
  allowanceUnit: string;
  expiryHours?: number | null;
}

// The plan marketing wants customers to land on; falls back to the middle
// column when a runtime catalog has no PLAN_M.
const POPULAR_PLAN_ID = 'PLAN_M';
const COLUMN_WIDTH = 22;
const COLUMN_GAP = '  ';
const DEFAULT_CURRENCY = 'SGD';

function firstPrice(offering: CatalogOfferingInput): OfferingPriceInput['price']['taxIncludedAmount'] | null {
  return offering.productOfferingPrice?.[0]?.price.taxIncludedAmount ?? null;
}

function priceSortKey(offering: CatalogOfferingInput): number {
  const value = firstPrice(offering)?.value;
  const numeric = typeof value === 'number' ? value : Number.parseFloat(value ?? '');
  return Number.isFinite(numeric) ? numeric : Number.POSITIVE_INFINITY;
}

function priceText(offering: CatalogOfferingInput): string {
  const price = firstPrice(offering);
  if (price?.value == null || price.value === '') return 'no price';
  return `${price.unit || DEFAULT_CURRENCY} ${formatMoney(price.value)}`;
}

function allowanceText(offering: CatalogOfferingInput, ...types: readonly string[]): string {
  for (const type of types) {
    const allowance = offering.bundleAllowance?.find((entry) => entry.allowanceType === type);
    if (allowance) return formatAllowance(allowance.quantity, allowance.unit);
  }
  return '—';
}

function isComparable(offering: CatalogOfferingInput): boolean {
  // A missing lifecycleStatus is treated as active: older payloads omit it.
  const lifecycle = (offering.lifecycleStatus ?? 'active').toLowerCase();
  return offering.isSellable !== false && offering.isBundle !== false && lifecycle === 'active';
}

/** Sellable active bundles, cheapest first; unpriced offerings sink to the end. */
export function sortOfferingsForComparison(offerings: readonly CatalogOfferingInput[]): CatalogOfferingInput[] {
  return offerings.filter(isComparable).sort((a, b) => priceSortKey(a) - priceSortKey(b) || 0);
}

function planColumn(offering: CatalogOfferingInput, starred: boolean): string[] {
  return [
    `${offering.id}${starred ? ' ★' : ''}  ${offering.name}`,
    `${priceText(offering)} /mo`,
    '',
    `Data    ${allowanceText(offering, 'data')}`,
    `Voice   ${allowanceText(offering, 'voice', 'voice_minutes')}`,
    `SMS     ${allowanceText(offering, 'sms')}`,
    `Roaming ${allowanceText(offering, 'data_roaming')}`,
  ];
}

export function renderCatalogComparison(offerings: readonly CatalogOfferingInput[]): string {
  const plans = sortOfferingsForComparison(offerings);
  if (plans.length === 0) return '(no plans in catalog)';
  const popularIndex = plans.some((plan) => plan.id === POPULAR_PLAN_ID)
    ? plans.findIndex((plan) => plan.id === POPULAR_PLAN_ID)
    : Math.floor(plans.length / 2);
  const columns = plans.map((plan, index) => planColumn(plan, index === popularIndex));

  const count = plans.length;
  const inner = COLUMN_WIDTH * count + COLUMN_GAP.length * (count - 1) + 4;
  const title = 'Product Offerings';
  // Deliberate fix of a reference quirk: its dash run was `inner − len − 4`,
  // so the top border came out one column shorter than the rows and the
  // bottom. Here the top is `inner + 2` wide like every other line, so the
  // right edge of the frame lines up (snapshot parity with the reference is
  // given up on purpose).
  const top = `┌─ ${title} ${repeatChar('─', Math.max(2, inner - textWidth(title) - 3))}┐`;
  const frameRow = (text: string): string => `│  ${fitText(text, inner - 4)}  │`;

  const height = Math.max(...columns.map((column) => column.length));
  const rows: string[] = [];
  for (let line = 0; line < height; line += 1) {
    // Cells are cut to the column so a long plan name cannot shove its neighbours sideways.
    rows.push(frameRow(columns.map((column) => fitText(column[line] ?? '', COLUMN_WIDTH)).join(COLUMN_GAP)));
  }
  const currencies = [...new Set(plans.map((plan) => firstPrice(plan)?.unit || DEFAULT_CURRENCY))];
  rows.push(frameRow(`Prices in ${currencies.join('/')}, GST inclusive.`));
  return [top, ...rows, `└${repeatChar('─', inner)}┘`].join('\n');
}

export const SINGLE_PLAN_WIDTH = 60;

/**
 * One plan in detail. The reference drew its top and bottom borders one column
 * wider than the rows; this card uses {@link box}, so all lines are 60 wide.
 */
export function renderSinglePlan(offering: CatalogOfferingInput): string {
  const title = `${offering.id}  ${offering.name}${offering.id === POPULAR_PLAN_ID ? '  ★ MOST POPULAR' : ''}`;
  const roaming = allowanceText(offering, 'data_roaming');
  const lines = [
    `Price       ${priceText(offering)} / month  (GST inclusive)`,
    '',
    'Bundle (every 30 days):',
    `  Data        ${allowanceText(offering, 'data')}`,
    `  Voice       ${allowanceText(offering, 'voice', 'voice_minutes')}`,
    `  SMS         ${allowanceText(offering, 'sms')}`,
    ...(roaming === '—' ? [] : [`  Roaming     ${roaming}`]),
    '',
    // Prepaid lines block when data runs out; saying so here pre-empts the
    // most common "why did my data stop" case.
    'Block-on-exhaust. Top up via VAS or wait for renewal.',
  ];
  return box(lines, title, SINGLE_PLAN_WIDTH);
}

export function renderVasTable(vas: readonly VasOfferingInput[]): string {
  const header = ['ID', 'Name', 'Price', 'Allowance', 'Expiry'] as const;
  const body = vas.map((offering) => [
    offering.id,
    offering.name,
    `${offering.currency} ${formatMoney(offering.priceAmount)}`,
    `${offering.allowanceType} ${formatAllowance(offering.allowanceQuantity, offering.allowanceUnit)}`,
    offering.expiryHours == null ? '—' : `${formatNumber(offering.expiryHours)}h`,
  ]);
  const widths = header.map((label, col) => Math.max(textWidth(label), ...body.map((cells) => textWidth(cells[col] ?? ''))));
  const tableWidth = widths.reduce((sum, width) => sum + width, 0) + COLUMN_GAP.length * (widths.length - 1);
  const formatRow = (cells: readonly string[]): string =>
    cells.map((cell, col) => padTextEnd(cell, widths[col] ?? 0)).join(COLUMN_GAP).trimEnd();
  const lines = [
    centerText(' VAS Offerings ', tableWidth, '─'),
    formatRow(header),
    repeatChar('─', tableWidth),
    ...(body.length > 0 ? body.map(formatRow) : ['(no VAS offerings)']),
  ];
  return lines.join('\n');
}
