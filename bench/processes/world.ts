/**
 * The outside world of the bot, in a process of its own: the LINE API stand-in and the TOPUP
 * provider simulator (settleAfterMs: Infinity, so orders wait for `settle`). It counts and times
 * what reaches "LINE":
 *
 * - replies: event → reply latency from the send time the bench encoded in the reply token;
 * - pushes: provider callback → push latency for orders settled by the callback phase;
 * - answers: every delivery (reply or push) that carries a confirm card, by the order it shows,
 *   so the bench can tell that every event was answered exactly once (each event's draft is its
 *   own order: `orders.draft_event_id`).
 *
 * The callback phase runs here too (it is not a load test): real confirms through the bot's
 * webhook, then `simulator.settle()`, whose callback POST goes to the bot's secret path.
 */
import { createLineStandin, type DeliveredEvent } from '../../src/demo/line-standin/index.ts';
import { createSimulator } from '../../src/demo/simulator/index.ts';
import { ACCESS_TOKEN, CALLBACK_SECRET, now, postbackEvent, sentAtOf, signedBody, textEvent } from '../support/events.ts';
import { serveParent } from '../support/child.ts';

const botUrl = process.env.BENCH_BOT_URL!;
const line = createLineStandin({ channelAccessToken: ACCESS_TOKEN });
const simulator = createSimulator({
  username: 'bench-shop',
  password: 'bench-password',
  settleAfterMs: Infinity,
  balanceSatang: 100_000_000_000,
  callbackUrl: `${botUrl}/topup/callback/${CALLBACK_SECRET}`,
});

let replies = 0;
let pushes = 0;
let answers = 0;
let replyLatencies: number[] = [];
/** Confirm cards delivered since the last `takeAnswers`, by order id. */
let answered = new Map<string, number>();
const replyWaiters = new Map<string, (messages: unknown[]) => void>();
const pushWaiters = new Map<string, (at: number) => void>();

/** The order a confirm card shows: its ยืนยัน button's postback data (`action=confirm&order=…`). */
function confirmOrderOf(message: unknown): string | undefined {
  const footer = (message as { contents?: { footer?: { contents?: { action?: { data?: string } }[] } } }).contents?.footer;
  const data = footer?.contents?.[0]?.action?.data;
  return data?.startsWith('action=confirm&') ? new URLSearchParams(data).get('order') ?? undefined : undefined;
}

line.on('message', (event: DeliveredEvent) => {
  const at = now();
  for (const message of event.messages as unknown[]) {
    const order = confirmOrderOf(message);
    if (order) {
      answers++;
      answered.set(order, (answered.get(order) ?? 0) + 1);
    }
  }
  if (event.kind === 'reply') {
    replies++;
    const sent = sentAtOf(event.replyToken);
    if (sent !== undefined) replyLatencies.push(at - sent);
    replyWaiters.get(event.replyToken)?.(event.messages);
    replyWaiters.delete(event.replyToken);
  } else {
    pushes++;
    pushWaiters.get(event.to)?.(at);
    pushWaiters.delete(event.to);
  }
});

// The stand-in remembers every call for tests; a benchmark sends tens of thousands.
const forget = setInterval(() => line.reset(), 5_000);

const lineOrigin = await line.listen(0, '127.0.0.1');
const simulatorUrl = await simulator.listen(0, '127.0.0.1');

async function post(event: Record<string, unknown>): Promise<number> {
  const { body, signature } = signedBody(event);
  const res = await fetch(`${botUrl}/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-line-signature': signature },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

function waitReply(token: string, timeoutMs = 15_000): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      replyWaiters.delete(token);
      reject(new Error(`no reply for ${token} within ${timeoutMs} ms`));
    }, timeoutMs);
    replyWaiters.set(token, (m) => {
      clearTimeout(timer);
      resolve(m);
    });
  });
}

function confirmData(messages: unknown[]): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const action = (node as { action?: { type?: string; data?: string } }).action;
    if (action?.type === 'postback' && action.data && new URLSearchParams(action.data).get('action') === 'confirm') found = action.data;
    else Object.values(node).forEach(walk);
  };
  walk(messages);
  return found;
}

interface PreparedOrder {
  user: string;
  orderId: string;
}
let prepared: PreparedOrder[] = [];

/** One customer: order text → confirm card → confirm postback → the simulator holds the order. */
async function prepareOne(i: number): Promise<PreparedOrder> {
  const user = `Ucallback${String(i).padStart(23, '0')}`;
  const number = `08910${String(i).padStart(5, '0')}`;
  const text = textEvent(user, `เติม 50 ${number} ais`);
  const card = waitReply(text.replyToken as string);
  if ((await post(text)) !== 200) throw new Error('text webhook refused');
  const data = confirmData(await card);
  if (!data) throw new Error(`no confirm button in the reply to ${user}`);
  const pb = postbackEvent(user, data);
  const submitted = waitReply(pb.replyToken as string);
  if ((await post(pb)) !== 200) throw new Error('postback webhook refused');
  await submitted;
  const order = [...simulator.state.orders.values()].find((o) => o.number === number && o.status === 'pending');
  if (!order) throw new Error(`the simulator holds no pending order for ${number}`);
  return { user, orderId: order.orderId };
}

serveParent(
  {
    counts: () => ({ replies, pushes, answers, refills: simulator.refillCount() }),
    /** Confirm cards delivered since the last call: `[orderId, times]`. */
    takeAnswers: () => {
      const out = [...answered];
      answered = new Map();
      return out;
    },
    /** Event → reply latencies (ms) since the last call. */
    takeReplyLatencies: () => {
      const out = replyLatencies;
      replyLatencies = [];
      return out;
    },
    prepareOrders: async (args: { count: number; concurrency: number }) => {
      const started = now();
      prepared = [];
      let next = 0;
      const worker = async () => {
        while (next < args.count) prepared.push(await prepareOne(next++));
      };
      await Promise.all(Array.from({ length: args.concurrency }, worker));
      return { orders: prepared.length, ms: now() - started };
    },
    /** Settles the prepared orders evenly paced; returns callback → push latencies (ms). */
    settleOrders: async (args: { ratePerSec: number; timeoutMs: number }) => {
      const gap = 1000 / args.ratePerSec;
      const start = now();
      const waits: Promise<number>[] = [];
      for (let i = 0; i < prepared.length; i++) {
        const due = start + i * gap;
        const wait = due - now();
        if (wait > 1) await new Promise((r) => setTimeout(r, wait));
        const { user, orderId } = prepared[i]!;
        waits.push(
          new Promise<number>((resolve) => {
            const t0 = now();
            const timer = setTimeout(() => {
              pushWaiters.delete(user);
              resolve(Number.NaN);
            }, args.timeoutMs);
            pushWaiters.set(user, (at) => {
              clearTimeout(timer);
              resolve(at - t0);
            });
            simulator.settle(orderId, 'success');
          }),
        );
      }
      return Promise.all(waits);
    },
  },
  async () => {
    clearInterval(forget);
    await simulator.close();
    await line.close();
  },
);

process.send?.({ ready: { lineOrigin, simulatorUrl } });
