/**
 * What the page asks to send (POST /dev/api/send), checked, and what the chat shows for it.
 */

export const SEND_KINDS = ['text', 'postback', 'follow', 'unfollow', 'join', 'leave', 'image', 'sticker'] as const;
export type SendKind = (typeof SEND_KINDS)[number];

/** A photo sent from the page (e.g. a transfer slip), as LINE would serve it from its data API. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Looser than LINE's `U` + 32 hex digits, so the demo's readable ids (`Udemo0004`) pass. */
export const DEMO_USER_ID = /^U[0-9A-Za-z-]{4,64}$/;

export interface SendRequest {
  chat: 'user' | 'group';
  userId: string;
  kind: SendKind;
  text?: string;
  data?: string;
  displayText?: string;
  params?: Record<string, string>;
  /** kind 'image': the photo, decoded from the page's data: URL. */
  image?: { contentType: string; data: Buffer };
  /** kind 'sticker': which LINE sticker, and the keywords LINE sends with it. */
  sticker?: { packageId: string; stickerId: string; keywords?: string[] };
}

/** LINE's sticker ids are decimal strings. */
const STICKER_ID = /^\d{1,20}$/;

/** The request, or what is wrong with it. */
export function parseSend(body: unknown): SendRequest | string {
  if (typeof body !== 'object' || body === null) return 'expected a JSON object';
  const b = body as Record<string, unknown>;
  const chat = b['chat'] ?? 'user';
  if (chat !== 'user' && chat !== 'group') return 'chat must be "user" or "group"';
  const userId = b['userId'];
  if (typeof userId !== 'string' || !DEMO_USER_ID.test(userId)) return 'userId must look like a LINE user id (U…)';
  const kind = b['kind'];
  if (!(SEND_KINDS as readonly unknown[]).includes(kind)) return `kind must be one of ${SEND_KINDS.join(', ')}`;
  if ((kind === 'join' || kind === 'leave') && chat !== 'group') return `${String(kind)} is a group event`;
  if ((kind === 'follow' || kind === 'unfollow') && chat !== 'user') return `${String(kind)} is a 1:1 event`;
  const text = b['text'];
  if (kind === 'text' && (typeof text !== 'string' || text.trim() === '' || text.length > 5000)) return 'text must be 1..5000 characters';
  const data = b['data'];
  if (kind === 'postback' && (typeof data !== 'string' || data === '' || data.length > 300)) return 'data must be 1..300 characters';
  const displayText = b['displayText'];
  if (displayText !== undefined && typeof displayText !== 'string') return 'displayText must be a string';
  const params = b['params'];
  if (params !== undefined && (typeof params !== 'object' || params === null)) return 'params must be an object';
  let image: SendRequest['image'];
  if (kind === 'image') {
    if (chat !== 'user') return 'image is a 1:1 event here';
    const m = typeof b['image'] === 'string' ? /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/=]+)$/.exec(b['image']) : null;
    if (!m) return 'image must be a data: URL of a PNG or JPEG';
    const data = Buffer.from(m[2]!, 'base64');
    if (data.length === 0 || data.length > MAX_IMAGE_BYTES) return 'image must be 1 byte to 5 MB';
    image = { contentType: m[1]!, data };
  }
  let sticker: SendRequest['sticker'];
  if (kind === 'sticker') {
    const { packageId, stickerId, keywords } = b;
    if (typeof packageId !== 'string' || !STICKER_ID.test(packageId)) return 'packageId must be a LINE sticker package id (digits)';
    if (typeof stickerId !== 'string' || !STICKER_ID.test(stickerId)) return 'stickerId must be a LINE sticker id (digits)';
    const words = Array.isArray(keywords) ? keywords.filter((k): k is string => typeof k === 'string').slice(0, 15) : [];
    sticker = { packageId, stickerId, ...(words.length ? { keywords: words } : {}) };
  }
  return {
    chat,
    userId,
    kind: kind as SendKind,
    ...(typeof text === 'string' ? { text } : {}),
    ...(typeof data === 'string' ? { data } : {}),
    ...(typeof displayText === 'string' && displayText !== '' ? { displayText } : {}),
    ...(params ? { params: params as Record<string, string> } : {}),
    ...(image ? { image } : {}),
    ...(sticker ? { sticker } : {}),
  };
}

/** What the chat shows as the user's own bubble: the text, or a postback's displayText. */
export function shownText(req: SendRequest): string | undefined {
  if (req.kind === 'text') return req.text;
  if (req.kind === 'postback') return req.displayText;
  if (req.kind === 'image') return '📷 รูปภาพ';
  if (req.kind === 'sticker') return '(สติกเกอร์)';
  return undefined;
}

/** The grey notice line the chat shows for follow, unfollow, join and leave. */
export function noticeFor(req: SendRequest): string | undefined {
  switch (req.kind) {
    case 'follow':
      return 'คุณเพิ่มบอทเป็นเพื่อนแล้ว (follow)';
    case 'unfollow':
      return 'คุณบล็อกบอทแล้ว (unfollow)';
    case 'join':
      return 'บอทเข้าร่วมกลุ่มแล้ว (join)';
    case 'leave':
      return 'บอทออกจากกลุ่มแล้ว (leave)';
    default:
      return undefined;
  }
}
