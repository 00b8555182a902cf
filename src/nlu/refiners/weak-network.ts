import { isLatin } from '../chars.ts';
import type { Match } from '../types.ts';
import { WEAK_FRAME_BEFORE, WEAK_VETO_AFTER, WEAK_VETO_BEFORE } from '../vocabulary/networks.ts';
import { isKeyword, isKeywordIn, keywordSet, type RefineState } from './state.ts';

const ORDER_WORDS = keywordSet('topup', 'ranOut', 'deposit', 'negatedVerb');

/**
 * Brand words with another everyday sense (มาย a nickname, ฟีล "feel", เอไอ "AI", happy, a real
 * penguin, English "true" and "my") name a network only when something makes them one:
 * - a top-up frame: a top-up word, a phone number, an amount, or the bot asking for the network;
 * - a slot noun right before it (ค่ายมาย, ซิมเพนกวิน);
 * - or the message is the word alone, give or take particles (a reply: "มายค่ะ", "happy");
 * and never when a name or an AI word is glued to them (น้องมาย, ถามเอไอ).
 * English "my" is also a possessive: before another English word ("top up my phone", "my
 * number is …") or with English words left over, it is not the network (flags.possessiveMy).
 * A strong alias wins over a weak one, unless the two are listed together ("ais กับ true").
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
  if (strong.length > 0) {
    const listed = weak.filter((m) => !possessive.includes(m) && !vetoed(ctx.text, m) && listedWithNetwork(state, m));
    if (listed.length > 0) state.networkMatches = ctx.matches.filter((m) => strong.includes(m) || listed.includes(m));
    return;
  }

  const framed = hint.expecting === 'network' || !ctx.hasLeftoverWords() || ctx.matches.some((m) => framesNetwork(state, m));
  state.networkMatches = weak.filter(
    (m) => !possessive.includes(m) && !vetoed(ctx.text, m) && (framed || endsWithAny(ctx.text, m.start, WEAK_FRAME_BEFORE)),
  );
}

/** Is the match next to another network with only a connector between ("ais หรือ true")? */
function listedWithNetwork(state: RefineState, m: Match): boolean {
  const list = state.ctx.matches;
  const i = list.indexOf(m);
  for (const step of [-1, 1]) {
    let j = i + step;
    while (isKeyword(list[j], 'particle')) j += step;
    const other = list[j];
    if (other?.kind !== 'network') continue;
    const [from, to] = step < 0 ? [other.end, m.start] : [m.end, other.start];
    if (to - from <= 6) return true;
  }
  return false;
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
  if (endsWithAny(text, m.start, WEAK_VETO_BEFORE, false)) return true;
  const after = text.charCodeAt(m.end) === 0x20 ? m.end + 1 : m.end;
  return WEAK_VETO_AFTER.some((w) => text.startsWith(w, after));
}

/** Does one of `words` end at `pos` (glued, or before one space when `spaced`)? */
function endsWithAny(text: string, pos: number, words: readonly string[], spaced = true): boolean {
  const p = spaced && text.charCodeAt(pos - 1) === 0x20 ? pos - 1 : pos;
  return words.some((w) => p >= w.length && text.startsWith(w, p - w.length));
}
