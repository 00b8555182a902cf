/**
 * The LINE endpoints the bot uses, with LINE's observable behaviour: single-use reply tokens,
 * idempotent pushes by X-Line-Retry-Key (409 + x-line-accepted-request-id on a repeat), 202 for
 * the loading animation, 404s for unknown ids. Handlers are pure over StandinState and return an
 * Answer; index.ts does the HTTP, auth, recording and scripted failures.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { asMessages, checkMessages, isLoadingSeconds, isObject, isUuid } from './checks.ts';
import { validationError } from './http.ts';
import type { SentMessage, StandinState } from './state.ts';
import type { DeliveredEvent, LoadingEvent } from './types.ts';

export interface Answer {
  status: number;
  json?: unknown;
  bytes?: { contentType: string; data: Buffer };
  headers?: Record<string, string>;
  /** Side effects for listeners, emitted by index.ts after the answer is sent. */
  delivered?: DeliveredEvent;
  loading?: LoadingEvent;
}

export interface RouteContext {
  state: StandinState;
  params: string[];
  body: unknown;
  headers: IncomingHttpHeaders;
  requestId: string;
  botDisplayName: string;
  now: number;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** reply/push: the calls failNext()/dropNext() apply to. */
  isMessageCall?: boolean;
  handle(ctx: RouteContext): Answer;
}

const notFound = (): Answer => ({ status: 404, json: { message: 'Not found' } });

function sentMessages(state: StandinState, count: number): SentMessage[] {
  return Array.from({ length: count }, () => ({
    id: state.nextMessageId(),
    quoteToken: randomBytes(24).toString('base64url'),
  }));
}

function reply(ctx: RouteContext): Answer {
  const { state, body } = ctx;
  if (!isObject(body)) return { status: 400, json: validationError([{ message: 'must be specified', property: 'replyToken' }]) };
  const token = body['replyToken'];
  const details = [
    ...(token === undefined ? [{ message: 'must be specified', property: 'replyToken' }] : []),
    ...checkMessages(body),
  ];
  if (details.length > 0) return { status: 400, json: validationError(details) };
  // Any non-empty token is accepted once: the stand-in cannot know which tokens LINE issued.
  if (typeof token !== 'string' || token.trim() === '' || state.usedReplyTokens.has(token)) {
    return { status: 400, json: { message: 'Invalid reply token' } };
  }
  state.usedReplyTokens.add(token);
  const messages = asMessages(body);
  const to = state.replyTokenChats.get(token);
  const record = {
    replyToken: token,
    messages,
    ...(to !== undefined ? { to } : {}),
    ...(typeof body['notificationDisabled'] === 'boolean' ? { notificationDisabled: body['notificationDisabled'] } : {}),
    requestId: ctx.requestId,
    at: ctx.now,
  };
  state.replies.push(record);
  return {
    status: 200,
    json: { sentMessages: sentMessages(state, messages.length) },
    delivered: { kind: 'reply', ...record },
  };
}

function push(ctx: RouteContext): Answer {
  const { state, body } = ctx;
  const keyHeader = ctx.headers['x-line-retry-key'];
  const retryKey = Array.isArray(keyHeader) ? keyHeader[0] : keyHeader;
  if (retryKey !== undefined && !isUuid(retryKey)) {
    return { status: 400, json: { message: 'The retry key must be a UUID in hexadecimal format' } };
  }
  if (retryKey !== undefined) {
    const accepted = state.acceptedRetryKeys.get(retryKey);
    if (accepted) {
      return {
        status: 409,
        json: { message: 'The retry key is already accepted', sentMessages: accepted.sentMessages },
        headers: { 'x-line-accepted-request-id': accepted.requestId },
      };
    }
  }
  if (!isObject(body)) return { status: 400, json: validationError([{ message: 'must be specified', property: 'to' }]) };
  const to = body['to'];
  const details = [
    ...(typeof to !== 'string' || to === '' ? [{ message: 'must be specified', property: 'to' }] : []),
    ...checkMessages(body),
  ];
  if (details.length > 0) return { status: 400, json: validationError(details) };
  const messages = asMessages(body);
  const sent = sentMessages(state, messages.length);
  if (retryKey !== undefined) state.acceptedRetryKeys.set(retryKey, { requestId: ctx.requestId, sentMessages: sent });
  const record = {
    to: to as string,
    messages,
    ...(retryKey !== undefined ? { retryKey } : {}),
    ...(typeof body['notificationDisabled'] === 'boolean' ? { notificationDisabled: body['notificationDisabled'] } : {}),
    requestId: ctx.requestId,
    at: ctx.now,
  };
  state.pushes.push(record);
  return { status: 200, json: { sentMessages: sent }, delivered: { kind: 'push', ...record } };
}

