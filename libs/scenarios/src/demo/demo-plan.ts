/**
 * The demo operator, as data: who the customers are, which plan each buys, how much each line
 * has used, which lines get topped up or run dry, who has a case. Pure and deterministic from
 * the seed — the same seed gives the same plan on every machine.
 */

/** Every demo customer's email ends with this: the marker `demo reset` deletes by (spec: `*.demo@bss-cli.local`). */
export const DEMO_EMAIL_SUFFIX = '.demo@bss-cli.local';
/** The demo's pending port request comes from this carrier (port requests carry no customer). */
export const DEMO_PORT_CARRIER = 'StarHub (demo)';
export const DEMO_PORT_MSISDN = '88990001';
export const DEMO_WELCOME = { promotionId: 'PROMO_DEMO_WELCOME', code: 'DEMO_WELCOME10' } as const;
export const DEMO_VIP = { promotionId: 'PROMO_DEMO_VIP' } as const;
export const DEFAULT_DEMO_SEED = 18;
export const DEMO_CUSTOMER_COUNT = 50;
/** The approving test card of the mock gateway. */
export const DEMO_CARD = '4242424242424242';

const GIVEN = ['Alice', 'Bob', 'Carol', 'Dev', 'Esther', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jun', 'Kavya', 'Liam', 'Mei', 'Nadia', 'Omar', 'Priya', 'Quan', 'Rosa', 'Sam', 'Tara', 'Uma', 'Victor', 'Wen', 'Xavier', 'Yuki', 'Zara'];
const FAMILY = ['Tan', 'Lim', 'Ng', 'Wong', 'Lee', 'Kumar', 'Rahman', 'Chua', 'Goh', 'Teo', 'Ong', 'Koh', 'Pillai', 'Santos', 'Ito', 'Park', 'Nair', 'Yeo', 'Chan', 'Low'];
const PLANS = ['PLAN_S', 'PLAN_M', 'PLAN_L'] as const;
const DATA_MB: Record<(typeof PLANS)[number], number> = { PLAN_S: 5120, PLAN_M: 30720, PLAN_L: 153600 };
const CASE_SUBJECTS = [
  { subject: 'eSIM QR code will not scan', category: 'technical', ticketType: 'configuration' },
  { subject: 'Charged twice for a top-up', category: 'billing', ticketType: 'billing_dispute' },
  { subject: 'No data while roaming in Malaysia', category: 'technical', ticketType: 'service_outage' },
  { subject: 'How do I move my number to a new phone', category: 'general', ticketType: 'information_request' },
] as const;

export interface DemoCustomerPlan {
  index: number;
  givenName: string;
  familyName: string;
  email: string;
  offeringId: (typeof PLANS)[number];
  /** Types DEMO_WELCOME10 at checkout. */
  promoCode?: string;
  /** Data used this period, in mb (staggered); `exhaust` uses the whole bundle and the line blocks. */
  dataUsedMb: number;
  exhaust: boolean;
  vas?: 'VAS_DATA_1GB' | 'VAS_ROAMING_1GB';
  case?: (typeof CASE_SUBJECTS)[number];
  vip: boolean;
}

export interface DemoPlan {
  seed: number;
  customers: DemoCustomerPlan[];
}

/** mulberry32: small, seeded, the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoPlan(seed = DEFAULT_DEMO_SEED, count = DEMO_CUSTOMER_COUNT): DemoPlan {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const customers = Array.from({ length: count }, (_, index): DemoCustomerPlan => {
    const givenName = pick(GIVEN);
    const familyName = pick(FAMILY);
    // 40 % small, 40 % medium, 20 % large.
    const roll = random();
    const offeringId = roll < 0.4 ? 'PLAN_S' : roll < 0.8 ? 'PLAN_M' : 'PLAN_L';
    const exhaust = index % 12 === 5;
    return {
      index,
      givenName,
      familyName,
      email: `${givenName}.${familyName}.${String(index + 1).padStart(2, '0')}${DEMO_EMAIL_SUFFIX}`.toLowerCase(),
      offeringId,
      ...(index % 5 === 0 ? { promoCode: DEMO_WELCOME.code } : {}),
      dataUsedMb: exhaust ? DATA_MB[offeringId] : Math.floor(random() * 0.85 * DATA_MB[offeringId]),
      exhaust,
      ...(index % 9 === 3 ? { vas: 'VAS_DATA_1GB' as const } : index % 17 === 8 ? { vas: 'VAS_ROAMING_1GB' as const } : {}),
      ...(index % 7 === 4 ? { case: pick(CASE_SUBJECTS) } : {}),
      vip: index === 1 || index === 2,
    };
  });
  return { seed, customers };
}
