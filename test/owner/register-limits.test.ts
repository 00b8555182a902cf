import { describe, expect, it } from 'vitest';
import { afterWrongCode, REGISTER_LIMITS, waitBeforeTrying } from '../../src/owner/register-limits.ts';

const MIN = 60_000;
const n = (count: number, oldestLeavesInMs = 0) => ({ count, oldestLeavesInMs });

describe('registration limits', () => {
  it.each([
    ['nothing yet', { group: n(0), user: n(0), total: n(0) }, undefined],
    ['4 in the group', { group: n(4, 10 * MIN), user: n(1), total: n(4) }, undefined],
    ['5 in the group', { group: n(5, 10 * MIN), user: n(1, 30 * MIN), total: n(5) }, 10 * MIN],
    ['5 by the user elsewhere', { group: n(0), user: n(5, 20 * MIN), total: n(5, 20 * MIN) }, 20 * MIN],
    ['20 in all', { group: n(0), user: n(0), total: n(20, 3 * MIN) }, 3 * MIN],
    ['group and total full: the later of the two', { group: n(5, 40 * MIN), user: n(0), total: n(20, 3 * MIN) }, 40 * MIN],
    ['no user known: only group and total count', { group: n(2), total: n(2) }, undefined],
  ] as const)('%s', (_, counts, wait) => {
    expect(waitBeforeTrying(counts)).toBe(wait);
  });

  it('counts down to the tightest limit, and says how long to wait after the last try', () => {
    expect(afterWrongCode({ group: n(0), user: n(0), total: n(0) })).toEqual({ triesLeft: 4 });
    expect(afterWrongCode({ group: n(1, 50 * MIN), user: n(3, 55 * MIN), total: n(3, 55 * MIN) })).toEqual({ triesLeft: 1 });
    expect(afterWrongCode({ group: n(4, 50 * MIN), user: n(1, 52 * MIN), total: n(6) })).toEqual({ triesLeft: 0, waitMs: 50 * MIN });
    // The user's fifth try in a group where nobody guessed before: the user's oldest try decides.
    expect(afterWrongCode({ group: n(0), user: n(4, 45 * MIN), total: n(4) })).toEqual({ triesLeft: 0, waitMs: 45 * MIN });
    // The 20th in all, as the first in its group: the group's own window does not matter.
    expect(afterWrongCode({ group: n(0), total: n(19, 5 * MIN) })).toEqual({ triesLeft: 0, waitMs: 5 * MIN });
    expect(REGISTER_LIMITS).toMatchObject({ perGroup: 5, perUser: 5, total: 20 });
  });
});
