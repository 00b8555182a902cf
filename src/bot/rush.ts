/**
 * When answers may start (intake.ts). Acknowledging comes first: in a rush the answers wait (held
 * in memory, or in the inbox) until it is over. A webhook LINE waits on holds up LINE's delivery,
 * and one not acknowledged in time may be lost; an answer a few seconds late is only late.
 * Answering the backlog afterwards, many at a time, also costs less per event than answering a
 * few at a time between the webhooks.
 */

/**
 * A rush: this many webhooks being stored at once, so they queue for the inbox. A steady stream
 * the bot keeps up with (each webhook stored before the next arrives) is no rush, and neither is
 * a database slow for a moment (at 300 webhooks/s, 4 at once was seen after a long drain).
 */
const RUSH_AT = 8;
/**
 * A rush lasts until this long has passed without such a crowd. Between its waves hardly anything
 * is being stored for a moment (the 200s have gone out, the next webhooks are on their way):
 * without this, every wave would let a crowd of events in.
 */
const RUSH_QUIET_MS = 20;
/**
 * In a rush no answer starts, but not for longer than this: once the event that started last was
 * sent longer ago, events start again at full speed whatever arrives. Events start in arrival
 * order, so none waits unseen for longer, and the backlog a long rush leaves is still answered by
 * reply (respond.ts pushes after 50 s, which costs the shop its message quota).
 */
const FULL_SPEED_AFTER_MS = 5_000;

export interface Rush {
  /** A webhook begins to be stored. */
  storeBegins(): void;
  /** ...and is stored (or failed). */
  storeEnds(): void;
  /** An event sent at `sentAt` (ms) starts. */
  started(sentAt: number): void;
  /** True while no answer should start. */
  holdingBack(): boolean;
}

export function createRush(options: {
  /** Answers may start now that did not before: look again (the rush ended, or ran too long). */
  lookAgain: () => void;
  /** How long a rush outlasts its last crowd (default RUSH_QUIET_MS; tests use long ones). */
  quietMs?: number;
}): Rush {
  /** Webhooks being stored now; whether this is a rush; when the event started last was sent. */
  let storing = 0;
  let rush = false;
  let lastStartedSentAt = Date.now();
  /** Set off by each webhook of a rush: ends it once the crowd has gone for `quietMs`. */
  let quiet: NodeJS.Timeout | undefined;
  const end = () => {
    if (storing >= RUSH_AT) return void quiet?.refresh();
    rush = false;
    options.lookAgain();
  };

  return {
    storeBegins() {
      if (++storing < RUSH_AT) return;
      rush = true;
      quiet = quiet ? quiet.refresh() : setTimeout(end, options.quietMs ?? RUSH_QUIET_MS);
      // A rush can outlast FULL_SPEED_AFTER_MS with nothing in progress to look again: look here.
      options.lookAgain();
    },
    storeEnds() {
      storing--;
    },
    started(sentAt) {
      lastStartedSentAt = sentAt;
    },
    holdingBack: () => rush && Date.now() - lastStartedSentAt < FULL_SPEED_AFTER_MS,
  };
}
