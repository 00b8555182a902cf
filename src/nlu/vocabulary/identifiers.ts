/**
 * Words that say the digits after them identify something (a bank account, an ID card, a
 * parcel, a postcode, a room, a code), so they are neither a phone number to top up nor money.
 * Bank names count: "โอนเข้ากสิกร 123-4-56789-0". See extractors/identifiers.ts.
 */
export const IDENTIFIER_CUES: readonly string[] = [
  // Accounts and payments.
  'บัญชี', 'เลขบัญชี', 'เลขที่บัญชี', 'บช', 'บ/ช', 'บ.ช.', 'account', 'acc', 'acct', 'a/c', 'ธนาคาร', 'bank',
  'กสิกร', 'กสิกรไทย', 'kbank', 'k-bank', 'ไทยพาณิชย์', 'scb', 'ธนาคารกรุงเทพ', 'bbl', 'บัวหลวง', 'กรุงไทย', 'ktb',
  'กรุงศรี', 'krungsri', 'ttb', 'ทีทีบี', 'ทหารไทย', 'ธนชาต', 'ออมสิน', 'gsb', 'ธกส', 'ธ.ก.ส.', 'baac', 'uob',
  'ยูโอบี', 'cimb', 'ซีไอเอ็มบี', 'kkp', 'เกียรตินาคิน', 'tisco', 'ทิสโก้', 'แลนด์แอนด์เฮ้าส์', 'icbc',
  'พร้อมเพย์', 'promptpay', 'prompt pay',
  // People.
  'บัตรประชาชน', 'บัตรปชช', 'ปชช', 'เลขบัตร', 'เลขประจำตัว', 'เลขประจำตัวประชาชน', 'id card', 'citizen id',
  'national id', 'พาสปอร์ต', 'passport',
  // Parcels, addresses, places.
  'พัสดุ', 'เลขพัสดุ', 'tracking', 'track', 'แทรค', 'เลขแทรค', 'kerry', 'เคอรี่', 'flash', 'แฟลช', 'ไปรษณีย์',
  'รหัสไปรษณีย์', 'zip', 'zipcode', 'postcode', 'post code', 'postal code', 'บ้านเลขที่', 'เลขที่', 'ห้อง',
  'หมู่', 'ซอย', 'ตึก', 'อาคาร', 'ชั้น', 'ทะเบียน', 'ทะเบียนรถ', 'ที่นั่ง', 'เลขที่นั่ง', 'seat', 'โต๊ะ', 'table',
  'โซน', 'zone',
  // Codes.
  'รหัส', 'โค้ด', 'code', 'otp', 'pin', 'พิน', 'ref', 'อ้างอิง', 'เลขอ้างอิง', 'invoice', 'serial', 'ซีเรียล',
  'imei', 'มิเตอร์', 'เลขมิเตอร์', 'ใบแจ้งหนี้',
];

/** What may stand between a cue and its digits: "บัญชี: 123…", "เลขที่ 99", "ห้อง no. 5". */
export const IDENTIFIER_FILLERS: readonly string[] = ['คือ', 'ที่', 'เลข', 'no', 'no.', 'number', ':', '#', '-', '.'];
