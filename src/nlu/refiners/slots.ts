import type { Network } from '../../networks.ts';
import type { Match } from '../types.ts';
import type { RefineState } from './state.ts';

/**
 * From matches to slot values. One distinct value → the slot; several → null, flagged
 * ambiguous, with the candidates listed. Negated values are reported apart and never chosen.
 *
 * Amounts: a clear amount wins over a colloquial one only when it is one of its readings
 * ("ร้อยห้า 150 บาท" → 150); a colloquial amount alone stays null with its two readings. Numbers
 * outside a money frame (refiners/amount-frame.ts) are not amounts at all.
 */
export function resolveSlots(state: RefineState): void {
  const { ctx, negated, notMoney, result } = state;
  // Fill the result's own (empty) arrays rather than allocating new ones.
  const numbers = result.candidates.numbers;
  const invalid = result.candidates.invalidNumbers;
  let numberSource: Match | undefined;
  const clearAmounts: number[] = [];
  const colloquialSets: (readonly number[])[] = [];
  let amountSource: Match | undefined;
  let clearSource: Match | undefined;

  for (const m of ctx.matches) {
    if (m.kind === 'amount' && notMoney.includes(m)) continue;
    if (negated.includes(m)) {
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
      else if (m.values[0] !== undefined && pushNew(clearAmounts, m.values[0])) clearSource ??= m;
      amountSource ??= m;
    } else if (m.kind === 'ignored' && m.note === 'trueMoney') {
      result.flags.trueMoney = true;
    }
  }

  // Number.
  result.flags.invalidNumber = invalid.length > 0;
  if (numbers.length === 1) {
    result.number = numbers[0] as string;
    result.sources.number = numberSource?.extractor;
  } else if (numbers.length > 1) {
    result.flags.ambiguousNumber = true;
  }

  // Network.
  const networks = result.candidates.networks;
  let networkSource: Match | undefined;
  for (const m of state.networkMatches) {
    if (m.kind === 'network' && pushNew(networks, m.value)) networkSource ??= m;
  }
  if (networks.length === 1) {
    result.network = networks[0] as Network;
    result.sources.network = networkSource?.extractor;
  } else if (networks.length > 1) {
    result.flags.ambiguousNetwork = true;
  }

  // Amount.
  const only = clearAmounts[0];
  if (clearAmounts.length === 1 && only !== undefined && colloquialSets.every((s) => s.includes(only))) {
    result.amount = only;
    result.amountCandidates.push(only);
    result.sources.amount = clearSource?.extractor;
  } else if (clearAmounts.length > 0 || colloquialSets.length > 0) {
    const all = result.amountCandidates;
    for (const v of clearAmounts) all.push(v);
    for (const set of colloquialSets) for (const v of set) pushNew(all, v);
    all.sort((a, b) => a - b);
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
