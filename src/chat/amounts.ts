/**
 * Settling amounts against what a network accepts. Pure.
 */
import type { Network } from '../networks.ts';
import type { ChatContext } from './types.ts';

export type AmountVerdict =
  | { kind: 'ok'; amount: number }
  | { kind: 'choose'; candidates: number[] }
  | { kind: 'notAllowed'; amount: number; nearest: number[] };

/**
 * One amount, or the colloquial candidates of one (ร้อยห้า → [105, 150]), checked against
 * the network: the single allowed candidate wins; several allowed → the customer chooses.
 */
export function settleAmount(candidates: number[], network: Network, context: ChatContext): AmountVerdict {
  const allowed = context.allowedAmounts(network);
  const fitting = candidates.filter((c) => allowed.includes(c));
  if (fitting.length === 1) return { kind: 'ok', amount: fitting[0]! };
  if (fitting.length > 1) return { kind: 'choose', candidates: fitting };
  // Speak about the amount the customer most likely meant: the spoken reading comes last.
  const amount = candidates[candidates.length - 1]!;
  const below = allowed.filter((a) => a < amount).at(-1);
  const above = allowed.find((a) => a > amount);
  return { kind: 'notAllowed', amount, nearest: [below, above].filter((a) => a !== undefined) };
}

/** Quick replies offer at most this many amounts (LINE allows 13 items). */
const OFFERED_MAX = 12;

/**
 * Quick-reply amounts for a network: the common ones it accepts, else its first few. After an
 * amount it does not sell (`near`), the amounts it does sell closest to that one, ascending.
 */
export function offeredAmounts(network: Network, context: ChatContext, near?: number): number[] {
  const allowed = context.allowedAmounts(network);
  if (near !== undefined) {
    const closest = [...allowed].sort((a, b) => Math.abs(a - near) - Math.abs(b - near) || a - b);
    return closest.slice(0, OFFERED_MAX).sort((a, b) => a - b);
  }
  const common = context.commonAmounts.filter((a) => allowed.includes(a));
  return (common.length ? common : allowed).slice(0, OFFERED_MAX);
}
