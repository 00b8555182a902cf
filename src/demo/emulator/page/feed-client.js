// The page's side of the emulator's event stream (GET /dev/events, feed.ts). On every
// (re)connect the server replays its history, then sends `replayed` with its newest seq, then
// live events. What comes before `replayed` is history: the page shows it but counts nothing as
// unread. A newest seq below the last one this page saw means the server started afresh (a
// restarted bot): the page starts its chats over from what the server now holds.

/** @typedef {{ seq: number, at: number, kind: string, chatId: string } & Record<string, unknown>} FeedEvent */

/**
 * @typedef {object} FeedHandlers
 * @property {string} url the event stream's URL
 * @property {(event: FeedEvent, live: boolean) => void} onEvent each event, once, in order
 * @property {() => void} onReset the server started afresh: forget the chats shown so far
 * @property {(connected: boolean) => void} onConnection the connection came up or went down
 */

/** A stream that failed for good (an error page while the bot restarts) is reopened after this. */
const REOPEN_MS = 1000;

/**
 * Follows the stream for as long as the page lives.
 * @param {FeedHandlers} handlers
 */
export function followFeed({ url, onEvent, onReset, onConnection }) {
  let live = false;
  let lastSeq = 0;
  /** @type {EventSource | undefined} */
  let source;

  function connect() {
    source?.close();
    live = false;
    // A new EventSource sends no Last-Event-ID: the server replays all it holds.
    const es = new EventSource(url);
    source = es;
    es.onopen = () => onConnection(true);
    es.onerror = () => {
      live = false;
      onConnection(false);
      // EventSource retries by itself after a dropped connection, but not after an error answer.
      if (es.readyState === EventSource.CLOSED) setTimeout(() => source === es && connect(), REOPEN_MS);
    };
    es.addEventListener('replayed', (msg) => {
      const { seq } = /** @type {{ seq: number }} */ (JSON.parse(msg.data));
      if (seq < lastSeq) {
        lastSeq = 0;
        onReset();
        connect();
        return;
      }
      live = true;
    });
    es.onmessage = (msg) => {
      const event = /** @type {FeedEvent} */ (JSON.parse(msg.data));
      // A reopened stream replays what the page already has.
      if (event.seq <= lastSeq) return;
      lastSeq = event.seq;
      onEvent(event, live);
    };
  }

  connect();
}
