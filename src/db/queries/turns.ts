/**
 * One customer turn in two statements: a read (the conversation and the customer's recent
 * numbers) and a write (the conversation, the draft order the turn made if any, with its
 * transitions, and the answer recorded on the event before it is sent).
 *
 * The write is all or nothing. The conversation is compare-and-set on `version`: when another
 * writer got there first, nothing is written and the caller reads and decides again. A draft is
 * made once per event: when the event made one before (it is being handled again), nothing is
 * written and the caller is told which draft it made.
 */
import type { Db } from '../client.ts';
import { run, statement } from '../statements.ts';
import type { StoredConversation } from './conversations.ts';

export interface ChatRead<S> {
  conversation: StoredConversation<S>;
  /** Numbers the customer topped up before, most recent first. */
  recentNumbers: string[];
}

const READ = statement(`
  select c.state, c.version, c.expires_at > now() as live,
    array(
      select o.number from orders o
      where o.user_id = :userId and o.status not in ('draft', 'expired')
      group by o.number order by max(o.created_at) desc limit :recent
    ) as recent
  from (select 1) one left join conversations c on c.chat_id = :chatId`);

/** The chat's conversation and the customer's recent numbers, in one statement. */
export async function readChat<S>(db: Db, options: { chatId: string; userId?: string; recent: number }): Promise<ChatRead<S>> {
  const [row] = await run<{ state: S | null; version: number | null; live: boolean | null; recent: string[] }>(db, READ, {
    chatId: options.chatId,
    userId: options.userId ?? null,
    recent: options.recent,
  });
  // An expired row keeps its version so the next write still compares correctly.
  const version = row?.version ?? 0;
  return {
    conversation: { state: row?.live ? (row.state ?? undefined) : undefined, version },
    recentNumbers: options.userId ? (row?.recent ?? []) : [],
  };
}

export interface TurnWrite {
  chatId: string;
  /** The new conversation state; undefined ends the conversation. */
  state: unknown;
  /** The version read; the write happens only if it is still the stored one (0: no row). */
  expectedVersion: number;
  ttlMs: number;
  /** Recorded on the event (`webhook_events.answer`) before it is sent by reply. */
  answer?: { eventId: string; messages: unknown[] };
}

/** A new draft order, its values made by the caller (orders/drafts.ts). */
export interface DraftInsert {
  id: string;
  ref: string;
  /** The event that asked for it: an event makes one draft at most. */
  eventId: string;
  userId: string;
  chatId: string;
  number: string;
  network: string;
  amountSatang: number;
  language: string;
  confirmToken: string;
  expiresAt: Date;
}

export type TurnResult =
  | { kind: 'written' }
  /** Another writer changed the conversation since it was read: nothing was written. */
  | { kind: 'conflict' }
  /** The event made a draft before (handled again): nothing was written. */
  | { kind: 'eventHasDraft'; draftId: string };

/** The conversation's write, as a CTE named `conv` that returns a row when it happened. */
function conversationWrite(kind: 'insert' | 'update' | 'delete', guard: string): string {
  switch (kind) {
    case 'insert':
      return `conv as (
        insert into conversations (chat_id, state, version, expires_at)
        select :chatId, :state::text::jsonb, 1, :expiresAt::timestamptz where ${guard}
        on conflict (chat_id) do nothing returning 1)`;
    case 'update':
      return `conv as (
        update conversations set state = :state::text::jsonb, version = version + 1, updated_at = now(), expires_at = :expiresAt::timestamptz
        where chat_id = :chatId and version = :version and ${guard} returning 1)`;
    case 'delete':
      return `conv as (select 1 where ${guard}),
        gone as (delete from conversations where chat_id = :chatId and exists (select 1 from conv))`;
  }
}

const RECORD_ANSWER = `answer as (
  update webhook_events set answer = :answer::text::jsonb, answered_at = now()
  where id = :eventId and :answer::text is not null and exists (select 1 from conv))`;

function turnStatement(kind: 'insert' | 'update' | 'delete') {
  return statement(`with ${conversationWrite(kind, 'true')}, ${RECORD_ANSWER}
    select exists (select 1 from conv) as written, null as existing`);
}

/** The draft (superseding the chat's live one, as the move draft → expired) with the turn that shows it. */
function draftStatement(kind: 'insert' | 'update') {
  return statement(`with existing as (select id from orders where draft_event_id = :eventId),
    ${conversationWrite(kind, 'not exists (select 1 from existing)')},
    superseded as (
      update orders set status = 'expired', detail = 'superseded', updated_at = now(), finalized_at = now()
      where chat_id = :chatId and status = 'draft' and exists (select 1 from conv) returning id),
    draft as (
      insert into orders (id, ref, user_id, chat_id, number, network, amount_satang, language, draft_event_id, confirm_token, expires_at)
      select :draftId::uuid, :ref, :userId, :chatId, :number, :network, :amountSatang, :language, :eventId, :confirmToken, :draftExpiresAt::timestamptz
      where exists (select 1 from conv) returning id),
    moves as (
      insert into order_transitions (order_id, from_status, to_status, reason)
      select id, 'draft'::order_status, 'expired'::order_status, 'superseded' from superseded
      union all select id, null, 'draft'::order_status, 'slots complete' from draft),
    ${RECORD_ANSWER}
    select exists (select 1 from conv) as written, (select id from existing) as existing`);
}

const TURN = { insert: turnStatement('insert'), update: turnStatement('update'), delete: turnStatement('delete') };
const DRAFT_TURN = { insert: draftStatement('insert'), update: draftStatement('update') };

/** Writes one turn in one statement: the conversation, the draft if any, the answer. */
export async function writeTurn(db: Db, turn: TurnWrite, draft?: DraftInsert): Promise<TurnResult> {
  const kind = turn.state === undefined ? 'delete' : turn.expectedVersion === 0 ? 'insert' : 'update';
  if (draft && kind === 'delete') throw new TypeError('a draft needs a conversation that points at it');
  const stmt = draft ? DRAFT_TURN[kind as 'insert' | 'update'] : TURN[kind];
  const [row] = await run<{ written: boolean; existing: string | null }>(db, stmt, {
    chatId: turn.chatId,
    state: turn.state === undefined ? null : JSON.stringify(turn.state),
    version: turn.expectedVersion,
    expiresAt: new Date(Date.now() + turn.ttlMs).toISOString(),
    eventId: turn.answer?.eventId ?? draft?.eventId ?? null,
    answer: turn.answer ? JSON.stringify(turn.answer.messages) : null,
    ...(draft
      ? {
          draftId: draft.id,
          ref: draft.ref,
          userId: draft.userId,
          number: draft.number,
          network: draft.network,
          amountSatang: draft.amountSatang,
          language: draft.language,
          confirmToken: draft.confirmToken,
          draftExpiresAt: draft.expiresAt.toISOString(),
        }
      : {}),
  });
  if (row?.existing) return { kind: 'eventHasDraft', draftId: row.existing };
  return row?.written ? { kind: 'written' } : { kind: 'conflict' };
}
