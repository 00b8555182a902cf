/** When the service looks at an order again (DESIGN §4–5). */

/** Results appear 10 s after a refill at the earliest. */
export const FIRST_CHECK_MS = 10_000;
/** A cancel takes at least a minute to show in `update`. */
export const CANCEL_FIRST_CHECK_MS = 60_000;
/** An `unknown` order with an ORDERID: ask the provider again now and then. */
export const UNKNOWN_RECHECK_MS = 60 * 60_000;
/** After this long without a result, a person has to look. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
/** A submit's outcome goes to the customer by reply; its push is held this long as a fallback. */
export const REPLY_WINDOW_MS = 60_000;
/**
 * A `submitting` order older than the provider timeout plus this margin has no live sender:
 * the instance that sent it died mid-call.
 */
export const SUBMIT_MARGIN_MS = 5_000;
/** A confirmed order younger than this is still being submitted by the confirm handler. */
export const CONFIRMED_GRACE_MS = 15_000;

/** Next poll of a pending order: 10 s, then doubling, at most every 10 minutes. */
export function nextCheckDelayMs(attempts: number): number {
  return Math.min(FIRST_CHECK_MS * 2 ** attempts, 10 * 60_000);
}
