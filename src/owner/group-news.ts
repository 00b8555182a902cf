/**
 * What every owners' group is told about the owners' groups themselves (DESIGN §3): a request
 * to approve, and each approval, rejection, withdrawal and unregistration. Each is an owners'
 * alert (once per key, to every approved group), minus the groups told otherwise. (The first
 * owners' group, registered by the code alone, has nobody else to tell.)
 */
import type { OwnerGroupRequestRow } from '../db/schema.ts';
import { translator } from '../i18n.ts';
import { textMessage } from '../line/messages/text.ts';
import type { OwnerAlert, Push } from '../outbox/index.ts';
import { groupRequestCard, ownerChips } from './cards/index.ts';

const t = translator('th');

export type GroupNewsKind = 'approved' | 'rejected' | 'withdrawn' | 'unregistered' | 'removed';

/** The card with อนุมัติ / ปฏิเสธ, to every owners' group. */
export function groupRequestAlert(request: OwnerGroupRequestRow): OwnerAlert {
  return {
    dedupeKey: `group-request:${request.id}`,
    kind: 'group_request',
    payload: { requestId: request.id, groupId: request.groupId },
    messages: [groupRequestCard(t, request)],
  };
}

/**
 * `key` makes the news once: a request id for decisions, the webhook event for an
 * unregistration (a group may come and go more than once).
 */
export function groupNewsAlert(news: {
  kind: GroupNewsKind;
  key: string;
  groupId: string;
  group: string;
  /** Who did it, as owners know them; absent when LINE did not say (or the bot was removed). */
  by?: string;
  except: string[];
}): OwnerAlert {
  const text = t(`owner.groups.news.${news.kind}`, { group: news.group }) + (news.by ? ` ${t('owner.groups.by', { by: news.by })}` : '');
  return {
    dedupeKey: `group:${news.kind}:${news.key}`,
    kind: `group_${news.kind}`,
    payload: { groupId: news.groupId, by: news.by ?? null },
    messages: [textMessage(text)],
    except: news.except,
  };
}

/** To the group an owner just approved: it is an owners' group now. */
export function welcomePush(request: OwnerGroupRequestRow): Push {
  return { key: `group-request:${request.id}:welcome`, to: request.groupId, messages: [textMessage(t('owner.register.approved'), ownerChips(t))] };
}
