/**
 * Was every event answered exactly once? Each order text makes one draft (`orders.draft_event_id`)
 * and every answer carries that draft's confirm card, by reply or by push; the LINE stand-in
 * counts the cards it was given, by order (world.ts). Events are picked by their arrival order
 * in the inbox (`seq`), so a phase is checked on its own events only.
 */
import type postgres from 'postgres';

export interface OnceVerdict {
  events: number;
  once: number;
  /** Stored but never answered (or no draft made). */
  unanswered: number;
  /** Answered more than once. */
  twice: number;
}

export async function lastSeq(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ seq: string | null }[]>`select max(seq) as seq from webhook_events`;
  return Number(row?.seq ?? 0);
}

/** Events stored after `afterSeq` (up to `untilSeq`) against the cards delivered, by order id. */
export async function answeredOnce(sql: postgres.Sql, range: { afterSeq: number; untilSeq: number }, delivered: Map<string, number>): Promise<OnceVerdict> {
  const rows = await sql<{ order_id: string | null }[]>`
    select o.id as order_id from webhook_events e left join orders o on o.draft_event_id = e.id
    where e.seq > ${range.afterSeq} and e.seq <= ${range.untilSeq}`;
  const verdict: OnceVerdict = { events: rows.length, once: 0, unanswered: 0, twice: 0 };
  for (const { order_id } of rows) {
    const n = order_id ? (delivered.get(order_id) ?? 0) : 0;
    if (n === 1) verdict.once++;
    else if (n === 0) verdict.unanswered++;
    else verdict.twice++;
  }
  return verdict;
}

export function onceText(v: OnceVerdict): string {
  return v.once === v.events
    ? `${v.once.toLocaleString('en-US')}/${v.events.toLocaleString('en-US')} answered exactly once`
    : `**${v.once}/${v.events} answered exactly once: ${v.unanswered} unanswered, ${v.twice} answered twice or more**`;
}
