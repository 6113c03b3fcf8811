// The one way to show a line (MSISDN, allowances, renewal countdown, customer words) for the
// portal views, the ASCII cards and the emails. The functions live in @bss/platform so the contexts
// that write emails may use them too (type:context cannot import type:web); this is web's door to them.
export {
  allowanceLabel,
  chargePurposeLabel,
  chargeStatusLabel,
  daysUntil,
  formatData,
  formatPrice,
  formatQuantity,
  isUnlimited,
  renewalCountdown,
  topUpLabel,
  UNLIMITED_QUANTITY,
} from '@bss/platform';
