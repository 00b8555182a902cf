/**
 * Customer turns: each one the conversation, the draft order the turn made if any (with its
 * transitions, superseding the chat's live draft), and the answer recorded on the event before it
 * is sent. The turns that are ready at the same moment are written together, in one statement.
 *
 * All or nothing per turn. The conversation is compare-and-set on `version`: when another writer
 * got there first, nothing of that turn is written and the stored conversation comes back, so the
 * caller can decide again without another read. A draft is made once per event: when the event
 * made one before (it is being handled again), nothing of that turn is written and the caller is
 * told which.
 */
import type { Db } from '../client.ts';
import { groupCommit, type GroupCommit } from '../group-commit.ts';
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

export interface TurnRequest {
  turn: TurnWrite;
  draft?: DraftInsert;
}

/**
 * The turns, one row each (`ord`), every part a set: `existing` finds the drafts their events
 * made before, `conv` the conversations written (updated, ended, begun, or "nothing to end"),
 * and everything else follows only for the turns in `conv`. One statement sees one snapshot, so a
 * chat may appear only once in it (writeTurns makes sure).
 */
const TURNS = statement(`with input as (
    select x.* from jsonb_to_recordset(:turns::text::jsonb) as x(
      ord int, chat_id text, kind text, state jsonb, version int, expires_at timestamptz, event_id text, answer jsonb,
      draft_id uuid, ref text, user_id text, number text, network text, amount_satang bigint, language text,
      confirm_token text, draft_expires_at timestamptz)),
  -- Lookups in the big tables are per-turn subqueries, probed by index: planned generically, the
  -- input counts as 100 rows, and a join would be planned as a scan of the whole table.
  existing as (
    select ord, id from (
      select i.ord, (select o.id from orders o where o.draft_event_id = i.event_id) as id from input i where i.draft_id is not null
    ) made where id is not null),
  changed as (
    -- 'end': ended, not deleted: the row keeps counting versions (conversations.ts says why).
    update conversations c set
      state = case when i.kind = 'end' then c.state else i.state end,
      version = c.version + 1, updated_at = now(),
      expires_at = case when i.kind = 'end' then now() else i.expires_at end
    from input i
    where i.kind in ('update', 'end') and c.chat_id = i.chat_id and c.version = i.version
      and not exists (select 1 from existing e where e.ord = i.ord)
    returning i.ord, c.version),
  begun as (
    insert into conversations (chat_id, state, version, expires_at)
    select i.chat_id, i.state, 1, i.expires_at from input i
    where i.kind = 'insert' and not exists (select 1 from existing e where e.ord = i.ord)
    on conflict (chat_id) do nothing returning chat_id, version),
  conv as (
    select ord, version from changed
    union all select i.ord, b.version from begun b join input i on i.chat_id = b.chat_id
    -- Nothing to end, as long as nothing began meanwhile.
    union all select i.ord, 0 from input i
      where i.kind = 'endNone' and not exists (select 1 from conversations c where c.chat_id = i.chat_id)),
  superseded as (
    update orders o set status = 'expired', detail = 'superseded', updated_at = now(), finalized_at = now()
    from input i join conv using (ord)
    where i.draft_id is not null and o.chat_id = i.chat_id and o.status = 'draft' returning o.id),
  draft as (
    insert into orders (id, ref, user_id, chat_id, number, network, amount_satang, language, draft_event_id, confirm_token, expires_at)
    select i.draft_id, i.ref, i.user_id, i.chat_id, i.number, i.network, i.amount_satang, i.language, i.event_id, i.confirm_token, i.draft_expires_at
    from input i join conv using (ord) where i.draft_id is not null returning id),
  moves as (
    insert into order_transitions (order_id, from_status, to_status, reason)
    select id, 'draft'::order_status, 'expired'::order_status, 'superseded' from superseded
    union all select id, null, 'draft'::order_status, 'slots complete' from draft),
  answer as (
    update webhook_events w set answer = i.answer, answered_at = now()
    from input i join conv using (ord)
    where w.id = i.event_id and i.answer is not null)
  select i.ord, e.id as existing, conv.version, c.state, c.version as current_version, c.expires_at
  from input i
  left join existing e on e.ord = i.ord
  left join conv on conv.ord = i.ord
  left join lateral (
    select state, version, expires_at from conversations c where c.chat_id = i.chat_id and conv.ord is null limit 1
  ) c on true
  order by i.ord`);

