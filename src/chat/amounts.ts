/**
 * Settling amounts against what a network accepts. Pure.
 */
import type { Network } from '../networks.ts';
import type { ChatContext } from './types.ts';

export type AmountVerdict =
  | { kind: 'ok'; amount: number }
  | { kind: 'choose'; candidates: number[] }
  | { kind: 'notAllowed'; amount: number; min: number; max: number };

/**
 * One amount, or the colloquial candidates of one (ร้อยห้า → [105, 150]), checked against
 * the network: the single allowed candidate wins; several allowed → the customer chooses.
 */
export function settleAmount(candidates: number[], network: Network, context: ChatContext): AmountVerdict {
  const allowed = context.allowedAmounts(network);
  const fitting = candidates.filter((c) => allowed.includes(c));
  if (fitting.length === 1) return { kind: 'ok', amount: fitting[0]! };
  if (fitting.length > 1) return { kind: 'choose', candidates: fitting };
  return {
    kind: 'notAllowed',
    // Speak about the amount the customer most likely meant: the spoken reading comes last.
    amount: candidates[candidates.length - 1]!,
    min: allowed[0] ?? 0,
    max: allowed[allowed.length - 1] ?? 0,
  };
}

/** Quick-reply amounts for a network: the common ones it accepts, else its first few. */
export function offeredAmounts(network: Network, context: ChatContext): number[] {
  const allowed = context.allowedAmounts(network);
  const common = context.commonAmounts.filter((a) => allowed.includes(a));
  return (common.length ? common : allowed).slice(0, 12);
}
