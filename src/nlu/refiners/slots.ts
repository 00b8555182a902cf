import type { Network } from '../../networks.ts';
import type { Match } from '../types.ts';
import type { RefineState } from './state.ts';

/**
 * From matches to slot values. One distinct value → the slot; several → null, flagged
 * ambiguous, with the candidates listed. Negated values are reported apart and never chosen.
 *
 * Amounts: a clear amount wins over a colloquial one only when it is one of its readings
 * ("ร้อยห้า 150 บาท" → 150); a colloquial amount alone stays null with its two readings.
 */
export function resolveSlots(state: RefineState): void {
  const { ctx, negated, result } = state;
  const numbers: string[] = [];
  const invalid: string[] = [];
  let numberSource: Match | undefined;
  const clearAmounts: number[] = [];
  const colloquialSets: (readonly number[])[] = [];
  let amountSource: Match | undefined;

  for (const m of ctx.matches) {
    if (negated.has(m)) {
      if (m.kind === 'number') pushNew(result.negation.numbers, m.value);
      else if (m.kind === 'network') pushNew(result.negation.networks, m.value);
      else if (m.kind === 'amount') for (const v of m.values) pushNew(result.negation.amounts, v);
      continue;
    }
    if (m.kind === 'number') {
      if (pushNew(numbers, m.value) && numberSource === undefined) numberSource = m;
    } else if (m.kind === 'invalidNumber') {
      pushNew(invalid, m.value);
    } else if (m.kind === 'amount') {
      if (m.fractional) result.flags.fractionalAmount = true;
      else if (m.colloquial) colloquialSets.push(m.values);
      else if (m.values[0] !== undefined) pushNew(clearAmounts, m.values[0]);
      amountSource ??= m;
    } else if (m.kind === 'ignored' && m.note === 'trueMoney') {
      result.flags.trueMoney = true;
    } else if (m.kind === 'ignored' && m.note === 'possessiveMy') {
      result.flags.possessiveMy = true;
    }
  }

  // Number.
  result.candidates.numbers = numbers;
  result.candidates.invalidNumbers = invalid;
  result.flags.invalidNumber = invalid.length > 0;
  if (numbers.length === 1) {
    result.number = numbers[0] as string;
    result.sources.number = numberSource?.extractor;
  } else if (numbers.length > 1) {
    result.flags.ambiguousNumber = true;
  }

  // Network.
  const networks: Network[] = [];
  let networkSource: Match | undefined;
  for (const m of state.networkMatches) {
    if (m.kind === 'network' && pushNew(networks, m.value)) networkSource ??= m;
  }
  result.candidates.networks = networks;
  if (networks.length === 1) {
    result.network = networks[0] as Network;
    result.sources.network = networkSource?.extractor;
  } else if (networks.length > 1) {
    result.flags.ambiguousNetwork = true;
  }

  // Amount.
  const all = new Set<number>(clearAmounts);
  for (const set of colloquialSets) for (const v of set) all.add(v);
  result.amountCandidates = [...all].sort((a, b) => a - b);
  const only = clearAmounts[0];
  if (clearAmounts.length === 1 && only !== undefined && colloquialSets.every((s) => s.includes(only))) {
    result.amount = only;
    result.amountCandidates = [only];
    result.sources.amount = ctx.matches.find(
      (m) => m.kind === 'amount' && !m.colloquial && m.values[0] === only && !negated.has(m),
    )?.extractor;
  } else if (all.size > 0) {
    result.flags.ambiguousAmount = true;
    result.flags.colloquialAmount = colloquialSets.length > 0;
    result.sources.amount = amountSource?.extractor;
  }
}

function pushNew<T>(list: T[], value: T): boolean {
  if (list.includes(value)) return false;
  list.push(value);
  return true;
}
