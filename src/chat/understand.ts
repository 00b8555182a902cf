/**
 * From a typed message to what the conversation uses, reading it in the light of the question
 * we asked last: after "how much?", a bare "37" is 37 baht; after "which network?", "เอไอ" is AIS.
 */
import { parse, type ParseHint } from '../nlu/index.ts';
import type { ChatState, Understanding } from './types.ts';

export function understand(text: string, state: ChatState | undefined): Understanding {
  return parse(text, hintFor(state));
}

/** What the bot asked last, as the NLU's hint (empty when it asked nothing). */
export function hintFor(state: ChatState | undefined): ParseHint {
  return state?.asking ? { expecting: state.asking } : {};
}