function loading(ctx: RouteContext): Answer {
  const body = isObject(ctx.body) ? ctx.body : {};
  const chatId = body['chatId'];
  const seconds = body['loadingSeconds'] ?? 5;
  const details = [
    ...(typeof chatId !== 'string' || chatId === '' ? [{ message: 'must be specified', property: 'chatId' }] : []),
    ...(!isLoadingSeconds(seconds) ? [{ message: 'must be a multiple of 5 between 5 and 60', property: 'loadingSeconds' }] : []),
  ];
  if (details.length > 0) return { status: 400, json: validationError(details) };
  // Group and room ids (C…, R…) are refused: the animation exists in 1:1 chats only.
  if (/^[CR]/.test(chatId as string)) return { status: 400, json: { message: 'The chatId must be a user ID' } };
  return { status: 202, json: {}, loading: { chatId: chatId as string, seconds: seconds as number, at: ctx.now } };
}

function profile(ctx: RouteContext): Answer {
  const userId = ctx.params[0] ?? '';
  const p = ctx.state.profiles.get(userId);
  if (p === null) return notFound();
  const { displayName, language, pictureUrl, statusMessage } = p ?? { displayName: 'ลูกค้า', language: 'th' };
  return {
    status: 200,
    json: {
      userId,
      displayName,
      ...(pictureUrl !== undefined ? { pictureUrl } : {}),
      ...(statusMessage !== undefined ? { statusMessage } : {}),
      ...(language !== undefined ? { language } : {}),
    },
  };
}

function groupSummary(ctx: RouteContext): Answer {
  const groupId = ctx.params[0] ?? '';
  const g = ctx.state.groups.get(groupId) ?? { groupName: 'กลุ่มร้าน' };
  return { status: 200, json: { groupId, ...g } };
}

function createRichMenu(ctx: RouteContext): Answer {
  const body = ctx.body;
  const missing = ['size', 'selected', 'name', 'chatBarText', 'areas'].filter((k) => !isObject(body) || body[k] === undefined);
  if (missing.length > 0) return { status: 400, json: validationError(missing.map((property) => ({ message: 'must be specified', property }))) };
  const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
  ctx.state.richMenus.set(richMenuId, body);
  return { status: 200, json: { richMenuId } };
}

function setRichMenuImage(ctx: RouteContext): Answer {
  const id = ctx.params[0] ?? '';
  if (!ctx.state.richMenus.has(id)) return notFound();
  const type = ctx.headers['content-type'] ?? '';
  if (!/^image\/(png|jpeg)/.test(type)) return { status: 415, json: { message: 'Unsupported Media Type' } };
  const bytes = isObject(ctx.body) && typeof ctx.body['bytes'] === 'number' ? ctx.body['bytes'] : 0;
  ctx.state.richMenuImages.set(id, bytes);
  return { status: 200, json: {} };
}

function setDefaultRichMenu(ctx: RouteContext): Answer {
  const id = ctx.params[0] ?? '';
  if (!ctx.state.richMenus.has(id)) return notFound();
  ctx.state.defaultRichMenuId = id;
  return { status: 200, json: {} };
}

function messageContent(ctx: RouteContext): Answer {
  const c = ctx.state.contents.get(ctx.params[0] ?? '');
  return c ? { status: 200, bytes: c } : notFound();
}

function botInfo(ctx: RouteContext): Answer {
  return {
    status: 200,
    json: {
      userId: 'U00000000000000000000000000000000',
      basicId: '@standin',
      displayName: ctx.botDisplayName,
      chatMode: 'bot',
      markAsReadMode: 'auto',
    },
  };
}

const ID = '([^/]+)';
export const ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/v2\/bot\/message\/reply$/, isMessageCall: true, handle: reply },
  { method: 'POST', pattern: /^\/v2\/bot\/message\/push$/, isMessageCall: true, handle: push },
  { method: 'POST', pattern: /^\/v2\/bot\/chat\/loading\/start$/, handle: loading },
  { method: 'GET', pattern: new RegExp(`^/v2/bot/profile/${ID}$`), handle: profile },
  { method: 'GET', pattern: new RegExp(`^/v2/bot/group/${ID}/summary$`), handle: groupSummary },
  { method: 'POST', pattern: /^\/v2\/bot\/richmenu$/, handle: createRichMenu },
  // Data API (api-data.line.me in production); served on the same origin for simplicity.
  { method: 'POST', pattern: new RegExp(`^/v2/bot/richmenu/${ID}/content$`), handle: setRichMenuImage },
  { method: 'POST', pattern: new RegExp(`^/v2/bot/user/all/richmenu/${ID}$`), handle: setDefaultRichMenu },
  { method: 'GET', pattern: new RegExp(`^/v2/bot/message/${ID}/content$`), handle: messageContent },
  { method: 'GET', pattern: /^\/v2\/bot\/info$/, handle: botInfo },
];

/** Finds the route and its decoded path parameters; `undefined` → 404. */
export function matchRoute(method: string, path: string): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1).map((p) => safeDecode(p)) };
  }
  return undefined;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
