/**
 * Phrases that name an intent outright, as data (normalised: lower case, single spaces). The
 * keyword scanner takes the longest phrase at each position, so "ไม่ต้องเติมแล้ว" is one cancel
 * phrase and its inner "เติม" never counts as a top-up. Whole families of phrasings are built
 * from parts in clauses.ts (refiners/clauses.ts): "ยังบ่าเข้า", "เครดิตยังเหลือไหม".
 */
export const INTENT_PHRASES = {
  topup: [
    'เติม', 'เติมเงิน', 'เติมตัง', 'เติมตังค์', 'เติมตังส์', 'เติมให้', 'เติมหื้อ', 'ขอเติม', 'เติมด้วย',
    'เติมหน่อย', 'เติมค่าโทร', 'เติมเน็ต', 'เติมเงินมือถือ', 'เติมมือถือ', 'เติมซิม', 'ฝากเติม', 'ช่วยเติม',
    'ซื้อบัตร', 'ซื้อบัตรเติมเงิน', 'ขอซื้อ',
    // Typed in a hurry.
    'เตืม', 'เติ่ม', 'เติ้ม', 'เตม',
    'top up', 'topup', 'top-up', 'refill', 'recharge', 'reload',
    // Romanised Thai.
    'tem', 'term', 'toem', 'dtem', 'tem ngern', 'term ngern', 'tem ngen', 'term ngen', 'toem ngoen',
    'tem tang', 'term tang',
  ],
  /** "It ran out" (เงินหมด, เน็ตหมดแล้ว): in a top-up shop, a request for a top-up. */
  ranOut: ['เงินหมด', 'ตังหมด', 'ตังค์หมด', 'เน็ตหมด', 'เงินในเครื่องหมด', 'out of credit'],
  /**
   * เติมเครดิต: top up the customer's prepaid credit at the shop (wallet mode), not a phone. Read
   * as the topup intent with `flags.deposit`; with a phone number or a network in the message it
   * is an ordinary phone top-up ("เติมเครดิต 50 0812345678").
   */
  deposit: [
    'เติมเครดิต', 'ขอเติมเครดิต', 'เติมเครดิตร้าน', 'เติมเงินเข้าเครดิต', 'เติมเงินเข้ากระเป๋า', 'เติมกระเป๋า',
    'ฝากเงิน', 'ฝากเครดิต', 'โอนเข้าเครดิต', 'ซื้อเครดิต', 'add credit', 'top up credit', 'topup credit',
    'top-up credit', 'deposit', 'buy credit',
  ],
  cancel: [
    'ยกเลิก', 'ขอยกเลิก', 'ยกเลิกรายการ', 'ยกเลิกออเดอร์', 'ยกเลิกคำสั่ง', 'ยกเลิกการเติม', 'ลบออเดอร์',
    'ลบรายการ', 'ลบทิ้ง', 'ไม่เอาแล้ว', 'ไม่เอาละ', 'ไม่เอาล่ะ', 'ไม่เอาดีกว่า', 'บ่เอาแล้ว', 'บ่เอาละ',
    'ม่ายเอาแล้ว', 'ไม่ต้องเติมแล้ว', 'ไม่เติมแล้ว', 'ไม่ต้องแล้ว', 'ไม่ต้องละ', 'ไม่ต้องทำแล้ว', 'บ่ต้องแล้ว',
    'ไม่อยากเติมแล้ว', 'ไม่อยากได้แล้ว', 'ไม่สั่งแล้ว', 'ไว้ก่อน', 'ไว้ทีหลัง', 'ไว้วันหลัง', 'พอก่อน',
    'เปลี่ยนใจ', 'ขอคืนเงิน', 'คืนเงิน', 'refund', 'cancel', 'cancel order', 'stop', 'nevermind', 'never mind',
    'undo', 'yok lerk', 'yoklerk', 'yok lek', 'mai ao laew', 'mai aow laew', 'mai ow laew',
  ],
  status: [
    'เช็คสถานะ', 'เช็กสถานะ', 'เชคสถานะ', 'ดูสถานะ', 'สถานะ', 'status', 'check status', 'order status',
    'เติมเข้ายัง', 'เข้ายัง', 'เข้ารึยัง', 'เข้าหรือยัง', 'เข้าแล้วยัง', 'เงินเข้ายัง', 'มายัง', 'มารึยัง',
    'มาหรือยัง', 'มาแล้วยัง', 'ได้ยัง', 'เติมยัง', 'เติมให้ยัง', 'เติมแล้วยัง', 'เติมได้ยัง', 'ได้รึยัง',
    'ได้หรือยัง', 'เสร็จยัง', 'เสร็จรึยัง', 'ถึงไหนแล้ว', 'ยังไม่ได้รับ', 'ไม่ได้รับ', 'ไม่ได้รับเงิน',
    'ยังไม่ได้เงิน', 'รายการล่าสุด', 'ออเดอร์ล่าสุด', 'ติดตามรายการ', 'ตรวจสอบรายการ', 'เช็ครายการ',
    'เช็กรายการ', 'ดูรายการ', 'ประวัติ', 'ประวัติการเติม', 'เงินหาย', 'หายไปไหน',
    'go through', 'went through', 'gone through', 'not received', 'didnt receive', 'didnt get',
    'havent received', 'havent got', 'not arrived', 'arrived yet', 'received yet', 'where is my order',
    'kao yang', 'khao yang', 'kao rue yang', 'khao rue yang', 'kao laew yang', 'khao laew yang',
    'yang mai kao', 'yang mai khao', 'mai kao', 'mai khao',
  ],
  balance: [
    'เช็คยอด', 'เช็กยอด', 'เชคยอด', 'เช็คยอดเงิน', 'ดูยอด', 'ยอดเงิน', 'ยอดเงินคงเหลือ', 'ยอดคงเหลือ',
    'คงเหลือ', 'เงินคงเหลือ', 'เงินเหลือ', 'เหลือเท่าไหร่', 'เหลือเท่าไร', 'เหลือกี่บาท', 'เหลือเงินเท่าไหร่',
    'มีเงินเท่าไหร่', 'เครดิตเหลือ', 'เช็คเงิน', 'เช็คเครดิต', 'เช็กเครดิต', 'ดูเครดิต', 'ยอดเครดิต',
    'เครดิตคงเหลือ', 'เครดิตเหลือเท่าไหร่', 'balance', 'check balance', 'check credit', 'credit balance',
    'credit left', 'remaining credit',
  ],
  help: [
    'วิธีใช้', 'วิธีเติม', 'วิธีการเติม', 'วิธีการใช้', 'วิธีสั่ง', 'ขั้นตอน', 'ใช้ยังไง', 'ใช้งานยังไง', 'ใช้ไง',
    'เติมยังไง', 'เติมไง', 'ทำยังไง', 'ทำไง', 'ยังไง', 'ยังงัย', 'อย่างไร', 'ได้ยังไง', 'ใช้ไม่เป็น',
    'ใช้งานไม่เป็น', 'ทำไม่เป็น', 'เติมไม่เป็น', 'สั่งไม่เป็น', 'ช่วยด้วย', 'ช่วยหน่อย', 'ช่วยบอก',
    'ช่วยเหลือ', 'ขอความช่วยเหลือ', 'สอนหน่อย', 'ไม่เข้าใจ', 'งง', 'คู่มือ', 'เมนู', 'ติดต่อแอดมิน', 'แอดมิน',
    'ขั้นต่ำ', 'สูงสุด', 'minimum', 'maximum',
    'help', 'how to', 'how do i', 'how can i', 'how do you', 'what do i do', 'menu', 'admin',
    'tum yang ngai', 'tham yang ngai', 'yang ngai', 'chuay duay',
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * Which intent wins when a message has several. Cancel beats everything (a customer who says
 * stop must be heard); status and balance are questions that often repeat the topup verb
 * ("เติมแล้วไม่เข้า"); help beats topup only when no slot was given (see refiners/intent.ts).
 */
export const INTENT_PRIORITY = ['cancel', 'status', 'balance', 'help', 'topup'] as const;
