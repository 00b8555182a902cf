/** What a LINE failure means is read from LINE's own answer, before the access token is redacted from it. */
import { HTTPFetchError } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { LineApiError } from '../../src/line/errors.ts';
import { toLineError } from '../../src/line/failures.ts';

const failure = (status: number, body: string) => new HTTPFetchError(`${status}`, { status, statusText: '', headers: new Headers(), body });

describe('toLineError', () => {
  it.each([
    ['a long token', 'c2VjcmV0LWxvbmctY2hhbm5lbC1hY2Nlc3MtdG9rZW4'],
    ['a token that is a word of the message', 'token'],
  ])('recognises a used reply token with %s, and keeps the token out of the message', (_, token) => {
    const error = toLineError('reply', failure(400, `{"message":"Invalid reply token","leaked":"${token}"}`), { token, withRetryKey: false });
    expect(error).toBeInstanceOf(LineApiError);
    expect((error as LineApiError).invalidReplyToken).toBe(true);
    expect((error as LineApiError).message).not.toContain(`"leaked":"${token}"`);
  });

  it('recognises the monthly quota, and nothing else as either', () => {
    const quota = toLineError('push', failure(429, '{"message":"You have reached your monthly limit."}'), { token: 'limit', withRetryKey: true }) as LineApiError;
    expect(quota.quotaExceeded).toBe(true);
    const other = toLineError('reply', failure(400, '{"message":"The request body has 1 error(s)"}'), { token: 'x', withRetryKey: false }) as LineApiError;
    expect(other.invalidReplyToken).toBe(false);
    expect(other.quotaExceeded).toBe(false);
  });
});
