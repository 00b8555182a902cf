/**
 * Numbers and dates shown the Thai way: `081-234-5678`, `฿1,000`, Bangkok time with the
 * Buddhist-era year in Thai (`01/12/2569 01:20 น.`) and the Western year in English
 * (`01/12/2026 01:20`). Pure helpers for every message builder.
 */
import type { Language } from './i18n.ts';

/** `0812345678` → `081-234-5678`. Anything else is returned unchanged. */
export function formatMobile(number: string): string {
  const m = /^(\d{3})(\d{3})(\d{4})$/.exec(number);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : number;
}

/** Satang → `฿1,000` or `฿12.50`: no decimals when the amount is whole baht. */
export function formatBaht(satang: number): string {
  const negative = satang < 0;
  const abs = Math.abs(Math.round(satang));
  const baht = Math.floor(abs / 100);
  const rest = abs % 100;
  const grouped = baht.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}฿${grouped}${rest ? `.${rest.toString().padStart(2, '0')}` : ''}`;
}

/** The Buddhist era runs 543 years ahead of the Common Era (2026 → 2569). */
const BUDDHIST_ERA_OFFSET = 543;

// Built once: Intl formatters are costly to create and these run for every card.
const bangkokParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Bangkok',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): { day: string; month: string; year: number; hour: string; minute: string } {
  const parts = Object.fromEntries(bangkokParts.formatToParts(date).map((p) => [p.type, p.value]));
  return { day: parts.day!, month: parts.month!, year: Number(parts.year), hour: parts.hour!, minute: parts.minute! };
}

/** `01/12/2569` in Thai, `01/12/2026` in English: the Bangkok calendar day. */
export function formatDate(date: Date, lang: Language): string {
  const p = partsOf(date);
  return `${p.day}/${p.month}/${lang === 'th' ? p.year + BUDDHIST_ERA_OFFSET : p.year}`;
}

/** `01:20 น.` in Thai, `01:20` in English: Bangkok's clock. */
export function formatTime(date: Date, lang: Language): string {
  const p = partsOf(date);
  return lang === 'th' ? `${p.hour}:${p.minute} น.` : `${p.hour}:${p.minute}`;
}

/** `01/12/2569 01:20 น.` in Thai, `01/12/2026 01:20` in English. */
export function formatDateTime(date: Date, lang: Language): string {
  return `${formatDate(date, lang)} ${formatTime(date, lang)}`;
}
