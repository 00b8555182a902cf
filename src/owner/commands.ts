/**
 * What an owner typed in the group, as a command: a pure parse of the whole message. Ordinary
 * chatter is not a command (undefined), so the bot stays silent in a busy group.
 */
import { LINE_USER_ID as USER_ID } from '../line-ids.ts';
import { foldDigitsAndSpaces } from '../nlu/index.ts';

export type OwnerCommand =
  | { kind: 'register'; code: string }
  | { kind: 'unregister' }
  | { kind: 'balance' }
  | { kind: 'network' }
  | { kind: 'summary' }
  | { kind: 'pending' }
  | { kind: 'help' }
  /** `เพิ่มเครดิต <customer> <amount> <reason>` / `หักเครดิต …`; customer = LINE user id, TP… or DP… ref. */
  | { kind: 'adjust'; direction: 'credit' | 'debit'; target: string; amountSatang: number; reason: string }
  /** `เพิ่มพนักงาน <userId> [name]` (trusted mode). */
  | { kind: 'trust'; userId: string; name?: string }
  | { kind: 'untrust'; userId: string }
  | { kind: 'staff' }
  /** A command word with arguments that do not parse: answer with how to write it. */
  | { kind: 'usage'; of: 'adjust' | 'trust' };

/** The words of each command (after normalising); the Thai ones are what the help text shows. */
const WORDS: Record<Exclude<OwnerCommand['kind'], 'register' | 'adjust' | 'trust' | 'untrust' | 'usage'>, string[]> = {
  unregister: ['ยกเลิกการลงทะเบียน', 'ยกเลิกลงทะเบียน', 'unregister'],
  balance: ['ยอดเงิน', 'ยอดเงินคงเหลือ', 'เช็คยอดเงิน', 'balance'],
  network: ['สถานะเครือข่าย', 'เช็คเครือข่าย', 'network', 'networks'],
  summary: ['สรุปวันนี้', 'สรุปยอดวันนี้', 'สรุปยอด', 'summary', 'today'],
  pending: ['รายการค้าง', 'รายการรอตรวจสอบ', 'pending'],
  help: ['ช่วยเหลือ', 'คำสั่ง', 'help'],
  staff: ['รายชื่อพนักงาน', 'พนักงาน', 'staff'],
};

/** Commands with arguments: Thai words answer a malformed command with its usage; English ones stay quiet. */
const ARG_COMMANDS: { words: string[]; thai: string[]; kind: 'credit' | 'debit' | 'trust' | 'untrust' }[] = [
  { words: ['เพิ่มเครดิต', 'credit'], thai: ['เพิ่มเครดิต'], kind: 'credit' },
  { words: ['หักเครดิต', 'debit'], thai: ['หักเครดิต'], kind: 'debit' },
  { words: ['เพิ่มพนักงาน', 'trust'], thai: ['เพิ่มพนักงาน'], kind: 'trust' },
  { words: ['ลบพนักงาน', 'untrust'], thai: ['ลบพนักงาน'], kind: 'untrust' },
];

/** `500`, `1,000`, `฿500`, `500บาท`, `12.50` → satang; undefined otherwise. */
export function parseBahtAmount(raw: string): number | undefined {
  const m = /^฿?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?:บาท)?$/.exec(raw);
  if (!m) return undefined;
  const satang = Number(m[1]!.replaceAll(',', '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return satang > 0 && Number.isSafeInteger(satang) ? satang : undefined;
}

function parseArgCommand(normalised: string): OwnerCommand | undefined {
  const lower = normalised.toLowerCase();
  for (const command of ARG_COMMANDS) {
    const word = command.words.find((w) => lower === w || lower.startsWith(`${w} `));
    if (!word) continue;
    const usage = command.thai.includes(word) ? ({ kind: 'usage', of: command.kind === 'credit' || command.kind === 'debit' ? 'adjust' : 'trust' } as const) : undefined;
    const args = normalised.slice(word.length).trim().split(' ').filter(Boolean);
    if (command.kind === 'credit' || command.kind === 'debit') {
      const [target, amountText, ...rest] = args;
      const amountSatang = amountText === undefined ? undefined : parseBahtAmount(amountText);
      if (rest[0] === 'บาท') rest.shift();
      const reason = rest.join(' ').trim();
      if (!target || amountSatang === undefined || reason === '') return usage;
      return { kind: 'adjust', direction: command.kind, target, amountSatang, reason };
    }
    const [userId, ...name] = args;
    if (!userId || !USER_ID.test(userId)) return usage;
    if (command.kind === 'untrust') return { kind: 'untrust', userId };
    return name.length ? { kind: 'trust', userId, name: name.join(' ') } : { kind: 'trust', userId };
  }
  return undefined;
}

const REGISTER = ['ลงทะเบียน', 'register'];

const BY_WORD = new Map<string, OwnerCommand>(
  Object.entries(WORDS).flatMap(([kind, words]) => words.map((w) => [w, { kind } as OwnerCommand] as const)),
);

/** Thai digits → ASCII, zero-width characters out, whitespace collapsed (the NLU's light fold). */
export function normaliseCommandText(text: string): string {
  return foldDigitsAndSpaces(text.normalize('NFC'));
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
  return parseArgCommand(normalised) ?? BY_WORD.get(lower.replace(/ /g, '')) ?? BY_WORD.get(lower);
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
