/** What every owners' card shares: the colours of good and bad news, the command chips. */
import type { T } from '../../i18n.ts';
import { messageChip, type QuickChip } from '../../line/messages/text.ts';

export const WARN = '#F08A00';
export const DANGER = '#D93025';
/** LINE allows 12 bubbles in a carousel; fewer keeps it readable. */
export const MAX_CARDS_IN_CAROUSEL = 10;

/** Quick replies under every owner answer: the commands, one tap away. */
export function ownerChips(t: T): QuickChip[] {
  return (['balance', 'network', 'summary', 'pending', 'help'] as const).map((c) => messageChip(t(`owner.chip.${c}`)));
}
