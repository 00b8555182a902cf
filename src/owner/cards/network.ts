/** Network alerts (closed, reopened) and the answer to `สถานะเครือข่าย`. */
import type { messagingApi } from '@line/bot-sdk';
import { languageOf, type T } from '../../i18n.ts';
import { formatDateTime } from '../../format.ts';
import { NETWORKS, type Network } from '../../networks.ts';
import { networkName } from '../../line/messages/brand.ts';
import { bubble, flexMessage, note, row, separator, SHOP_GREEN, title } from '../../line/messages/flex.ts';
import { DANGER } from './style.ts';

function networkLine(t: T, network: Network, open: boolean): messagingApi.FlexBox {
  return row(networkName(network), open ? t('owner.network.isOpen') : t('owner.network.isClosed'), {
    weight: 'bold',
    color: open ? SHOP_GREEN : DANGER,
  });
}

/** Networks that closed or reopened since the last look. */
export function networkAlertCard(t: T, input: { closed: Network[]; reopened: Network[]; at: Date }): messagingApi.FlexMessage {
  const names = (list: Network[]) => list.map(networkName).join(', ');
  const kind = input.reopened.length === 0 ? 'closed' : input.closed.length === 0 ? 'reopened' : 'changed';
  const body: messagingApi.FlexComponent[] = [
    ...input.closed.map((n) => networkLine(t, n, false)),
    ...input.reopened.map((n) => networkLine(t, n, true)),
    separator(),
    ...(input.closed.length ? [note(t('owner.network.closedHint'))] : []),
    ...(input.reopened.length ? [note(t('owner.network.reopenedHint'))] : []),
    note(t('owner.asOf', { time: formatDateTime(input.at, languageOf(t)) })),
  ];
  return flexMessage(
    t(`owner.network.alert.${kind}.altText`, { closed: names(input.closed), reopened: names(input.reopened) }),
    bubble({ header: [title(t(`owner.network.alert.${kind}.title`), kind === 'reopened' ? SHOP_GREEN : DANGER)], body }),
  );
}

/** The answer to `สถานะเครือข่าย`: every network, open or closed. */
export function networkStatusCard(
  t: T,
  input: { online: Partial<Record<Network, boolean>>; at: Date; stale?: boolean },
): messagingApi.FlexMessage {
  const closed = NETWORKS.filter((n) => input.online[n] === false);
  return flexMessage(
    closed.length
      ? t('owner.network.status.altTextClosed', { closed: closed.map(networkName).join(', ') })
      : t('owner.network.status.altTextAllOpen'),
    bubble({
      header: [title(t('owner.network.status.title'))],
      body: [
        ...NETWORKS.map((n) => networkLine(t, n, input.online[n] !== false)),
        separator(),
        ...(input.stale ? [note(t('owner.network.stale'))] : []),
        note(t('owner.asOf', { time: formatDateTime(input.at, languageOf(t)) })),
      ],
    }),
  );
}
