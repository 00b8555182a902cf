/**
 * Conversation markers as data: yes, no, thanks, greetings, the words that rule a value out or
 * repair one, and particles that carry politeness or region but no meaning for the order.
 */
export const MARKERS = {
  /** ไม่เอา: "don't want". Negates the slot after it ("ไม่เอา ais"); alone it is a cancel. */
  reject: ['ไม่เอา', 'ไม่ต้อง', 'บ่เอา', 'บ่ต้อง', 'ม่ายเอา', 'มะเอา'],
  /** not, ยกเว้น: negates the slot after it and means nothing alone ("not yet" is no cancel). */
  negator: ['not', 'dont', 'except', 'ยกเว้น', 'นอกจาก'],
  /**
   * ไม่ต้องเติม, อย่าเติม: "don't top up". Negates the slot after it when the message gives
   * another value ("ไม่ต้องเติม ais เติมทรู"); otherwise it is a cancel ("ไม่ต้องเติม 0812345678").
   */
  negatedVerb: [
    'ไม่ต้องเติม', 'ไม่เติม', 'ห้ามเติม', 'อย่าเติม', 'อย่าพึ่งเติม', 'อย่าเพิ่งเติม', 'ไม่ต้องเติมให้', 'ไม่อยากเติม',
    'บ่ต้องเติม',
  ],
  /** ไม่ใช่: "no / not that". "ไม่ใช่ ทรู" corrects to True; "ais ไม่ใช่ทรู" negates True. */
  deny: [
    'ไม่ใช่', 'ไม่ ใช่', 'ไม่ช่าย', 'ไม่ใช้', 'ม่ายช่าย', 'มะช่าย', 'บ่ใช่', 'บ่แม่น', 'ไม่ถูก', 'ไม่ถูกต้อง', 'ผิด',
    'ผิดค่ะ', 'ผิดครับ', 'no', 'nope', 'nah', 'wrong', 'incorrect',
  ],
  /**
   * Self-repair: the value of a slot after one of these replaces the value before it, whichever
   * slot it is ("เติม 20 เอ้ย 30", "ดีแทค อ่ะ ไม่ใช่ๆ ทรู", "ขอ ais ขอโทษพิมพ์ผิด dtac").
   */
  repair: [
    'ไม่ใช่ๆ', 'ไม่ช่ายๆ', 'ไม่ใช่ดิ', 'ไม่ใช่สิ', 'เอ้ย', 'เอ๊ย', 'เอ้ยไม่ใช่', 'อุ๊ย', 'อุ้ย', 'อ๊ะ', 'โทษที',
    'ขอโทษ', 'ขอโทษค่ะ', 'ขอโทษครับ', 'พิมพ์ผิด', 'พิมผิด', 'แก้', 'แก้ไข', 'แก้เป็น', 'เปลี่ยน', 'เปลี่ยนเป็น',
    'เอาเป็น', 'เป็น', 'ต้องเป็น', 'ที่ถูก', 'ที่ถูกคือ', 'ที่ถูกต้องคือ', 'sorry', 'i mean', 'i meant', 'oops',
    'ops', 'change to', 'make it', 'correction',
  ],
  affirm: [
    'ใช่', 'ใช่ครับ', 'ใช่ค่ะ', 'ช่าย', 'ใช่เลย', 'ถูกต้อง', 'ถูกแล้ว', 'ตกลง', 'ยืนยัน', 'โอเค', 'โอเคร',
    'โอเค้', 'โอเช', 'ได้เลย', 'ได้ค่ะ', 'ได้ครับ', 'ได้คับ', 'ได้จ้า', 'ได้จ้ะ', 'จัดไป', 'จัดเลย', 'เอาเลย',
    'เอาตามนี้', 'ตามนี้', 'ตามนั้น', 'คอนเฟิร์ม', 'แม่น', 'แม่นแล้ว', 'ok', 'okay', 'okk', 'oki', 'okie',
    'okey', 'kk', 'yes', 'yep', 'yeah', 'yup', 'sure', 'confirm', 'confirmed', 'go ahead',
  ],
  greeting: [
    'สวัสดี', 'สวัสดีครับ', 'สวัสดีค่ะ', 'หวัดดี', 'ดีครับ', 'ดีค่ะ', 'ดีคับ', 'ดีจ้า', 'ฮัลโหล', 'hello', 'hi',
    'hey', 'hallo', 'good morning', 'อรุณสวัสดิ์', 'sawasdee', 'sawadee', 'sawatdee',
  ],
  thanks: [
    'ขอบคุณ', 'ขอบคุน', 'ขอบใจ', 'ขอบจัย', 'ขอบพระคุณ', 'แต๊งกิ้ว', 'แต๊งกิว', 'แต้งกิ้ว', 'เทงกิ้ว', 'thank you',
    'thankyou', 'thank u', 'thanks', 'thx', 'tks', 'ty', 'tysm', 'tq', 'khob khun', 'khobkhun', 'kob kun',
    'kobkun', 'kop khun', 'khop khun', 'khob jai', 'kob jai',
  ],
  /**
   * Politeness and region (Isan เด้อ, Northern เจ้า/หื้อ/กำ, Southern หนิ/โหล), connectors and
   * words of address: consumed so that a reply of slots with them still reads as slots only.
   */
  particle: [
    'ค่ะ', 'คะ', 'ค่า', 'คร่ะ', 'ครับ', 'คับ', 'ค้าบ', 'คร้าบ', 'ครับผม', 'ฮะ', 'ฮับ', 'จ้า', 'จ้ะ', 'จ๊ะ', 'จ๋า',
    'นะ', 'น้า', 'นะคะ', 'นะครับ', 'นะจ๊ะ', 'เด้อ', 'เด้', 'เนาะ', 'เน้อ', 'เจ้า', 'เจ้าค่ะ', 'หนิ', 'โหล',
    'แหละ', 'อ่ะ', 'อะ', 'อ่า', 'เลย', 'ด้วย', 'หน่อย', 'แหน่', 'กำ', 'ที', 'พี่', 'น้อง', 'ด่วน', 'โปรด', 'หรือ',
    'กับ', 'และ', 'ka', 'kha', 'krub', 'krab', 'krap', 'kub', 'khub', 'na', 'ja', 'pls', 'plz', 'please', 'or',
    'and',
  ],
  /** Consumed and ignored: words that hold a keyword but mean something else. */
  none: [
    'เพิ่มเติม', 'เติมเต็ม', 'ไม่ใช่ว่า', 'ถูกใจ', 'ถูกกว่า', 'ผิดหวัง', 'ไม่ต้องห่วง', 'ไม่เป็นไร', 'เข้าใจ',
    'เข้าใจผิด', 'ทางเข้า', 'เคย', 'บ่อย', 'บ่าย', 'บ่อ', 'บ่น', 'บ่าว', 'กาแฟ', 'โปรแกรม', 'โปรไฟล์',
    'ได้เลยไหม', 'ได้เลยมั้ย', 'แก้ว', 'แก้ม', 'เปลี่ยนแปลง',
  ],
} as const satisfies Record<string, readonly string[]>;

