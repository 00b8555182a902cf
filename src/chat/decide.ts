/**
 * The conversation as one pure function: `(state, input, context) → decision`.
 *
 * Slot filling asks for one thing at a time, network → number → amount: the network first
 * because it decides which amounts to offer. Anything the customer volunteers, in any
 * order and at any time, is taken; a new value replaces the old one.
 */
import { NETWORKS } from '../networks.ts';
import { offeredAmounts, settleAmount } from './amounts.ts';
import type { ChatContext, ChatInput, ChatState, Decision, Next, Note, Slot, Slots, Understanding } from './types.ts';
import { understand } from './understand.ts';

export function decide(state: ChatState | undefined, input: ChatInput, context: ChatContext): Decision {
  switch (input.kind) {
    case 'cancel':
      return { state: undefined, notes: [{ kind: 'cancelled' }], dropDraft: true };
    case 'edit': {
      const slots = input.slots ?? state?.slots;
      if (!isComplete(slots)) return askNext({ slots: slots ?? {} }, [], context);
      return { state: { slots }, notes: [], next: { kind: 'askWhatToChange', slots }, dropDraft: true };
    }
    case 'change': {
      const slots = { ...state?.slots };
      delete slots[input.slot];
      return { ...ask({ slots }, input.slot, [], context), dropDraft: true };
    }
    case 'message':
      return onText(state, understand(input.text, state), context);
    case 'text':
      return onText(state, input.understanding, context);
  }
}

function onText(state: ChatState | undefined, u: Understanding, context: ChatContext): Decision {
  const inProgress = state !== undefined && Object.keys(state.slots).length + (state.asking ? 1 : 0) > 0;
  switch (u.intent) {
    case 'cancel':
      if (inProgress) return { state: undefined, notes: [{ kind: 'cancelled' }], dropDraft: true };
      return { state: undefined, notes: [], next: { kind: 'cancelLatestOrder' } };
    case 'status':
      return { state, notes: [], next: { kind: 'status' } };
    case 'balance':
      return { state, notes: [], next: { kind: 'balance' } };
    case 'help':
      return { state, notes: [], next: { kind: 'help', greeting: false } };
  }

  // "เติมเครดิต 500": credit at the shop, not a phone. The conversation in progress (and its
  // card) stays: the customer may deposit, then tap ยืนยัน.
  if (u.flags.deposit && context.deposits && u.number === null && u.network === null && !u.flags.invalidNumber && !u.flags.ambiguousNumber && !u.flags.ambiguousNetwork) {
    return { state, notes: [], next: { kind: 'deposit', amount: u.amount } };
  }

  // Not an order: the NLU read no top-up in it (chatter, thanks, a yes, another subject).
  if (u.intent === 'unknown') return onNotAnOrder(state, u, inProgress, context);

  const notes: Note[] = [];
  const next: ChatState = { slots: { ...state?.slots }, amountCandidates: state?.amountCandidates };

  if (u.number) next.slots.number = u.number;
  else if (u.flags.invalidNumber) notes.push({ kind: 'invalidNumber' });
  else if (u.flags.ambiguousNumber) notes.push({ kind: 'ambiguousNumber' });

  if (u.network) {
    if (context.isOpen(u.network)) next.slots.network = u.network;
    else {
      notes.push({ kind: 'networkClosed', network: u.network });
      delete next.slots.network;
    }
  } else if (u.flags.ambiguousNetwork) notes.push({ kind: 'ambiguousNetwork' });

  if (u.amount !== null) next.amountCandidates = [u.amount];
  else if (u.amountCandidates.length > 0) next.amountCandidates = [...u.amountCandidates];
  if (next.amountCandidates) delete next.slots.amount;

  // A network change may make the amount we had invalid: check it again.
  if (next.slots.amount !== undefined && next.slots.network && u.network) {
    next.amountCandidates = [next.slots.amount];
    delete next.slots.amount;
  }

  if (next.amountCandidates && next.slots.network) {
    const verdict = settleAmount(next.amountCandidates, next.slots.network, context);
    delete next.amountCandidates;
    if (verdict.kind === 'ok') next.slots.amount = verdict.amount;
    else if (verdict.kind === 'choose') {
      next.amountCandidates = verdict.candidates;
      return { state: { ...next, asking: 'amount' }, notes, next: { kind: 'chooseAmount', candidates: verdict.candidates }, dropDraft: true };
    } else notes.push({ kind: 'amountNotAllowed', amount: verdict.amount, network: next.slots.network, nearest: verdict.nearest });
  }

  return { ...askNext(next, notes, context), dropDraft: true };
}

/**
 * Thanks, yes, no and chatter. A typed yes under a live card confirms it, as its button would;
 * a typed no under it asks what to change, as แก้ไข would; thanks get thanks; anything else
 * repeats the question, or shows how to order.
 */
function onNotAnOrder(state: ChatState | undefined, u: Understanding, inProgress: boolean, context: ChatContext): Decision {
  const { affirm, deny, thanks } = u.flags;
  if (affirm && !deny && state?.draftId) return { state, notes: [], next: { kind: 'confirmDraft', draftId: state.draftId } };
  if (deny && !affirm && state?.draftId && isComplete(state.slots)) {
    return { state: { slots: state.slots }, notes: [], next: { kind: 'askWhatToChange', slots: state.slots }, dropDraft: true };
  }
  if (thanks) return { state, notes: [], next: { kind: 'thanks' } };
  if (affirm && !deny) {
    if (inProgress) return askNext(state!, [{ kind: 'nothingToConfirm' }], context);
    return { state, notes: [], next: { kind: 'nothingToConfirm' } };
  }
  // Mid-conversation, gently repeat the question; otherwise show how to order.
  if (inProgress) return askNext(state!, [{ kind: 'notUnderstood' }], context);
  return { state: undefined, notes: [], next: { kind: 'help', greeting: u.flags.greeting } };
}

/** Asks for the first missing slot, or moves to the confirm card when none is missing. */
function askNext(state: ChatState, notes: Note[], context: ChatContext): Decision {
  const { slots } = state;
  if (isComplete(slots)) return { state: { slots }, notes, next: { kind: 'confirm', slots } };
  const missing: Slot = !slots.network ? 'network' : !slots.number ? 'number' : 'amount';
  // Candidates waiting for the network are kept until it is known.
  return ask(state, missing, notes, context);
}

function ask(state: ChatState, slot: Slot, notes: Note[], context: ChatContext): Decision {
  const network = state.slots.network;
  const question: Next =
    slot === 'network'
      ? { kind: 'askNetwork', networks: NETWORKS.filter((n) => context.isOpen(n)) }
      : slot === 'number'
        ? { kind: 'askNumber', recent: context.recentNumbers.slice(0, 3) }
        : network
          ? { kind: 'askAmount', network, amounts: offeredAmounts(network, context, refusedAmount(notes)) }
          : { kind: 'askNetwork', networks: NETWORKS.filter((n) => context.isOpen(n)) };
  const asking: Slot = question.kind === 'askNetwork' ? 'network' : slot;
  return { state: { ...state, asking }, notes, next: question };
}

/** An amount the network does not sell, just refused: the next question offers what is near it. */
function refusedAmount(notes: Note[]): number | undefined {
  for (const note of notes) if (note.kind === 'amountNotAllowed') return note.amount;
  return undefined;
}

function isComplete(slots: Slots | undefined): slots is Required<Slots> {
  return slots?.number !== undefined && slots.network !== undefined && slots.amount !== undefined;
}
