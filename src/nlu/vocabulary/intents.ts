/**
 * Intent keywords as data, normalised. The scanner takes the longest keyword at each position,
 * so "ไม่ต้องเติมแล้ว" (cancel) is read as one phrase and its inner "เติม" never counts as topup,
 * and "เติมเข้ายัง" (has my top-up arrived?) is status, not topup.
 */
export type KeywordKind =
  | 'topup' | 'cancel' | 'status' | 'balance' | 'help'
  /**
   * เติมเครดิต: top up the customer's prepaid credit at the shop (wallet mode), not a phone. Read
   * as the topup intent with `flags.deposit`; with a phone number or a network in the message it
   * is an ordinary phone top-up ("เติมเครดิต 50 0812345678").
   */
  | 'deposit'
  /** ไม่เอา: "don't want". Negates the slot after it ("ไม่เอา ais"); alone it is a cancel. */
  | 'reject'
  /** not, ยกเว้น: negates the slot after it and means nothing alone ("not yet" is no cancel). */
  | 'negator'
  /** ไม่ใช่: "no / not that". "ไม่ใช่ ทรู" corrects to True; "ไม่ใช่ ais เป็น ทรู" negates AIS. */
  | 'deny'
  /**
   * ไม่ต้องเติม, อย่าเติม: "don't top up". Negates the slot after it when the message gives
   * another value ("ไม่ต้องเติม ais เติมทรู"); otherwise it is a cancel ("ไม่ต้องเติม 0812345678").
   */
  | 'negatedVerb'
  | 'affirm' | 'greeting' | 'thanks'
  /** Consumed and ignored: words that contain a keyword but mean something else (เพิ่มเติม). */
  | 'none';

export const KEYWORDS: Readonly<Record<KeywordKind, readonly string[]>> = {
  topup: [
    'เติม', 'เติมเงิน', 'เติมตัง', 'เติมตังค์', 'เติมตังส์', 'เติมให้', 'ขอเติม', 'เติมด้วย', 'เติมหน่อย',
    'เติมค่าโทร', 'เติมเน็ต', 'top up', 'topup', 'top-up', 'refill', 'recharge',
    'reload', 'ซื้อบัตร', 'ซื้อบัตรเติมเงิน', 'ขอซื้อ',
  ],
  deposit: [
    'เติมเครดิต', 'ขอเติมเครดิต', 'เติมเครดิตร้าน', 'เติมเงินเข้าเครดิต', 'เติมเงินเข้ากระเป๋า', 'เติมกระเป๋า',
    'ฝากเงิน', 'ฝากเครดิต', 'โอนเข้าเครดิต', 'ซื้อเครดิต', 'add credit', 'top up credit', 'topup credit',
    'top-up credit', 'deposit', 'buy credit',
  ],
  cancel: [
    'ยกเลิก', 'ขอยกเลิก', 'ยกเลิกรายการ', 'ไม่เอาแล้ว', 'ไม่เอาละ', 'ไม่เอาล่ะ', 'ไม่เอาดีกว่า',
    'ไม่ต้องเติมแล้ว', 'ไม่เติมแล้ว', 'ไม่ต้องแล้ว', 'ไม่ต้องละ', 'ไม่ต้องทำแล้ว', 'ไว้ก่อน', 'ไว้ทีหลัง', 'ไว้วันหลัง', 'พอก่อน', 'เปลี่ยนใจ', 'ขอคืนเงิน', 'คืนเงิน', 'refund', 'cancel', 'stop', 'nevermind', 'never mind',
  ],
  status: [
    'เช็คสถานะ', 'เช็กสถานะ', 'เชคสถานะ', 'ดูสถานะ', 'สถานะ', 'status', 'check status', 'order status',
    'เติมเข้ายัง', 'เข้ายัง', 'เข้ารึยัง', 'เข้าหรือยัง', 'เข้าแล้วยัง', 'เข้ายังคะ', 'เงินเข้ายัง',
    'มายัง', 'มารึยัง', 'มาหรือยัง', 'มาแล้วยัง', 'ได้ยัง', 'เติมยัง', 'เติมให้ยัง', 'เติมแล้วยัง', 'เติมได้ยัง', 'ได้รึยัง', 'ได้หรือยัง', 'เสร็จยัง', 'เสร็จรึยัง',
    'เรียบร้อยยัง', 'เรียบร้อยไหม', 'เรียบร้อยมั้ย', 'ถึงไหนแล้ว', 'ยังไม่เข้า', 'ไม่เข้า', 'ไม่เข้าเลย',
    'ยังไม่ได้รับ', 'ไม่ได้รับ', 'ไม่ได้รับเงิน', 'ยังไม่ได้เงิน', 'รายการล่าสุด', 'ล่าสุด', 'ติดตามรายการ',
    'ตรวจสอบรายการ', 'เช็ครายการ', 'เช็กรายการ', 'ดูรายการ', 'ประวัติ', 'ประวัติการเติม',
  ],
  balance: [
    'เช็คยอด', 'เช็กยอด', 'เชคยอด', 'เช็คยอดเงิน', 'ดูยอด', 'ยอดเงิน', 'ยอดเงินคงเหลือ', 'ยอดคงเหลือ',
    'คงเหลือ', 'เงินคงเหลือ', 'เงินเหลือ', 'เหลือเท่าไหร่', 'เหลือเท่าไร', 'เหลือกี่บาท', 'เครดิตเหลือ',
    'balance', 'check balance', 'เช็คเงิน', 'เช็คเครดิต', 'เช็กเครดิต', 'ดูเครดิต', 'ยอดเครดิต', 'เครดิตคงเหลือ',
    'เครดิตเหลือเท่าไหร่', 'check credit', 'credit balance',
  ],
  help: [
    'วิธีใช้', 'วิธีเติม', 'วิธีการเติม', 'วิธีการใช้', 'ใช้ยังไง', 'ใช้งานยังไง', 'ใช้ไง', 'เติมยังไง',
    'เติมไง', 'เติมยังไงคะ', 'ทำยังไง', 'ทำไง', 'ช่วยด้วย', 'ช่วยหน่อย', 'ช่วยเหลือ', 'ขอความช่วยเหลือ',
    'ยังไง', 'ยังงัย', 'อย่างไร', 'ได้ยังไง', 'เติมได้ยังไง', 'เติมเงินยังไง', 'ไม่เข้าใจ', 'help', 'how to', 'menu', 'เมนู', 'คู่มือ', 'ติดต่อแอดมิน', 'แอดมิน', 'admin',
  ],
  reject: ['ไม่เอา', 'ไม่ต้อง'],
  negator: ['not', "don't", 'dont', 'except', 'ยกเว้น', 'นอกจาก'],
  negatedVerb: ['ไม่ต้องเติม', 'ไม่เติม', 'ห้ามเติม', 'อย่าเติม', 'อย่าพึ่งเติม', 'อย่าเพิ่งเติม', 'ไม่ต้องเติมให้'],
  deny: [
    'ไม่ใช่', 'ไม่ ใช่', 'ไม่ช่าย', 'ไม่ใช้', 'ม่ายช่าย', 'มะช่าย', 'ผิด', 'ผิดค่ะ', 'ผิดครับ', 'no', 'nope',
    'wrong',
  ],
  affirm: [
    'ใช่', 'ใช่ครับ', 'ใช่ค่ะ', 'ช่าย', 'ถูกต้อง', 'ตกลง', 'ยืนยัน', 'โอเค', 'โอเคร', 'ok', 'okay',
    'okk', 'yes', 'yep', 'confirm', 'ได้เลย', 'จัดไป', 'เอาเลย', 'คอนเฟิร์ม',
  ],
  greeting: [
    'สวัสดี', 'สวัสดีครับ', 'สวัสดีค่ะ', 'หวัดดี', 'ดีครับ', 'ดีค่ะ', 'ดีคับ', 'ดีจ้า', 'hello', 'hi', 'hey',
    'hallo', 'good morning', 'อรุณสวัสดิ์',
  ],
  thanks: ['ขอบคุณ', 'ขอบคุณครับ', 'ขอบคุณค่ะ', 'ขอบใจ', 'thank you', 'thanks', 'thx', 'ขอบคุน', 'แต๊งกิ้ว'],
  none: [
    'เพิ่มเติม', 'เติมเต็ม', 'ไม่ใช่ว่า', 'ถูกใจ', 'ถูกกว่า', 'ผิดหวัง', 'ไม่ต้องห่วง',
    // Question tags, not answers: "10 หลักใช่ไหม" (ten digits, right?), "เติมได้เลยไหม".
    'ใช่ไหม', 'ใช่มั้ย', 'ใช่มั๊ย', 'ใช่ป่ะ', 'ใช่รึเปล่า', 'ใช่หรือเปล่า', 'ใช่หรือไม่', 'ได้เลยไหม', 'ได้เลยมั้ย',
  ],
};

