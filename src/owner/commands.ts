/**
 * What an owner typed in the group, as a command: a pure parse of the whole message. Ordinary
 * chatter is not a command (undefined), so the bot stays silent in a busy group.
 */

export type OwnerCommand =
  | { kind: 'register'; code: string }
  | { kind: 'unregister' }
  | { kind: 'balance' }
  | { kind: 'network' }
  | { kind: 'summary' }
  | { kind: 'pending' }
  | { kind: 'help' };

/** The words of each command (after normalising); the Thai ones are what the help text shows. */
const WORDS: Record<Exclude<OwnerCommand['kind'], 'register'>, string[]> = {
  unregister: ['ยกเลิกการลงทะเบียน', 'ยกเลิกลงทะเบียน', 'unregister'],
  balance: ['ยอดเงิน', 'ยอดเงินคงเหลือ', 'เช็คยอดเงิน', 'balance'],
  network: ['สถานะเครือข่าย', 'เช็คเครือข่าย', 'network', 'networks'],
  summary: ['สรุปวันนี้', 'สรุปยอดวันนี้', 'สรุปยอด', 'summary', 'today'],
  pending: ['รายการค้าง', 'รายการรอตรวจสอบ', 'pending'],
  help: ['ช่วยเหลือ', 'คำสั่ง', 'help'],
};

const REGISTER = ['ลงทะเบียน', 'register'];

const BY_WORD = new Map<string, OwnerCommand>(
  Object.entries(WORDS).flatMap(([kind, words]) => words.map((w) => [w, { kind } as OwnerCommand] as const)),
);

/** Thai digits → ASCII, zero-width characters out, whitespace collapsed, Latin lower-cased. */
export function normaliseCommandText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/\s+/g, ' ')
    .trim();
}

export function parseOwnerCommand(text: string): OwnerCommand | undefined {
  const normalised = normaliseCommandText(text).replace(/^[/!]/, '');
  const lower = normalised.toLowerCase();
  // "ลงทะเบียน 1234", "ลงทะเบียน1234", "register 1234": the rest of the message is the code,
  // kept as typed (codes may be case-sensitive).
  for (const word of REGISTER) {
    if (lower.startsWith(word)) {
      const rest = normalised.slice(word.length);
      // "ลงทะเบียนร้าน…" is chatter, not a command: a code follows a space or is digits/ASCII.
      if (rest !== '' && !/^\s/.test(rest) && !/^[\x21-\x7e]/.test(rest)) return undefined;
      return { kind: 'register', code: rest.trim() };
    }
  }
  return BY_WORD.get(lower.replace(/ /g, '')) ?? BY_WORD.get(lower);
}

/** The message text with @mentions (e.g. of the bot) cut out, so "@ร้าน ยอดเงิน" is "ยอดเงิน". */
export function withoutMentions(text: string, mentionees: readonly { index: number; length: number }[] = []): string {
  let out = text;
  for (const m of [...mentionees].sort((a, b) => b.index - a.index)) {
    if (m.index < 0 || m.index + m.length > out.length) continue;
    out = out.slice(0, m.index) + ' ' + out.slice(m.index + m.length);
  }
  return out;
}
