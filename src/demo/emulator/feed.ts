/**
 * The page's event stream: every delivered reply/push, loading animation, the user's own
 * messages and notices, kept (the last HISTORY_LIMIT) so a page that (re)connects sees the
 * chat so far, and served as Server-Sent Events. After the history, a `replayed` event carries
 * the newest `seq` the server has: the page counts what comes after it as new (unread badges),
 * and a `seq` lower than what the page has seen tells it the server started afresh.
 */
import type { IncomingMessage } from 'node:http';
import type { Server } from 'node:net';
import type { Request, Response } from 'express';
import type { JsonFile } from '../persisted.ts';

/** How many events the page gets replayed when it (re)connects. */
const HISTORY_LIMIT = 500;

/** One entry of the page's event stream. */
export type DevEvent = { seq: number; at: number } & (
  | { kind: 'bot'; chatId: string; via: 'reply' | 'push'; messages: unknown[] }
  | { kind: 'user'; chatId: string; userId: string; text: string; sticker?: { packageId: string; stickerId: string } }
  | { kind: 'system'; chatId: string; text: string; level?: 'info' | 'error' }
  | { kind: 'loading'; chatId: string; seconds: number }
);

export type NewDevEvent = DevEvent extends infer E ? (E extends DevEvent ? Omit<E, 'seq' | 'at'> : never) : never;

export interface Feed {
  publish(event: NewDevEvent): DevEvent;
  /** GET /dev/events: history after Last-Event-ID (or `?since=`), then live events. */
  stream(req: Request, res: Response): void;
}

/** `store`: where the history is kept across restarts (demo mode: DATA_DIR); none in tests. */
export function createFeed(store?: JsonFile<DevEvent[]>): Feed {
  const history: DevEvent[] = store?.read() ?? [];
  const listeners = new Set<(event: DevEvent) => void>();
  // Numbering carries on after a restart, so a page reconnecting with its Last-Event-ID gets
  // only what is new.
  let seq = history.at(-1)?.seq ?? 0;

  return {
    publish(event) {
      const full = { ...event, seq: ++seq, at: Date.now() } as DevEvent;
      history.push(full);
      if (history.length > HISTORY_LIMIT) history.splice(0, history.length - HISTORY_LIMIT);
      store?.write(history);
      for (const listener of listeners) listener(full);
      return full;
    },

    stream(req, res) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const write = (event: DevEvent) => res.write(`id: ${event.seq}\ndata: ${JSON.stringify(event)}\n\n`);
      const lastId = Number(req.get('last-event-id') ?? req.query['since'] ?? 0) || 0;
      res.write('retry: 1000\n\n');
      for (const event of history) if (event.seq > lastId) write(event);
      res.write(`event: replayed\ndata: ${JSON.stringify({ seq })}\n\n`);
      listeners.add(write);

      // The bot's close() waits for open connections; an event stream never goes idle on its
      // own, so end it as soon as the server stops listening (and keep proxies awake meanwhile).
      const server = (req.socket as IncomingMessage['socket'] & { server?: Server }).server;
      let ticks = 0;
      const timer = setInterval(() => {
        // End and drop the socket: an ended keep-alive connection would still hold close() for
        // the keep-alive timeout.
        if (server && !server.listening) return res.end(() => req.socket.destroy());
        if (++ticks % 30 === 0) res.write(': keep-alive\n\n');
      }, 500);
      const stop = () => {
        clearInterval(timer);
        listeners.delete(write);
      };
      res.on('close', stop);
      res.on('finish', stop);
    },
  };
}
