import type { BalanceView } from '@bss/subscription';
import { allowanceLabel, formatQuantity } from '@bss/web';

export interface UsedBar {
  label: string;
  text: string;
  pctUsed: number;
  /** Rounded to the stylesheet's 5 % width classes (no inline styles under the CSP). */
  widthClass: number;
  tone: 'ok' | 'warn' | 'err';
}

/** Balance bars as an operator reads them: how much of each allowance is USED. */
export function usedBars(balances: readonly BalanceView[]): UsedBar[] {
  return balances.map((b) => {
    const label = allowanceLabel(b.allowanceType);
    if (b.total < 0) return { label, text: `${formatQuantity(b.consumed, b.unit)} used of unlimited`, pctUsed: 0, widthClass: 0, tone: 'ok' };
    const pct = b.total === 0 ? 100 : Math.min(100, Math.round((b.consumed / b.total) * 100));
    return {
      label,
      text: `${formatQuantity(b.consumed, b.unit)} of ${formatQuantity(b.total, b.unit)} used (${pct}%)`,
      pctUsed: pct,
      widthClass: Math.min(100, Math.round(pct / 5) * 5),
      tone: pct >= 100 ? 'err' : pct >= 80 ? 'warn' : 'ok',
    };
  });
}
