/**
 * The owners' card for a group that typed the right registration code while owners' groups
 * already exist: its name and id, who asked, อนุมัติ / ปฏิเสธ.
 * Postback data (DESIGN §3): `action=group-approve|group-reject&request=<id>`.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { OwnerGroupRequestRow } from '../../db/schema.ts';
import { formatDateTime } from '../../format.ts';
import { languageOf, type T } from '../../i18n.ts';
import { bubble, flexMessage, note, postbackButton, row, separator, title } from '../../line/messages/flex.ts';
import { encodePostback } from '../../line/postback.ts';
import { WARN } from './style.ts';

export const GROUP_ACTIONS = { approve: 'group-approve', reject: 'group-reject' } as const;

/** How owners' messages name a group: its LINE name, else its id. */
export function groupLabel(request: Pick<OwnerGroupRequestRow, 'groupId' | 'groupName'> | undefined, groupId: string): string {
  return request?.groupName ?? groupId;
}

export function groupRequestCard(t: T, request: OwnerGroupRequestRow): messagingApi.FlexMessage {
  const data = (action: string) => encodePostback(action, { request: String(request.id) });
  const group = groupLabel(request, request.groupId);
  return flexMessage(
    t('owner.groups.card.altText', { group }),
    bubble({
      header: [title(t('owner.groups.card.title'), WARN)],
      body: [
        row(t('owner.groups.card.name'), request.groupName ?? t('owner.groups.card.noName'), { weight: 'bold' }),
        row(t('owner.groups.card.groupId'), request.groupId, { size: 'xxs' }),
        row(t('owner.groups.card.requestedBy'), request.requestedBy ?? '-', { size: 'xxs' }),
        row(t('card.time'), formatDateTime(request.requestedAt, languageOf(t))),
        separator(),
        note(t('owner.groups.card.hint')),
      ],
      footer: [
        postbackButton(t('owner.groups.card.approve'), data(GROUP_ACTIONS.approve), 'primary', t('owner.groups.card.approveTap', { group })),
        postbackButton(t('owner.groups.card.reject'), data(GROUP_ACTIONS.reject), 'secondary', t('owner.groups.card.rejectTap', { group })),
      ],
    }),
  );
}
