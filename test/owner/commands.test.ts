import { describe, expect, it } from 'vitest';
import { parseOwnerCommand, withoutMentions } from '../../src/owner/commands.ts';

describe('parseOwnerCommand', () => {
  it.each([
    ['ยอดเงิน', { kind: 'balance' }],
    ['  ยอดเงิน  ', { kind: 'balance' }],
    ['ยอด เงิน', { kind: 'balance' }],
    ['สถานะเครือข่าย', { kind: 'network' }],
    ['สรุปวันนี้', { kind: 'summary' }],
    ['สรุป วันนี้', { kind: 'summary' }],
    ['รายการค้าง', { kind: 'pending' }],
    ['ช่วยเหลือ', { kind: 'help' }],
    ['ยกเลิกการลงทะเบียน', { kind: 'unregister' }],
    ['/balance', { kind: 'balance' }],
    ['HELP', { kind: 'help' }],
    ['ลงทะเบียน sesame-4821', { kind: 'register', code: 'sesame-4821' }],
    ['ลงทะเบียน   Sesame 4821 ', { kind: 'register', code: 'Sesame 4821' }],
    ['ลงทะเบียน๑๒๓๔', { kind: 'register', code: '1234' }],
    ['ลงทะเบียน', { kind: 'register', code: '' }],
    ['register abc', { kind: 'register', code: 'abc' }],
  ])('%s', (text, expected) => {
    expect(parseOwnerCommand(text)).toEqual(expected);
  });

  it.each(['สวัสดีค่ะ', 'ยอดเงินวันนี้เท่าไหร่', 'ลงทะเบียนเรียบร้อยแล้ว', 'เติม 50 0812345678', '', 'ยอดเงิน?'])(
    'ignores chatter: %s',
    (text) => {
      expect(parseOwnerCommand(text)).toBeUndefined();
    },
  );

  it('reads a command addressed to the bot with a mention', () => {
    const text = '@ร้านเติมเงิน ยอดเงิน';
    expect(parseOwnerCommand(withoutMentions(text, [{ index: 0, length: 13 }]))).toEqual({ kind: 'balance' });
  });

  it('ignores zero-width characters', () => {
    expect(parseOwnerCommand('ยอด\u200Bเงิน')).toEqual({ kind: 'balance' });
  });
});
