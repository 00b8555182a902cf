/**
 * The parts that questions about an order are built from, as data. Thai builds them from a few
 * small words in a fixed order, and regions swap the words but keep the order, so the refiner
 * (refiners/clauses.ts) reads the parts rather than listing every phrasing:
 *
 *   negation + predicate        ยังไม่เข้า, บ่เข้า (Isan), ยังบ่าเข้า (Northern), ยอดไม่ขึ้น
 *   predicate + yet/question    เข้ายัง, เข้าแล้วบ่, สำเร็จไหม, เรียบร้อยรึยัง
 *   verb + yet, verb + perfect + question     เติมให้ยัง, เติมให้แล้วใช่มั้ย
 *   past reference + progress   ออเดอร์เมื่อกี้เป็นไงบ้าง
 *   credit + how much is left   เครดิตยังเหลือไหม, how much credit
 */
export const CLAUSE_WORDS = {
  negation: ['ไม่', 'ยังไม่', 'บ่', 'ยังบ่', 'บ่า', 'ยังบ่า'],
  /** "…yet?": asks whether something has happened. */
  yet: [
    'ยัง', 'รึยัง', 'ยังอะ', 'หรือยัง', 'แล้วยัง', 'แล้วรึยัง', 'แล้วหรือยัง', 'ยังคะ', 'ยังครับ', 'ยังคับ', 'ยังจ๊ะ',
    'yet',
  ],
  question: [
    'ไหม', 'มั้ย', 'มั๊ย', 'ม้าย', 'หม้าย', 'ป่ะ', 'ป่าว', 'เปล่า', 'รึเปล่า', 'หรือเปล่า', 'หรือไม่', 'กา', 'ก่อ',
    // Question tags, not answers: "10 หลักใช่ไหม" (ten digits, right?).
    'ใช่ไหม', 'ใช่มั้ย', 'ใช่มั๊ย', 'ใช่ป่ะ', 'ใช่รึเปล่า', 'ใช่หรือเปล่า', 'ใช่หรือไม่',
  ],
  perfect: ['แล้ว', 'ไปแล้ว', 'ให้แล้ว', 'ไปละ', 'already', 'laew'],
  /** When something happened, before this message. */
  pastTime: [
    'เมื่อกี้', 'เมื่อกี๊', 'เมื่อกี', 'ตะกี้', 'ตะกี๊', 'เมื่อเช้า', 'เมื่อวาน', 'เมื่อวานนี้', 'เมื่อคืน', 'เมื่อบ่าย',
    'เมื่อเย็น', 'เมื่อตอน', 'เมื่อสักครู่', 'earlier', 'yesterday', 'this morning',
  ],
  /** "The one I topped up / ordered / paid": an order already made. */
  pastOrder: ['ที่เติม', 'ที่เติมไป', 'ที่สั่ง', 'ที่สั่งไป', 'ที่โอน', 'ที่โอนไป', 'ที่จ่าย', 'ที่จ่ายไป'],
  progress: [
    'เป็นไง', 'เป็นไงบ้าง', 'เป็นไงมั่ง', 'เป็นยังไง', 'เป็นยังไงบ้าง', 'ไปถึงไหน', 'ถึงไหน', 'how is', 'whats up with',
  ],
  /** What a finished top-up does: it arrives (เข้า), succeeds, is received, goes up. */
  statusPredicate: [
    'เข้า', 'สำเร็จ', 'เรียบร้อย', 'ได้รับ', 'เสร็จ', 'ขึ้น', 'received', 'arrived', 'success', 'successful', 'kao',
    'khao',
  ],
  orderNoun: ['ออเดอร์', 'ออเดอ', 'order', 'รายการ'],
  creditNoun: ['เครดิต', 'credit', 'เงินในระบบ', 'ในระบบ', 'เงินในไลน์', 'ในไลน์', 'เงินในแชท'],
  remain: [
    'เหลือ', 'ยังเหลือ', 'เหลืออยู่', 'มีเท่าไหร่', 'มีเท่าไร', 'เท่าไหร่', 'เท่าไร', 'เท่าไหร', 'กี่บาท',
    'how much', 'left', 'remaining',
  ],
  /** Buying words: a number right after one is money ("ขอ 50", "เอา 100"). */
  orderWord: ['ขอ', 'เอา', 'ซื้อ', 'จัด', 'อยากได้', 'want', 'need'],
  /** Money nouns: a number right after one is money ("จำนวน 300", "ยอด 50"). */
  moneyWord: ['จำนวน', 'ยอด', 'ราคา', 'amount', 'price'],
  /** Nouns for the slots themselves: "เบอร์ 08…", "ค่าย ais". */
  slotNoun: [
    'เบอร์', 'เบอ', 'เบอร์โทร', 'เบอร์มือถือ', 'มือถือ', 'เลข', 'โทร', 'ค่าย', 'เครือข่าย', 'ซิม', 'number',
    'phone', 'mobile', 'network', 'sim',
  ],
} as const satisfies Record<string, readonly string[]>;
