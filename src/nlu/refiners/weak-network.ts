import { isLatin } from '../chars.ts';
import type { Match } from '../types.ts';
import { WEAK_VETO_AFTER, WEAK_VETO_BEFORE } from '../vocabulary/networks.ts';
import { isKeywordIn, keywordSet, type RefineState } from './state.ts';

const ORDER_WORDS = keywordSet('topup', 'deposit', 'negatedVerb');

/**
 * Brand words with another everyday sense (มาย a nickname, ฟีล "feel", เอไอ "AI", happy, a real
 * penguin, English "true" and "my") name a network only when something makes them one:
 * - a top-up frame: a top-up word, a phone number, an amount, or the bot asking for the network;
 * - or the message is the word alone, give or take particles (a reply: "มายค่ะ", "happy");
 * and never when a name or an AI word is glued to them (น้องมาย, ถามเอไอ).
 * English "my" is also a possessive: before another English word ("top up my phone", "my
 * number is …") or with English words left over, it is not the network (flags.possessiveMy).
 * Any strong alias wins over a weak one.
 */
export function resolveWeakNetwork(state: RefineState): void {
  const { ctx, negated, result, hint } = state;
  const strong: Match[] = [];
  const weak: Match[] = [];
  for (const m of ctx.matches) {
    if (m.kind !== 'network' || negated.includes(m)) continue;
    (m.weak ? weak : strong).push(m);
  }
  state.networkMatches = strong;
  if (weak.length === 0) return;
  const possessive = weak.filter((m) => isEnglishMy(ctx.text, m) && (beforeLatinWord(ctx.text, m.end) || ctx.hasLeftoverWords(true)));
  if (possessive.length > 0) result.flags.possessiveMy = true;
  if (strong.length > 0) return;

  const framed = hint.expecting === 'network' || ctx.matches.some((m) => framesNetwork(state, m));
  const alone = !ctx.hasLeftoverWords();
  if (!framed && !alone) return;
  state.networkMatches = weak.filter((m) => !possessive.includes(m) && !vetoed(ctx.text, m));
}

function framesNetwork(state: RefineState, m: Match): boolean {
  if (m.kind === 'number' || m.kind === 'invalidNumber') return true;
  if (m.kind === 'amount') return !state.notMoney.includes(m) && !state.negated.includes(m);
  return isKeywordIn(m, ORDER_WORDS);
}

function isEnglishMy(text: string, m: Match): boolean {
  return m.end - m.start === 2 && text.startsWith('my', m.start);
}

function beforeLatinWord(text: string, end: number): boolean {
  const p = text.charCodeAt(end) === 0x20 ? end + 1 : end;
  return isLatin(text.charCodeAt(p));
}

function vetoed(text: string, m: Match): boolean {
  if (WEAK_VETO_BEFORE.some((w) => m.start >= w.length && text.startsWith(w, m.start - w.length))) return true;
  const after = text.charCodeAt(m.end) === 0x20 ? m.end + 1 : m.end;
  return WEAK_VETO_AFTER.some((w) => text.startsWith(w, after));
}