/**
 * Which intent wins when a message has several. Cancel beats everything (a customer who says
 * stop must be heard); status and balance are questions that often repeat the topup verb
 * ("เติมแล้วไม่เข้า"); help beats topup only when no slot was given (see refiners/intent.ts).
 */
export const INTENT_PRIORITY = ['cancel', 'status', 'balance', 'help', 'topup'] as const;

/**
 * What a correction starts with (after interjections): "ไม่ใช่ ทรู", "แก้เป็น 100", "ผิด 0898…".
 */
export const CORRECTION_PREFIXES: readonly string[] = [
  'ไม่ใช่', 'ไม่ ใช่', 'ไม่ช่าย', 'ไม่ใช้', 'ม่ายช่าย', 'มะช่าย', 'ผิด', 'แก้', 'แก้ไข', 'แก้เป็น', 'ขอแก้',
  'เปลี่ยน', 'เปลี่ยนเป็น', 'ขอเปลี่ยน', 'เอาเป็น', 'พิมพ์ผิด', 'พิมผิด', 'ไม่เอา', 'no', 'not', 'wrong',
  'change', 'sorry', 'ขอโทษ', 'โทษที',
];

/** Interjections that may come before a correction: "อ้าว ไม่ใช่ ทรู", "เอ้ย ผิด". */
export const LEADING_INTERJECTIONS: readonly string[] = [
  'อ้าว', 'อุ๊ย', 'อุ้ย', 'เอ้ย', 'เอ๊ย', 'เอ๊ะ', 'อ่า', 'อ่ะ', 'เออ', 'อ้อ', 'อ๋อ', 'oops', 'ops',
  'ขอโทษครับ', 'ขอโทษค่ะ', 'sorry', 'โทษที', 'ขอโทษ',
];
