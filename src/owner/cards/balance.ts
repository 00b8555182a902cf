/** Balance alerts (low, critical, recovered) and the answer to `ยอดเงิน`. */
import type { messagingApi } from '@line/bot-sdk';
import { languageOf, type T } from '../../i18n.ts';
import { formatBaht, formatDateTime } from '../../format.ts';
import type { BalanceLevel } from '../balance-level.ts';
import { bubble, flexMessage, note, row, separator, SHOP_GREEN, title } from '../../line/messages/flex.ts';
import { WARN, DANGER } from './style.ts';

export interface BalanceCardInput {
  /** An alert (low / critical / recovered) or the answer to `ยอดเงิน` (status). */
  kind: 'low' | 'critical' | 'recovered' | 'status';
  balanceSatang: number;
  level: BalanceLevel;
  alertSatang: number;
  criticalSatang: number;
  /** Recent average cost of one top-up; undefined when there is too little history. */
  averageSatang?: number;
  at: Date;
  /** The provider did not answer now: this is the last balance we know. */
  stale?: boolean;
}

/** How many more top-ups the balance covers at the recent average; undefined without one. */
export function topupsLeft(balanceSatang: number, averageSatang: number | undefined): number | undefined {
  if (!averageSatang || averageSatang <= 0) return undefined;
  return Math.max(0, Math.floor(balanceSatang / averageSatang));
}

const LEVEL_COLOR: Record<BalanceLevel, string> = { ok: SHOP_GREEN, low: WARN, critical: DANGER };

export function balanceCard(t: T, input: BalanceCardInput): messagingApi.FlexMessage {
  const balance = formatBaht(input.balanceSatang);
  const vars = { balance, threshold: formatBaht(input.alertSatang), critical: formatBaht(input.criticalSatang) };
  const color = input.kind === 'recovered' ? SHOP_GREEN : input.kind === 'status' ? '#111111' : LEVEL_COLOR[input.level];
  const left = topupsLeft(input.balanceSatang, input.averageSatang);
  const body: messagingApi.FlexComponent[] = [
    {
      type: 'text',
      text: balance,
      size: 'xxl',
      weight: 'bold',
      color: LEVEL_COLOR[input.level],
    },
    row(t('owner.balance.level'), t(`owner.balance.levels.${input.level}`), { weight: 'bold', color: LEVEL_COLOR[input.level] }),
    row(t('owner.balance.threshold'), formatBaht(input.alertSatang)),
    ...(input.criticalSatang > 0 ? [row(t('owner.balance.criticalThreshold'), formatBaht(input.criticalSatang))] : []),
    separator(),
    note(
      left === undefined
        ? t('owner.balance.noEstimate')
        : t('owner.balance.estimate', { count: left, average: formatBaht(input.averageSatang ?? 0) }),
    ),
    ...(input.kind === 'low' || input.kind === 'critical' ? [note(t('owner.balance.refillHint'))] : []),
    ...(input.stale ? [note(t('owner.balance.stale'))] : []),
    note(t('owner.asOf', { time: formatDateTime(input.at, languageOf(t)) })),
  ];
  return flexMessage(t(`owner.balance.${input.kind}.altText`, vars), bubble({ header: [title(t(`owner.balance.${input.kind}.title`), color)], body }));
}
