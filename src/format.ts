/**
 * Numbers shown the Thai way: `081-234-5678`, `฿1,000`, Bangkok time. Pure helpers for
 * every message builder.
 */

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

const bangkokFormatters = new Map<string, Intl.DateTimeFormat>();

/** `27/11/2026 14:05` in Asia/Bangkok, the same for every locale (owners read both). */
export function formatBangkokTime(date: Date): string {
  let formatter = bangkokFormatters.get('dt');
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Bangkok',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    bangkokFormatters.set('dt', formatter);
  }
  return formatter.format(date).replace(',', '');
}