type ConversationWrite = 'insert' | 'update' | 'endNone' | 'end';

function row(ord: number, { turn, draft }: TurnRequest) {
  const first = turn.expectedVersion === 0;
  const kind: ConversationWrite = turn.state === undefined ? (first ? 'endNone' : 'end') : first ? 'insert' : 'update';
  if (draft && (kind === 'end' || kind === 'endNone')) throw new TypeError('a draft needs a conversation that points at it');
  return {
    ord,
    chat_id: turn.chatId,
    kind,
    state: turn.state ?? null,
    version: turn.expectedVersion,
    expires_at: new Date(Date.now() + turn.ttlMs).toISOString(),
    event_id: turn.answer?.eventId ?? draft?.eventId ?? null,
    answer: turn.answer ? turn.answer.messages : null,
    ...(draft
      ? {
          draft_id: draft.id,
          ref: draft.ref,
          user_id: draft.userId,
          number: draft.number,
          network: draft.network,
          amount_satang: draft.amountSatang,
          language: draft.language,
          confirm_token: draft.confirmToken,
          draft_expires_at: draft.expiresAt.toISOString(),
        }
      : {}),
  };
}

interface ResultRow {
  ord: number;
  existing: string | null;
  version: number | null;
  state: unknown;
  current_version: number | null;
  expires_at: Date | string | null;
}

function result(r: ResultRow | undefined): DraftTurnResult {
  if (r?.existing) return { kind: 'eventHasDraft', draftId: r.existing };
  if (r && r.version !== null) return { kind: 'written', version: r.version };
  return { kind: 'conflict', current: toStoredConversation({ state: r?.state, version: r?.current_version ?? null, expires_at: r?.expires_at ?? null }) };
}

/**
 * Writes turns in as few statements as it can: one, unless a chat has several turns here (a
 * statement sees one snapshot, so a chat's second turn goes in the next statement, after the
 * first). Results in the order of the requests.
 */
export async function writeTurns(db: Db, requests: TurnRequest[]): Promise<DraftTurnResult[]> {
  const results: DraftTurnResult[] = new Array(requests.length);
  let left = requests.map((request, at) => ({ request, at }));
  while (left.length > 0) {
    const chats = new Set<string>();
    const now: typeof left = [];
    const later: typeof left = [];
    for (const item of left) {
      const chat = item.request.turn.chatId;
      if (chats.has(chat)) later.push(item);
      else (chats.add(chat), now.push(item));
    }
    left = later;
    const rows = await run<ResultRow>(db, TURNS, { turns: JSON.stringify(now.map(({ request }, ord) => row(ord, request))) });
    const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
    now.forEach(({ at }, ord) => (results[at] = result(byOrd.get(ord))));
  }
  return results;
}

/**
 * Every caller of a database shares one writer, so turns that are ready together (other
 * customers' events handled at the same moment) go in one statement: under load one round trip
 * serves many turns; an idle bot still writes each turn at once.
 */
const writers = new WeakMap<Db, GroupCommit<TurnRequest, DraftTurnResult>>();

function writerFor(db: Db): GroupCommit<TurnRequest, DraftTurnResult> {
  let writer = writers.get(db);
  if (!writer) {
    writer = groupCommit({ write: (requests) => writeTurns(db, requests), concurrency: 4, maxBatch: 32 });
    writers.set(db, writer);
  }
  return writer;
}

/** Writes one turn (with others ready at the same moment): the conversation and the answer. */
export function writeTurn(db: Db, turn: TurnWrite): Promise<TurnResult> {
  return writerFor(db)({ turn }) as Promise<TurnResult>;
}

/** Writes a turn that makes a draft (with others ready at the same moment): the draft (superseding the chat's live one), the conversation, the answer. */
export function writeDraftTurn(db: Db, turn: TurnWrite, draft: DraftInsert): Promise<DraftTurnResult> {
  return writerFor(db)({ turn, draft });
}
