/**
 * One customer turn in one statement: the conversation, the draft order the turn made if any
 * (with its transitions, superseding the chat's live draft), and the answer recorded on the event
 * before it is sent.
 *
 * All or nothing. The conversation is compare-and-set on `version`: when another writer got
 * there first, nothing is written and the statement returns the stored conversation, so the
 * caller can decide again without another read. A draft is made once per event: when the event
 * made one before (it is being handled again), nothing is written and the caller is told which.
 */
import type { Db } from '../client.ts';
import { run, statement } from '../statements.ts';
import { toStoredConversation, type StoredConversation } from './conversations.ts';
import type { DraftFields } from './drafts.ts';

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
export interface DraftInsert extends DraftFields {
  id: string;
  ref: string;
  /** The event that asked for it: an event makes one draft at most. */
  eventId: string;
  confirmToken: string;
  expiresAt: Date;
}

export type TurnResult =
  /** `version`: the conversation's version now. */
  | { kind: 'written'; version: number }
  /** Another writer changed the conversation since it was read: nothing was written; `current` is what is stored. */
  | { kind: 'conflict'; current: StoredConversation<unknown> };

export type DraftTurnResult =
  | TurnResult
  /** The event made a draft before (handled again): nothing was written. */
  | { kind: 'eventHasDraft'; draftId: string };

type ConversationWrite = 'insert' | 'update' | 'endNone' | 'end';

/** The conversation's write, as a CTE named `conv` that returns the new version when it happened. */
function conversationWrite(kind: ConversationWrite, guard: string): string {
  switch (kind) {
    case 'insert':
      return `conv as (
        insert into conversations (chat_id, state, version, expires_at)
        select :chatId, :state::text::jsonb, 1, :expiresAt::timestamptz where ${guard}
        on conflict (chat_id) do nothing returning version)`;
    case 'update':
      return `conv as (
        update conversations set state = :state::text::jsonb, version = version + 1, updated_at = now(), expires_at = :expiresAt::timestamptz
        where chat_id = :chatId and version = :version and ${guard} returning version)`;
    case 'endNone':
      // Nothing to end, as long as nothing began meanwhile.
      return `conv as (select 0 as version where ${guard} and not exists (select 1 from conversations where chat_id = :chatId))`;
    case 'end':
      // Ended, not deleted: the row keeps counting versions (conversations.ts says why).
      return `conv as (
        update conversations set version = version + 1, updated_at = now(), expires_at = now()
        where chat_id = :chatId and version = :version and ${guard} returning version)`;
  }
}

/** What the statement returns: the new version, or the stored conversation when nothing was written. */
const RESULT = `(select version from conv) as version, c.state, c.version as current_version, c.expires_at
  from (select 1) one left join conversations c on c.chat_id = :chatId and not exists (select 1 from conv)`;

const RECORD_ANSWER = `answer as (
  update webhook_events set answer = :answer::text::jsonb, answered_at = now()
  where id = :eventId and :answer::text is not null and exists (select 1 from conv))`;

function turnStatement(kind: ConversationWrite) {
  return statement(`with ${conversationWrite(kind, 'true')}, ${RECORD_ANSWER}
    select null as existing, ${RESULT}`);
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
    select (select id from existing) as existing, ${RESULT}`);
}

const TURN = { insert: turnStatement('insert'), update: turnStatement('update'), endNone: turnStatement('endNone'), end: turnStatement('end') };
const DRAFT_TURN = { insert: draftStatement('insert'), update: draftStatement('update') };

/** Writes one turn in one statement: the conversation and the answer. */
export function writeTurn(db: Db, turn: TurnWrite): Promise<TurnResult> {
  return execute(db, turn) as Promise<TurnResult>;
}

/** Writes a turn that makes a draft, in one statement: the draft (superseding the chat's live one), the conversation, the answer. */
export function writeDraftTurn(db: Db, turn: TurnWrite, draft: DraftInsert): Promise<DraftTurnResult> {
  return execute(db, turn, draft);
}

async function execute(db: Db, turn: TurnWrite, draft?: DraftInsert): Promise<DraftTurnResult> {
  const first = turn.expectedVersion === 0;
  const kind: ConversationWrite = turn.state === undefined ? (first ? 'endNone' : 'end') : first ? 'insert' : 'update';
  if (draft && (kind === 'end' || kind === 'endNone')) throw new TypeError('a draft needs a conversation that points at it');
  const stmt = draft ? DRAFT_TURN[kind as 'insert' | 'update'] : TURN[kind];
  const [row] = await run<{ existing: string | null; version: number | null; state: unknown; current_version: number | null; expires_at: Date | null }>(db, stmt, {
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
  if (row && row.version !== null) return { kind: 'written', version: row.version };
  return { kind: 'conflict', current: toStoredConversation({ state: row?.state, version: row?.current_version ?? null, expires_at: row?.expires_at ?? null }) };
}
