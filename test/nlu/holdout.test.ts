/**
 * Hold-out set for issue 15: 160 messages of the kinds, written before the parser was
 * tuned and not looked at while tuning it. It measures how well the parser generalises; it is
 * not a table to tune against. Misses are printed and counted, never special-cased: the test
 * fails only if whole-message accuracy falls below the floor recorded when issue 15 closed.
 *
 * Expected values are what a shop clerk would understand: `amount` is top-up money (null when
 * the message is not about a top-up); `number` and `network` are what the text names.
 */
import { describe, expect, it } from 'vitest';
import { parse, type Intent } from '../../src/nlu/index.ts';
import type { Network } from '../../src/networks.ts';

type Row = [text: string, intent: Intent, number: string | null, network: Network | null, amount: number | null];

export const HOLDOUT: readonly Row[] = [
  // Other things people fill up: not phone credit.
  ['เพิ่งเติมน้ำมันรถไป 1000 บาท แพงมากกก', 'unknown', null, null, null],
  ['เติมเพชรฟีฟายได้มั้ยคะ', 'unknown', null, null, null],
  ['ร้านรับเติมคูปองเกม rov ไหมครับ', 'unknown', null, null, null],
  ['อยากเติม robux 400 บาทค่ะ', 'unknown', null, null, null],
  ['เติมแก๊สหุงต้มถังละเท่าไหร่', 'unknown', null, null, null],
  ['เติมลมยางแถวไหนดี', 'unknown', null, null, null],
  ['เติม uc pubg 300 ได้ไหม', 'unknown', null, null, null],
  ['บัตรทางด่วน easy pass เติมที่นี่ได้ป่าว', 'unknown', null, null, null],
  ['เติมเงินเข้าบัตรแรบบิท 200', 'unknown', null, null, null],
  ['ช่วยเติมหมึกปริ้นเตอร์ให้หน่อย', 'unknown', null, null, null],
  ['เติมน้ำมันเต็มถังเลยพี่', 'unknown', null, null, null],
  ['เติมเกม genshin 1090 บาท', 'unknown', null, null, null],
  // How-to questions.
  ['สั่งเติมเงินต้องทำยังไงคะ', 'help', null, null, null],
  ['ต้องทำยังไงบ้างคะ ไม่เคยเติมผ่านไลน์', 'help', null, null, null],
  ['เติมผ่านแชทนี้ยังไงอะ', 'help', null, null, null],
  ['how do i top up', 'help', null, null, null],
  ['มีวิธีสั่งยังไงบ้างครับ', 'help', null, null, null],
  ['จ่ายเงินยังไงคะ', 'help', null, null, null],
  ['ขั้นตอนการเติมเงินมีอะไรบ้าง', 'help', null, null, null],
  ['ใช้งานไม่เป็นค่ะ ช่วยบอกหน่อย', 'help', null, null, null],
  ['เติมยังไงครับพี่ งงมาก', 'help', null, null, null],
  ['how to use this bot', 'help', null, null, null],
  // Questions about a top-up already made.
  ['ที่เติมไปเมื่อเช้าเข้ายังคะ', 'status', null, null, null],
  ['เติมไปแล้วยังไม่เข้าเลย 0891234567 ทรู 50', 'status', '0891234567', 'TRUE', 50],
  ['เมื่อกี้เติม 100 ให้เบอร์ 0812345678 ยังไม่ได้รับค่ะ', 'status', '0812345678', null, 100],
  ['เติมสำเร็จไหมคะ', 'status', null, null, null],
  ['โอนไปแล้ว เงินยังไม่เข้าเลยค่ะ', 'status', null, null, null],
  ['ตัดเงินแล้วแต่เติมไม่เข้า', 'status', null, null, null],
  ['ยอด 50 บาทเมื่อวานเข้าหรือยังครับ', 'status', null, null, 50],
  ['เบอร์ 0923456789 เติมแล้วเงียบเลย', 'status', '0923456789', null, null],
  ['เติมเข้ารึยังงงง', 'status', null, null, null],
  ['did my top up go through?', 'status', null, null, null],
  ['top up not received yet 0812345678', 'status', '0812345678', null, null],
  ['เช็คให้หน่อยว่าเข้ายัง ดีแทค 20 บาท', 'status', null, 'DTAC', 20],
  ['ตกลงเติมให้แล้วใช่มั้ยคะ', 'status', null, null, null],
  ['รอนานแล้วค่ะ ยังไม่เข้าสักที', 'status', null, null, null],
  ['เติมไปตอนบ่ายสองโมง ยังไม่เข้าเลย', 'status', null, null, null],
  ['ออเดอร์เมื่อกี้เป็นไงบ้างคะ', 'status', null, null, null],
  ['เติมไม่เข้าค่ะ เบอร์ 0634567890 เอไอเอส 300', 'status', '0634567890', 'AIS', 300],
  ['เงินที่เติมหายไปไหน', 'status', null, null, null],
  ['ได้รับเงินแล้วค่ะ ขอบคุณนะคะ', 'unknown', null, null, null],
  ['เติมแล้วเข้าแล้วนะคะ ขอบคุณค่า', 'unknown', null, null, null],
  // Digits that are not money.
  ['โอนเข้าบัญชีกสิกร 123-4-56789-0 ใช่ไหมคะ', 'unknown', null, null, null],
  ['เลขบัตรประชาชน 1103700123456 ต้องใช้ไหม', 'unknown', null, null, null],
  ['ส่งของมาที่ 10110 นะ', 'unknown', null, null, null],
  ['ปี 2567 ร้านยังเปิดอยู่ไหม', 'unknown', null, null, null],
  ['นัดกัน 14:30 หน้าเซเว่น', 'unknown', null, null, null],
  ['ประชุม 2 ทุ่มนะ', 'unknown', null, null, null],
  ['วันที่ 15 มีนา ร้านหยุดไหมคะ', 'unknown', null, null, null],
  ['ซื้อตั๋วได้ที่นั่ง 12 กับ 13', 'unknown', null, null, null],
  ['โทรกลับ 02-123-4567 ด้วยค่ะ', 'unknown', null, null, null],
  ['ลูก 3 คน เรียนหนังสือหมดแล้ว', 'unknown', null, null, null],
  ['ห้อง 305 ตึก B', 'unknown', null, null, null],
  ['ค.ศ. 2024 กับ พ.ศ. 2567 ต่างกันกี่ปี', 'unknown', null, null, null],
  ['บ้านเลขที่ 99/12 หมู่ 4', 'unknown', null, null, null],
  ['พัสดุเลข TH0123456789 ถึงยัง', 'unknown', null, null, null],
  ['เลขบัญชี 0123456789 ธนาคารกรุงไทย', 'unknown', null, null, null],
  ['ผมเกิดปี 2530 ครับ', 'unknown', null, null, null],
  // Corrections, whichever slot comes first.
  ['เติมดีแทค 50 อ่ะ ไม่ใช่ๆ ทรูค่ะ 0812345678', 'topup', '0812345678', 'TRUE', 50],
  ['ขอ ais นะ ขอโทษค่ะพิมพ์ผิด dtac 100 0891234567', 'topup', '0891234567', 'DTAC', 100],
  ['เติม 20 เอ้ย 30 ทรู 0812345678', 'topup', '0812345678', 'TRUE', 30],
  ['เติม 50 0812345678 ais เปลี่ยนเป็น 100 ค่ะ', 'topup', '0812345678', 'AIS', 100],
  ['เบอร์ 0812345678 เอ๊ย 0898765432 ทรู 50', 'topup', '0898765432', 'TRUE', 50],
  ['ทรู 100 ไม่ใช่ๆ 200', 'topup', null, 'TRUE', 200],
  ['เติม 300 ขอโทษพิมพ์ผิด 30 บาทค่ะ', 'topup', null, null, 30],
  ['dtac 50 sorry i mean true', 'topup', null, 'TRUE', 50],
  ['ไม่ใช่ 100 เป็น 150 ค่ะ', 'topup', null, null, 150],
  ['เอาเป็นเอไอเอสดีกว่า', 'topup', null, 'AIS', null],
  ['เปลี่ยนเบอร์เป็น 0623456789 นะคะ', 'topup', '0623456789', null, null],
  ['เติม 0812345678 ทรู 500 อุ๊ย 50 พอ', 'topup', '0812345678', 'TRUE', 50],
  ['เติมมายยย ไม่ใช่ดิ เพนกวิน 100', 'topup', null, 'PENGUIN', 100],
  ['ais 0812345678 ร้อยนึง เอ้ย สองร้อย', 'topup', '0812345678', 'AIS', 200],
  ['เติมทรู 50 นะ เอ้ยไม่ใช่ 60', 'topup', null, 'TRUE', 60],
  ['โทษทีค่ะ ที่ถูกคือ 0891234567', 'topup', '0891234567', null, null],
  // Missing words and their families.
  ['เติม NT mobile 100 0812345678', 'topup', '0812345678', 'MY', 100],
  ['cat 50 บาท 0891234567', 'topup', '0891234567', 'MY', 50],
  ['เติมเอไอ 50 0812345678', 'topup', '0812345678', 'AIS', 50],
  ['เครดิตยังเหลือไหมคะ', 'balance', null, null, null],
  ['how much credit do i have', 'balance', null, null, null],
  ['ลบออเดอร์ทิ้งเลยค่ะ', 'cancel', null, null, null],
  ['ในระบบเหลือเงินเท่าไหร่', 'balance', null, null, null],
  ['ขอดูยอดเครดิตหน่อย', 'balance', null, null, null],
  ['what is my balance', 'balance', null, null, null],
  ['ไม่ต้องแล้วค่ะ ยกเลิกออเดอร์นั้นไป', 'cancel', null, null, null],
  ['ขอยกเลิกที่สั่งเมื่อกี้', 'cancel', null, null, null],
  ['cancel my order pls', 'cancel', null, null, null],
  ['ช่วยยกเลิกให้หน่อย ไม่อยากเติมแล้ว', 'cancel', null, null, null],
  ['เติมมายบายเอ็นที 200 0898765432', 'topup', '0898765432', 'MY', 200],
  ['เติมเอ็นที 100 ค่ะ', 'topup', null, 'MY', 100],
  ['เครดิตผมมีเท่าไหร่', 'balance', null, null, null],
  ['ยกเลิกได้ป่าวคะ สั่งผิด', 'cancel', null, null, null],
  ['เช็คเงินคงเหลือในไลน์', 'balance', null, null, null],
  // Regional words.
  ['เติมให้แหน่เด้อ ทรู 50 เบอร์ 0812345678', 'topup', '0812345678', 'TRUE', 50],
  ['เติมเงินหื้อแหน่เจ้า ดีแทค ซาวบาท', 'topup', null, 'DTAC', 20],
  ['เติมแล้วบ่เข้าเด้อ', 'status', null, null, null],
  ['ยังบ่าเข้าเลยเจ้า', 'status', null, null, null],
  ['เติมได้บ่ ais ฮ้อยนึง', 'topup', null, 'AIS', 100],
  ['เติมให้ได้ม้ายหนิ ทรู 100', 'topup', null, 'TRUE', 100],
  ['เงินยังไม่เข้าหนิ', 'status', null, null, null],
  ['ขอบใจหลายเด้อ', 'unknown', null, null, null],
  ['เติมเงินหื้อกำ 0891234567 เอไอเอส ห้าสิบ', 'topup', '0891234567', 'AIS', 50],
  ['แม่นแล้ว', 'unknown', null, null, null],
  ['บ่เอาแล้ว', 'cancel', null, null, null],
  ['เติมซาวห้าบาทได้บ่', 'topup', null, null, 25],
  // Romanised Thai and English-dominant orders.
  ['tem 50 pls 0812345678 true', 'topup', '0812345678', 'TRUE', 50],
  ["top up my mum's phone 0891234567 ais 100", 'topup', '0891234567', 'AIS', 100],
  ['term ngern dtac 100 ka', 'topup', null, 'DTAC', 100],
  ['can you top up 50 baht to 0812345678', 'topup', '0812345678', null, 50],
  ['khob khun krub', 'unknown', null, null, null],
  ['yok lerk ka', 'cancel', null, null, null],
  ['i want to recharge my sim 200 truemove', 'topup', null, 'TRUE', 200],
  ['pls topup 0823456789 penguin 50thb', 'topup', '0823456789', 'PENGUIN', 50],
  ['tem ngern kao yang ka', 'status', null, null, null],
  ['refill my number 0812345678 with 20 baht dtac', 'topup', '0812345678', 'DTAC', 20],
  ['tem dtac 300 na ka', 'topup', null, 'DTAC', 300],
  ['how to order', 'help', null, null, null],
  // Counter shorthand.
  ['AIS/50/0812345678', 'topup', '0812345678', 'AIS', 50],
  ['0891234567/ทรู/100', 'topup', '0891234567', 'TRUE', 100],
  ['dtac-100-0812345678', 'topup', '0812345678', 'DTAC', 100],
  ['0812345678=ais=20', 'topup', '0812345678', 'AIS', 20],
  ['เอไอเอส|300|0634567890', 'topup', '0634567890', 'AIS', 300],
  ['ดีแทค 50 / 0898765432', 'topup', '0898765432', 'DTAC', 50],
  ['TRUE:100:0812345678', 'topup', '0812345678', 'TRUE', 100],
  // Numbers dictated digit by digit.
  ['ศูนย์ แปด หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด ทรู 50', 'topup', '0812345678', 'TRUE', 50],
  ['เบอร์ ศูนย์เก้าแปด เจ็ดหกห้า สี่สามสองหนึ่ง ค่ะ', 'topup', '0987654321', null, null],
  ['เติม 100 เบอร์ศูนย์แปดเก้า หนึ่งสองสาม สี่ห้าหกเจ็ด', 'topup', '0891234567', null, 100],
  ['zero eight one two three four five six seven eight', 'topup', '0812345678', null, null],
  ['ศูนย์หกสองสามสี่ห้าหกเจ็ดแปดเก้า dtac ห้าสิบบาท', 'topup', '0623456789', 'DTAC', 50],
  ['08 หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด', 'topup', '0812345678', null, null],
  ['ศูนย์ แปด โท สาม สี่ ห้า หก เจ็ด แปด เก้า', 'topup', '0823456789', null, null],
  // Typos and repeated letters.
  ['เติมมมม 50 ค่าาา ทรู 0812345678', 'topup', '0812345678', 'TRUE', 50],
  ['เติมเงินนนน ดีแทคคค 100', 'topup', null, 'DTAC', 100],
  ['ขอบคุณค่าาาาา', 'unknown', null, null, null],
  ['เตืม ทรุ 20 บาท', 'topup', null, 'TRUE', 20],
  ['ยกเลิกกกก', 'cancel', null, null, null],
  ['okkkk', 'unknown', null, null, null],
  ['เอไอเอสสส 0812345678 100', 'topup', '0812345678', 'AIS', 100],
  ['เติมเข้ายังงงง', 'status', null, null, null],
  ['thxxx', 'unknown', null, null, null],
  ['เติมเงินให้หน่อยยย 0891234567 เพนกวินนน 50', 'topup', '0891234567', 'PENGUIN', 50],
  // Look-alikes: brand words in another sense.
  ['วันนี้ฟีลไม่ค่อยดีเลย', 'unknown', null, null, null],
  ['มายไปไหนมาอะ', 'unknown', null, null, null],
  ['ถามเอไอแล้วมันตอบมั่วมาก', 'unknown', null, null, null],
  ['เพนกวินที่สวนสัตว์น่ารักมาก', 'unknown', null, null, null],
  ['โอนผ่านทรูมันนี่ได้ไหม', 'unknown', null, null, null],
  ['ดูบอลทรูวิชั่นส์ไม่ได้ค่ะ', 'unknown', null, null, null],
  ['แอป trueid ใช้ไม่ได้', 'unknown', null, null, null],
  ['happy birthday นะแม่', 'unknown', null, null, null],
  ['เติมเงินให้น้องมาย 0812345678 ทรู 50', 'topup', '0812345678', 'TRUE', 50],
  ['ฟีลแบบว่าเหนื่อยมาก', 'unknown', null, null, null],
  ['เน็ตทรูช้ามากช่วงนี้', 'unknown', null, 'TRUE', null],
  ['ais มีโปรเน็ตอะไรบ้างคะ', 'unknown', null, 'AIS', null],
  ['วันนี้แฮปปี้มาก', 'unknown', null, null, null],
  // Long chatty orders, thanks and yes.
  ['สวัสดีค่ะพี่ วันนี้ขอเติมเงินให้คุณแม่หน่อยนะคะ เบอร์ 0891234567 ค่ายเอไอเอส 100 บาทค่ะ ขอบคุณมากค่ะ', 'topup', '0891234567', 'AIS', 100],
  ['พี่ครับ ช่วยเติมให้ผมหน่อย ทรู ห้าสิบบาท เบอร์ 081-234-5678 ด่วนเลยครับ จะใช้โทรหาลูกค้า', 'topup', '0812345678', 'TRUE', 50],
  ['ขอบใจมากนะจ๊ะ', 'unknown', null, null, null],
  ['ได้เลยค่ะ', 'unknown', null, null, null],
  ['ยืนยันค่ะ', 'unknown', null, null, null],
  ['ok thank you', 'unknown', null, null, null],
  ['เมื่อวานเติมไปแล้วรอบนึง วันนี้ขอเติมอีก 50 ทรู 0812345678 นะ', 'topup', '0812345678', 'TRUE', 50],
];

/**
 * Whole-message accuracy when issue 15 closed, less a little room: 82/160 (51.2 %) before the
 * tuning, 159/160 after (the miss: "เติมแล้วเงียบเลย", silence as a complaint, left as it is).
 */
const FLOOR = 0.95;

describe('hold-out set (issue 15)', () => {
  it('generalises: whole-message accuracy stays above the floor', () => {
    const misses: string[] = [];
    for (const [text, intent, number, network, amount] of HOLDOUT) {
      const r = parse(text);
      const got = [r.intent, r.number, r.network, r.amount];
      const want = [intent, number, network, amount];
      if (got.some((v, i) => v !== want[i])) misses.push(`${text}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
    }
    const accuracy = (HOLDOUT.length - misses.length) / HOLDOUT.length;
    console.log(`hold-out: ${HOLDOUT.length - misses.length}/${HOLDOUT.length} (${(accuracy * 100).toFixed(1)} %)\n  ${misses.join('\n  ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(FLOOR);
  });
});
