/**
 * What a message is about when it is not phone credit, as data. A known other product makes
 * "เติม" mean something else (fuel, game currency, a transit card); another subject (a slow
 * network, a promotion, opening hours, a call back) makes a named network or number a topic of
 * conversation, not an order. See refiners/intent.ts for how they weigh against order cues.
 */
export const TOPIC_WORDS = {
  /** Things people fill up or buy that are not phone credit. */
  product: [
    'น้ำมัน', 'แก๊ส', 'แก๊ซ', 'ลมยาง', 'เติมลม', 'เติมน้ำ', 'น้ำดื่ม', 'เพชร', 'คูปอง', 'คูปองเกม', 'เกม', 'เกมส์',
    'ฟีฟาย', 'ฟรีฟาย', 'พับจี', 'โรบัค', 'การีนา', 'หมึก', 'ตลับหมึก', 'ทางด่วน', 'บัตรทางด่วน', 'แรบบิท',
    'บัตรแรบบิท', 'บัตรรถไฟฟ้า', 'บัตรรถเมล์', 'ช้อปปี้', 'ลาซาด้า', 'เป๋าตัง', 'ค่าไฟ', 'ค่าน้ำ', 'บัตรของขวัญ',
    'เติมสี', 'เติมหน้า', 'เติมพลัง', 'เติมบุญ', 'เติมใจ', 'เติมกำลังใจ', 'เติมคำ', 'เติมอาหาร', 'เติมข้าว',
    'game', 'games', 'rov', 'free fire', 'freefire', 'pubg', 'uc', 'robux', 'roblox', 'steam', 'garena',
    'valorant', 'genshin', 'mobile legends', 'diamond', 'diamonds', 'easy pass', 'easypass', 'm-pass', 'mpass',
    'rabbit', 'shopee', 'shopeepay', 'lazada', 'line pay', 'netflix', 'spotify', 'itunes', 'google play',
    'gift card', 'fuel', 'gas', 'petrol',
  ],
  /** Subjects other than ordering: promotions, other services, the shop itself, a call back. */
  offTopic: [
    'โปร', 'โปรโมชั่น', 'โปรโมชัน', 'โปรเน็ต', 'โปรโทร', 'แพ็กเกจ', 'แพคเกจ', 'แพ็คเกจ', 'แพ็ก', 'แพ็ค',
    'ย้ายค่าย', 'รายเดือน', 'จ่ายบิล', 'ชำระบิล', 'บิล', 'ซิมใหม่', 'ซื้อซิม', 'เปิดซิม', 'เปิดเบอร์',
    'ลงทะเบียนซิม', 'เบอร์สวย', 'ปลดล็อก', 'เครื่องใหม่', 'ผ่อน', 'ซ่อม', 'ร้านเปิด', 'ร้านปิด', 'เปิดกี่โมง',
    'ปิดกี่โมง', 'กี่โมง', 'ที่อยู่ร้าน', 'ร้านอยู่ไหน', 'ร้านอยู่ที่ไหน', 'แผนที่', 'ค่าส่ง', 'สมัครงาน',
    'ตัวแทน', 'ไวไฟ', 'เน็ตบ้าน', 'ไฟเบอร์', 'โทรกลับ', 'ติดต่อกลับ', 'โทรหา', 'เบอร์ร้าน', 'เบอร์ติดต่อ',
    'ไลน์ไอดี', 'ไม่มีสัญญาณ', 'ส่วนลด', 'ใบเสร็จ', 'ใบกำกับภาษี', 'สมัคร', 'ที่ไหน', 'ตรงไหน', 'แถวไหน',
    'ไหนดี', 'package', 'promotion', 'promo', 'wifi', 'fiber', 'fibre', 'call me', 'call back', 'callback',
    'line id', 'where', 'which is better', 'discount', 'receipt',
  ],
  /** A complaint about service is a service noun with a quality word ("เน็ตทรูช้ามาก"). */
  serviceNoun: ['เน็ต', 'อินเทอร์เน็ต', 'อินเตอร์เน็ต', 'สัญญาณ', 'คลื่น', 'สาย', 'internet', 'net', 'signal'],
  quality: [
    'ช้า', 'หลุด', 'หาย', 'อืด', 'เต่า', 'ห่วย', 'แย่', 'กาก', 'ล่ม', 'ไม่แรง', 'ไม่ดี', 'ไม่ค่อยดี', 'ไม่ติด',
    'ไม่ออก', 'ใช้ไม่ได้', 'ติดๆดับๆ', 'slow', 'down', 'bad',
  ],
} as const satisfies Record<string, readonly string[]>;
