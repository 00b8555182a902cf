import { describe, expect, it } from 'vitest';
import { parse, type Intent } from '../../src/nlu/index.ts';

describe('intent', () => {
  it.each<[string, Intent]>([
    // topup
    ['เติม', 'topup'],
    ['เติมเงิน', 'topup'],
    ['เติมเงินค่ะ', 'topup'],
    ['อยากเติมเงินครับ', 'topup'],
    ['ขอเติมหน่อยค่ะ', 'topup'],
    ['เติมตังค์ให้หน่อย', 'topup'],
    ['top up', 'topup'],
    ['Top Up', 'topup'],
    ['topup', 'topup'],
    ['top-up please', 'topup'],
    ['refill', 'topup'],
    ['Recharge', 'topup'],
    ['เติมได้ไหมคะ', 'topup'],
    ['ซื้อบัตรเติมเงิน', 'topup'],
    ['เงินหมดค่ะ', 'topup'],
    ['โทรศัพท์แม่เงินหมด เติมให้หน่อย', 'topup'],
    ['เน็ตหมดแล้ว', 'topup'],
    // cancel
    ['ยกเลิก', 'cancel'],
    ['ยกเลิกค่ะ', 'cancel'],
    ['ขอยกเลิกรายการ', 'cancel'],
    ['ไม่เอาแล้ว', 'cancel'],
    ['ไม่เอาแล้วค่ะ ขอบคุณ', 'cancel'],
    ['ไม่ต้องเติมแล้ว', 'cancel'],
    ['ไม่ต้องเติมแล้วครับ', 'cancel'],
    ['ไม่เติมแล้ว', 'cancel'],
    ['ไม่เอา', 'cancel'],
    ['ไม่ต้อง', 'cancel'],
    ['ไว้ก่อนนะคะ', 'cancel'],
    ['cancel', 'cancel'],
    ['Cancel order', 'cancel'],
    ['ยกเลิก เติม 50 ทรู', 'cancel'],
    // status
    ['เช็คสถานะ', 'status'],
    ['เช็กสถานะค่ะ', 'status'],
    ['สถานะรายการ', 'status'],
    ['เติมเข้ายัง', 'status'],
    ['เติมเข้ายังคะ', 'status'],
    ['เงินเข้ายัง', 'status'],
    ['เงินเข้ายังครับ', 'status'],
    ['เข้ารึยังคะ', 'status'],
    ['รายการล่าสุด', 'status'],
    ['ยังไม่เข้าเลยค่ะ', 'status'],
    ['เติมแล้วไม่เข้า', 'status'],
    ['เงินมายังคะ', 'status'],
    ['เรียบร้อยยังครับ', 'status'],
    ['status', 'status'],
    ['เติมเข้ายัง 0812345678', 'status'],
    // balance
    ['เช็คยอด', 'balance'],
    ['เช็คยอดเงิน', 'balance'],
    ['ยอดเงินคงเหลือ', 'balance'],
    ['ยอดคงเหลือเท่าไหร่', 'balance'],
    ['เหลือเท่าไหร่', 'balance'],
    ['balance', 'balance'],
    // help
    ['วิธีใช้', 'help'],
    ['วิธีเติมเงิน', 'help'],
    ['ช่วยด้วย', 'help'],
    ['ช่วยด้วยค่ะ', 'help'],
    ['help', 'help'],
    ['HELP', 'help'],
    ['Help me', 'help'],
    ['ใช้ยังไง', 'help'],
    ['เติมยังไงคะ', 'help'],
    ['ไม่เข้าใจค่ะ', 'help'],
    ['เมนู', 'help'],
    ['เติมเงินขั้นต่ำกี่บาทคะ', 'help'],
    ['ต้องทำยังไงบ้างคะ', 'help'],
    ['สั่งเติมยังไงอะ', 'help'],
    ['how do i top up', 'help'],
    ['งงค่ะ', 'help'],
    // unknown
    ['', 'unknown'],
    ['   ', 'unknown'],
    ['สวัสดีครับ', 'unknown'],
    ['hi', 'unknown'],
    ['ขอบคุณค่ะ', 'unknown'],
    ['ใช่', 'unknown'],
    ['ok', 'unknown'],
    ['ไม่ใช่', 'unknown'],
    ['555', 'unknown'],
    ['👍', 'unknown'],
    ['อากาศร้อนจัง', 'unknown'],
    ['สอบถามเพิ่มเติมค่ะ', 'unknown'],
  ])('%j → %s', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('intent: slots without a verb are a top-up', () => {
  it.each([
    ['ทรู 0812345678 100 บาท ค่ะ'],
    ['0812345678'],
    ['100'],
    ['ทรู'],
    ['ร้อยห้า'],
    ['ไม่ใช่ ทรู'],
    ['021234567'],
    ['สวัสดีค่ะ ทรู 50'],
  ])('%s → topup (implied)', (text) => {
    const r = parse(text);
    expect(r.intent).toBe('topup');
    expect(r.flags.impliedIntent).toBe(true);
    expect(r.sources.intent).toBe('implied');
  });

  it('an explicit verb is not implied', () => {
    const r = parse('เติม 50');
    expect(r.flags.impliedIntent).toBe(false);
    expect(r.sources.intent).toBe('เติม');
  });

  it('help with slots is a top-up, help without is help', () => {
    expect(parse('ช่วยหน่อย เติมทรู 50').intent).toBe('topup');
    expect(parse('ช่วยหน่อย เติมไม่เป็น').intent).toBe('help');
  });
});

describe('markers', () => {
  it.each([
    ['สวัสดีครับ', 'greeting'],
    ['หวัดดีค่ะ', 'greeting'],
    ['Hello', 'greeting'],
    ['hi there', 'greeting'],
    ['ขอบคุณครับ', 'thanks'],
    ['thx', 'thanks'],
    ['ใช่ครับ', 'affirm'],
    ['ตกลงค่ะ', 'affirm'],
    ['OK', 'affirm'],
    ['ยืนยัน', 'affirm'],
    ['ไม่ใช่ค่ะ', 'deny'],
    ['ผิดครับ', 'deny'],
  ] as const)('%s sets %s', (text, flag) => {
    expect(parse(text).flags[flag]).toBe(true);
  });

  it.each([['this'], ['ship it'], ['nothing'], ['okinawa']])('%s sets no marker (Latin word boundaries)', (text) => {
    const f = parse(text).flags;
    expect(f.greeting || f.affirm || f.deny).toBe(false);
  });
});

describe('correction', () => {
  it.each([
    ['ไม่ใช่ ทรู'],
    ['ไม่ใช่ค่ะ ดีแทค'],
    ['ไม่ช่าย 100'],
    ['ผิดเบอร์ 0898765432'],
    ['แก้เป็น 100'],
    ['เปลี่ยนเป็น ais'],
    ['เอาเป็น 300'],
    ['อ้าว ไม่ใช่ 0898765432'],
    ['sorry 0898765432'],
    ['ขอโทษค่ะ พิมพ์ผิด 0898765432'],
    ['no, dtac'],
  ])('%s is a correction', (text) => {
    expect(parse(text).flags.correction).toBe(true);
  });

  it.each([['ไม่ใช่'], ['ทรู 50'], ['แก้ยังไง'], ['เติมทรู 50 ได้ไหม'], ['nothing 50']])(
    '%s is not a correction',
    (text) => {
      expect(parse(text).flags.correction).toBe(false);
    },
  );
});

describe('deposit (prepaid credit at the shop)', () => {
  it.each<[string, number | null]>([
    ['เติมเครดิต 500', 500],
    ['เติมเครดิต ห้าร้อย', 500],
    ['ขอเติมเครดิต 1000 บาทค่ะ', 1000],
    ['ฝากเงิน 300', 300],
    ['add credit 200', 200],
    ['deposit 100', 100],
    ['เติมเครดิต 5000', 5000],
    ['ฝากเงิน 50000', 50000],
    ['เติมเครดิต', null],
  ])('%s is a deposit of %s', (text, amount) => {
    const r = parse(text);
    expect(r.intent).toBe('topup');
    expect(r.flags.deposit).toBe(true);
    expect(r.amount).toBe(amount);
  });

  it('is an ordinary top-up without the credit words, and carries the number when one is given', () => {
    expect(parse('เติม 500').flags.deposit).toBe(false);
    expect(parse('เติมเงิน 50 0812345678').flags.deposit).toBe(false);
    // The conversation treats this one as a phone top-up because it names a number.
    expect(parse('เติมเครดิต 50 0812345678')).toMatchObject({ intent: 'topup', number: '0812345678', amount: 50 });
  });

  it.each(['ยอดเครดิต', 'เช็คเครดิต', 'เครดิตคงเหลือ', 'check credit'])('%s asks for the balance', (text) => {
    expect(parse(text).intent).toBe('balance');
  });
});
