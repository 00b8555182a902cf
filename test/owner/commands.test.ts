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

describe('payment commands', () => {
  const user = 'U0123456789abcdef0123456789abcdef';
  it.each([
    ['เพิ่มเครดิต DP7K3Q9MXA 500 โอนซ้ำ', { kind: 'adjust', direction: 'credit', target: 'DP7K3Q9MXA', amountSatang: 50_000, reason: 'โอนซ้ำ' }],
    [`หักเครดิต ${user} 1,250.50 บาท ค่าธรรมเนียม โอนผิด`, { kind: 'adjust', direction: 'debit', target: user, amountSatang: 125_050, reason: 'ค่าธรรมเนียม โอนผิด' }],
    ['เพิ่มเครดิต TP2345ABCD ฿50 คืนเงิน', { kind: 'adjust', direction: 'credit', target: 'TP2345ABCD', amountSatang: 5_000, reason: 'คืนเงิน' }],
    ['credit DP7K3Q9MXA 100 goodwill', { kind: 'adjust', direction: 'credit', target: 'DP7K3Q9MXA', amountSatang: 10_000, reason: 'goodwill' }],
    ['เพิ่มเครดิต DP7K3Q9MXA 500', { kind: 'usage', of: 'adjust' }],
    ['เพิ่มเครดิต DP7K3Q9MXA ห้าร้อย เหตุผล', { kind: 'usage', of: 'adjust' }],
    ['เพิ่มเครดิต', { kind: 'usage', of: 'adjust' }],
    [`เพิ่มพนักงาน ${user} น้องเอ หน้าร้าน`, { kind: 'trust', userId: user, name: 'น้องเอ หน้าร้าน' }],
    [`เพิ่มพนักงาน ${user}`, { kind: 'trust', userId: user }],
    [`ลบพนักงาน ${user}`, { kind: 'untrust', userId: user }],
    ['เพิ่มพนักงาน สมชาย', { kind: 'usage', of: 'trust' }],
    ['พนักงาน', { kind: 'staff' }],
  ])('%s', (text, expected) => {
    expect(parseOwnerCommand(text)).toEqual(expected);
  });

  it.each(['credit card ใช้ได้ไหม', 'เพิ่มเครดิตให้ลูกค้าหน่อย'])('ignores chatter: %s', (text) => {
    expect(parseOwnerCommand(text)).toBeUndefined();
  });
});
