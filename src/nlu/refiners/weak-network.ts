import { isLatin } from '../chars.ts';
import type { Match } from '../types.ts';
import type { RefineState } from './state.ts';

/**
 * English "my" is the MY network only when nothing else makes sense of it: a lone "my", "my
 * ครับ", "เติม my 50". When the message has other English words left over ("top up my phone",
 * "my number is …") it is a possessive. Any strong network alias wins over a weak one.
 */
export function resolveWeakNetwork(state: RefineState): void {
  const { ctx, negated, result } = state;
  const strong: Match[] = [];
  let weak: Match[] | undefined;
  for (const m of ctx.matches) {
    if (m.kind !== 'network' || negated.includes(m)) continue;
    if (!m.weak) strong.push(m);
    else (weak ??= []).push(m);
  }
  state.networkMatches = strong;
  if (weak === undefined) return;
  if (strong.length > 0 || hasLeftoverLatin(ctx.text, ctx.taken)) {
    result.flags.possessiveMy = true;
    return;
  }
  state.networkMatches = weak;
}

function hasLeftoverLatin(text: string, taken: Uint8Array): boolean {
  for (let i = 0; i < text.length; i++) if (taken[i] === 0 && isLatin(text.charCodeAt(i))) return true;
  return false;
}
