/** Every card kind (test/support/cards.ts), as built, is a payload LINE accepts, within its limits. */
import { describe, expect, it } from 'vitest';
import { customerCards, ownerCards } from '../support/cards.ts';
import { textOf } from '../support/harness.ts';
import { validatePushRequest, validateReplyRequest } from '../support/line-schema.ts';

describe('every card against LINE’s schema and limits', () => {
  const all = (['th', 'en'] as const).flatMap((lang) =>
    [...customerCards(lang), ...ownerCards(lang)].map(([name, card]) => [`${lang} · ${name}`, card] as const),
  );
  it.each(all)('%s', (_, card) => {
    expect(validatePushRequest({ to: 'U0123456789abcdef0123456789abcdef', messages: [card] }).errors).toEqual([]);
    expect(validateReplyRequest({ replyToken: 'r', messages: [card] }).errors).toEqual([]);
    // Every string is translated: i18next shows a missing key as the key itself.
    const untranslated = textOf(card as never)
      .split(' | ')
      .filter((text) => /^[a-z][A-Za-z]*(\.[A-Za-z]+)+$/.test(text));
    expect(untranslated).toEqual([]);
  });
});
