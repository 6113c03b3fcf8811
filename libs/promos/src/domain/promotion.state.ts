import type { TransitionTable } from '@bss/policies';
import type { PromotionState } from './promotion.types';

export const PROMOTION_TRIGGERS = ['link', 'exhaust', 'retire'] as const;
export type PromotionTrigger = (typeof PROMOTION_TRIGGERS)[number];

/**
 * pending_link → active once the loyalty engine holds its OD and code (create saga step 2);
 * exhausted stops new uses; retired ends it for good.
 */
export const PROMOTION_TRANSITIONS: TransitionTable<PromotionState, PromotionTrigger> = {
  link: { from: ['pending_link'], to: 'active' },
  exhaust: { from: ['active'], to: 'exhausted' },
  retire: { from: ['active', 'exhausted'], to: 'retired' },
};