/** What a correction starts with (after interjections): "ไม่ใช่ ทรู", "แก้เป็น 100", "ผิด 0898…". */
export const CORRECTION_PREFIXES: readonly string[] = [
  'ไม่ใช่', 'ไม่ ใช่', 'ไม่ช่าย', 'ไม่ใช้', 'ม่ายช่าย', 'มะช่าย', 'บ่ใช่', 'ผิด', 'แก้', 'แก้ไข', 'แก้เป็น', 'ขอแก้',
  'เปลี่ยน', 'เปลี่ยนเป็น', 'ขอเปลี่ยน', 'เอาเป็น', 'พิมพ์ผิด', 'พิมผิด', 'ไม่เอา', 'ที่ถูก', 'no', 'not', 'wrong',
  'change', 'sorry', 'ขอโทษ', 'โทษที', 'i mean',
];

/** Interjections that may come before a correction: "อ้าว ไม่ใช่ ทรู", "เอ้ย ผิด". */
export const LEADING_INTERJECTIONS: readonly string[] = [
  'อ้าว', 'อุ๊ย', 'อุ้ย', 'เอ้ย', 'เอ๊ย', 'เอ๊ะ', 'อ่า', 'อ่ะ', 'เออ', 'อ้อ', 'อ๋อ', 'oops', 'ops',
  'ขอโทษครับ', 'ขอโทษค่ะ', 'sorry', 'โทษที', 'ขอโทษ',
];
