/**
 * The conversation's vocabulary: what we remember between messages, what comes in, and
 * what the decision asks the I/O edge to say or do.
 */
import type { Network } from '../networks.ts';

export type Slot = 'number' | 'network' | 'amount';

export interface Slots {
  number?: string;
  network?: Network;
  /** Whole baht. */
  amount?: number;
}

/** Stored per chat (conversations.state); plain JSON. */
export interface ChatState {
  slots: Slots;
  /** What we asked last, so a bare reply ("100", "ทรู") is read as the answer. */
  asking?: Slot;
  /** A colloquial amount (ร้อยห้า → 105 or 150) waiting for the network or the customer. */
  amountCandidates?: number[];
  /** The draft order whose confirm card is on screen. */
  draftId?: string;
  /**
   * The details of the last card this conversation showed (or of the order being edited), so
   * a corrected card can mark what changed. Kept by the bot, not by `decide`.
   */
  shown?: Required<Slots>;
}

/** The part of the NLU's parse that the conversation uses. */
export interface Understanding {
  intent: 'topup' | 'cancel' | 'status' | 'balance' | 'help' | 'unknown';
  number: string | null;
  network: Network | null;
  amount: number | null;
  amountCandidates: number[];
  flags: {
    invalidNumber: boolean;
    ambiguousNumber: boolean;
    ambiguousNetwork: boolean;
    greeting: boolean;
    /** เติมเครดิต: the shop's prepaid credit, not a phone (NLU `flags.deposit`). */
    deposit?: boolean;
    /** ขอบคุณ, thx … */
    thanks?: boolean;
    /** ยืนยัน, ok, ได้เลย … */
    affirm?: boolean;
    /** ไม่ใช่, no … */
    deny?: boolean;
  };
}

export type ChatInput =
  /** A typed message: understood here, with what we asked last as the NLU's hint. */
  | { kind: 'message'; text: string }
  /** A typed message already understood (parsed by the caller). */
  | { kind: 'text'; understanding: Understanding }
  /** The แก้ไข button on a confirm card: with that card's order details when it can be found. */
  | { kind: 'edit'; slots?: Required<Slots> }
  /** A "change this" button after แก้ไข. */
  | { kind: 'change'; slot: Slot }
  /** The ยกเลิก button on the confirm card. */
  | { kind: 'cancel' };

export interface ChatContext {
  /** Whole baht the network accepts, ascending. */
  allowedAmounts(network: Network): number[];
  /** Whole baht to offer as quick replies (filtered by the network's allowed amounts). */
  commonAmounts: number[];
  /** From the latest network-status snapshot; unknown counts as open. */
  isOpen(network: Network): boolean;
  /** The customer's recently topped-up numbers, newest first. */
  recentNumbers: string[];
  /** Wallet mode: "เติมเครดิต 500" is a deposit of credit, not a phone top-up. */
  deposits?: boolean;
}

/** Something to explain before the next question. */
export type Note =
  | { kind: 'invalidNumber' }
  | { kind: 'ambiguousNumber' }
  | { kind: 'ambiguousNetwork' }
  | { kind: 'networkClosed'; network: Network }
  /** `nearest`: the allowed amounts just below and above it (one at either end of the range). */
  | { kind: 'amountNotAllowed'; amount: number; network: Network; nearest: number[] }
  | { kind: 'notUnderstood' }
  | { kind: 'cancelled' }
  /** A typed yes, with no card on screen to confirm yet. */
  | { kind: 'nothingToConfirm' };

/** What to say or do next; at most one per message. */
export type Next =
  | { kind: 'askNetwork'; networks: Network[] }
  | { kind: 'askNumber'; recent: string[] }
  | { kind: 'askAmount'; network: Network; amounts: number[] }
  | { kind: 'chooseAmount'; candidates: number[] }
  | { kind: 'askWhatToChange'; slots: Required<Slots> }
  /** Slots complete: create the chat's draft and show the confirm card. */
  | { kind: 'confirm'; slots: Required<Slots> }
  | { kind: 'help'; greeting: boolean }
  | { kind: 'status' }
  | { kind: 'balance' }
  /** Wallet mode: deposit credit (`amount` whole baht, null when not said clearly). */
  | { kind: 'deposit'; amount: number | null }
  /** Cancel with nothing in progress here: the customer may mean their latest order. */
  | { kind: 'cancelLatestOrder' }
  /**
   * A typed yes (ยืนยัน, ok, ได้เลย) while the confirm card for `draftId` is on screen: confirm
   * that draft exactly as its confirm button would (same checks, same answer).
   */
  | { kind: 'confirmDraft'; draftId: string }
  /** A typed yes with no card and no order in progress: say what a yes would need. */
  | { kind: 'nothingToConfirm' }
  /** A thank-you: one polite line back, the conversation kept as it is. */
  | { kind: 'thanks' };

export interface Decision {
  /** Undefined: forget the conversation. */
  state: ChatState | undefined;
  notes: Note[];
  next?: Next;
  /** The draft on screen is no longer valid (edit, cancel, or a new one replaces it). */
  dropDraft?: boolean;
}
