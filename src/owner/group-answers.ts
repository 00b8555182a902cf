/** What the bot answers in the group about registering and about a group's request (Thai). */
import type { T } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import { groupLabel, ownerChips } from './cards/index.ts';
import type { GroupDecisionOutcome } from './group-approval.ts';
import type { RegisterOutcome } from './registration.ts';

/** Whole minutes, rounded up: "wait about 1 minute" rather than "0 minutes". */
const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export function answerRegistration(t: T, outcome: RegisterOutcome, groupId: string): LineMessage[] {
  switch (outcome.kind) {
    case 'registered':
      return [textMessage(t('owner.register.done'), ownerChips(t))];
    case 'pending':
      return [textMessage(t('owner.register.pending'))];
    case 'stillPending':
      return [textMessage(t('owner.register.stillPending'))];
    case 'already':
      return [textMessage(t('owner.register.already'), ownerChips(t))];
    case 'wrongCode':
      return [
        textMessage(
          outcome.triesLeft > 0
            ? t('owner.register.wrongCode', { left: outcome.triesLeft })
            : t('owner.register.lastWrong', { minutes: minutes(outcome.waitMs ?? 0) }),
        ),
      ];
    case 'rateLimited':
      return [textMessage(t('owner.register.rateLimited', { minutes: minutes(outcome.waitMs) }))];
    case 'missingCode':
      return [textMessage(t('owner.register.missingCode'))];
    case 'disabled':
      return [textMessage(t('owner.register.disabled', { groupId }))];
  }
}

export function answerGroupDecision(t: T, outcome: GroupDecisionOutcome): LineMessage[] {
  if (outcome.kind === 'notFound') return [textMessage(t('owner.groups.notFound'))];
  const group = groupLabel(outcome.request, outcome.request.groupId);
  if (outcome.kind === 'already') {
    const state = t(`owner.groups.state.${outcome.request.status}`);
    return [textMessage(t('owner.groups.already', { group, state, by: outcome.by ?? '-' }))];
  }
  return [textMessage(t(`owner.groups.${outcome.kind}`, { group }), ownerChips(t))];
}
