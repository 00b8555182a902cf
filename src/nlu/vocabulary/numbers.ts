/**
 * Thai number words and the amount context around them, as data. All strings are normalised.
 */
export type NumberWordKind = 'digit' | 'multiplier' | 'million' | 'half' | 'twenty';

export interface NumberWord {
  readonly kind: NumberWordKind;
  readonly value: number;
  /**
   * Words with a grammatical role the evaluator must know: เอ็ด (one, only as the last digit after
   * a multiplier), ยี่ (two, only before สิบ), นึง (colloquial one: ร้อยนึง = one hundred),
   * ศูนย์ (zero, only on its own).
   */
  readonly role?: 'ed' | 'yi' | 'one' | 'zero';
}

export const NUMBER_WORDS: Readonly<Record<string, NumberWord>> = {
  ศูนย์: { kind: 'digit', value: 0, role: 'zero' },
  หนึ่ง: { kind: 'digit', value: 1, role: 'one' },
  หนื่ง: { kind: 'digit', value: 1, role: 'one' },
  นึง: { kind: 'digit', value: 1, role: 'one' },
  นึ่ง: { kind: 'digit', value: 1, role: 'one' },
  เอ็ด: { kind: 'digit', value: 1, role: 'ed' },
  เอ็ต: { kind: 'digit', value: 1, role: 'ed' },
  สอง: { kind: 'digit', value: 2 },
  ยี่: { kind: 'digit', value: 2, role: 'yi' },
  สาม: { kind: 'digit', value: 3 },
  สี่: { kind: 'digit', value: 4 },
  ห้า: { kind: 'digit', value: 5 },
  หก: { kind: 'digit', value: 6 },
  เจ็ด: { kind: 'digit', value: 7 },
  แปด: { kind: 'digit', value: 8 },
  เก้า: { kind: 'digit', value: 9 },
  เก่า: { kind: 'digit', value: 9 },
  สิบ: { kind: 'multiplier', value: 10 },
  ร้อย: { kind: 'multiplier', value: 100 },
  ฮ้อย: { kind: 'multiplier', value: 100 }, // Isan
  // Northern and Isan ซาว = twenty, a tens word with its own coefficient: ซาวห้า = 25.
  ซาว: { kind: 'twenty', value: 20 },
  พัน: { kind: 'multiplier', value: 1000 },
  หมื่น: { kind: 'multiplier', value: 10_000 },
  แสน: { kind: 'multiplier', value: 100_000 },
  ล้าน: { kind: 'million', value: 1_000_000 },
  // พันครึ่ง = one and a half thousand.
  ครึ่ง: { kind: 'half', value: 0.5 },
};

/** Multipliers that may follow Arabic digits: "5ร้อย" = 500, "2 พัน" = 2000. */
export const DIGIT_MULTIPLIERS: Readonly<Record<string, number>> = {
  ร้อย: 100,
  พัน: 1000,
  หมื่น: 10_000,
  k: 1000,
};

/** Words that contain a number word but are not numbers (เรียบร้อย = done, สามี = husband). */
export const NUMBER_WORD_BLOCKERS: readonly string[] = [
  'เรียบร้อย', 'ร้อยละ', 'ร้อยเปอร์เซ็น', 'ร้อยเปอร์', 'ห้าง', 'ห้าม', 'เก้าอี้', 'สามี', 'สามารถ', 'สามเณร',
  'พันธ', 'พันธุ์', 'สัมพันธ์', 'ผูกพัน', 'พันธมิตร', 'พันทิป', 'แสนดี', 'แสนสวย', 'แสนรัก', 'แสนสิริ',
  'หกล้ม', 'สี่แยก', 'ร้อยเอ็ดจังหวัด', 'ศูนย์บริการ', 'ศูนย์ทรู', 'ศูนย์เอไอเอส', 'ยี่ห้อ', 'หนึ่งเดียว',
  'นึงนึก', 'สิบล้อ', 'สองแถว', 'สองจิตสองใจ', 'เจ็ดสิบเอ็ดจังหวัด', 'ห้าห้า', 'ห้าห้าห้า',
  'พันเอก', 'พันโท', 'พันตรี', 'พันจ่า', 'พัวพัน', 'คงกระพัน', 'สิบเอก', 'สิบโท', 'สิบตรี', 'ร้อยตรี', 'ร้อยโท',
  'ร้อยเอก', 'ร้อยเวร', 'ร้อยเรียง', 'ซาวด์', 'ซาวน่า',
];

/** Currency written after an amount: 50บาท, 50 บ., 50.-, 50 thb, 50฿. Longest first is automatic. */
export const CURRENCY_SUFFIXES: readonly string[] = [
  'บาทถ้วน', 'บาท', 'บ.', 'บ', '฿', '.-', '.-บาท', '.- บาท', '-', 'thb', 'baht', 'bath', 'bht', 'ถ้วน', 'บาทค่ะ',
];

/**
 * Units that make the number before them something other than money: "2 เบอร์" (two numbers),
 * "10 หลัก" (ten digits), "5 นาที", "10 โมง", "2 gb". The value is the largest number the unit
 * blocks: "เติม 100 เบอร์ 08…" is 100 baht for a number, "2 เบอร์" is two numbers. 0 marks an
 * exception that never blocks (วันนี้ starts with the unit วัน but "50 วันนี้" is 50 baht today).
 */
export const NON_MONEY_UNITS: Readonly<Record<string, number>> = {
  ครั้ง: 20, รอบ: 20, ข้อ: 20, อัน: 20, ชิ้น: 20, เครื่อง: 20, คน: 50, รายการ: 20, x: 10,
  เบอร์: 9, ซิม: 9, sim: 9, เลข: 13, ตัวเลข: 13, หลัก: 13, ตัว: 13,
  นาที: Infinity, วินาที: Infinity, วัน: Infinity, ชั่วโมง: Infinity, ชม: Infinity, 'ชม.': Infinity,
  โมง: Infinity, ทุ่ม: Infinity, เดือน: Infinity, ปี: Infinity, ขวบ: Infinity, 'น.': Infinity,
  นาฬิกา: Infinity, min: Infinity, mins: Infinity, hr: Infinity, hrs: Infinity, day: Infinity,
  days: Infinity, am: Infinity, pm: Infinity, งวด: Infinity,
  กิ๊ก: Infinity, กิ๊กะ: Infinity, กิกะ: Infinity, กิก: Infinity, เม็ก: Infinity, เมก: Infinity, เมกะ: Infinity,
  gb: Infinity, mb: Infinity, kb: Infinity, g: Infinity, m: Infinity, '%': Infinity, เปอร์เซ็น: Infinity,
  เปอร์เซ็นต์: Infinity, เปอร์: Infinity, เท่า: Infinity, กิโล: Infinity, โล: Infinity, ดาว: Infinity,
  คะแนน: Infinity, แต้ม: Infinity, point: Infinity, points: Infinity, สตางค์: Infinity, 'สต.': Infinity,
  ใบ: 20, คู่: 20, ชุด: 20, ห่อ: 20, กล่อง: 20, ขวด: 20, แก้ว: 20, จาน: 20, คัน: 20, เล่ม: 20, แผ่น: 20,
  ลิตร: Infinity, องศา: Infinity, เมตร: Infinity, กม: Infinity, 'กม.': Infinity, km: Infinity, ซม: Infinity,
  cm: Infinity, นิ้ว: Infinity, ที่นั่ง: Infinity,
  // A number before a month is a day of it.
  มกรา: Infinity, กุมภา: Infinity, มีนา: Infinity, เมษา: Infinity, พฤษภา: Infinity, มิถุนา: Infinity,
  กรกฎา: Infinity, สิงหา: Infinity, กันยา: Infinity, ตุลา: Infinity, พฤศจิกา: Infinity, ธันวา: Infinity,
  'ม.ค.': Infinity, 'ก.พ.': Infinity, 'มี.ค.': Infinity, 'เม.ย.': Infinity, 'พ.ค.': Infinity, 'มิ.ย.': Infinity,
  'ก.ค.': Infinity, 'ส.ค.': Infinity, 'ก.ย.': Infinity, 'ต.ค.': Infinity, 'พ.ย.': Infinity, 'ธ.ค.': Infinity,
  jan: Infinity, feb: Infinity, mar: Infinity, apr: Infinity, jun: Infinity, jul: Infinity,
  aug: Infinity, sep: Infinity, oct: Infinity, nov: Infinity, dec: Infinity,
  // Exceptions: words that begin with a unit but leave the number as money.
  วันนี้: 0, เบอร์นี้: 0, อันนี้: 0, เลขหมาย: 0, ตัวเอง: 0, รายการนี้: 0, ครั้งนี้: 0, ครั้งเดียว: 0,
};

/**
 * Words right before a number that make it an ordinal, a time, a year or an age, not money.
 * (Codes, rooms and accounts are taken earlier, with their digits: vocabulary/identifiers.ts.)
 */
export const NON_MONEY_PREFIXES: readonly string[] = [
  'ที่', 'ข้อ', 'no.', 'อันดับ', 'ลำดับ', 'รุ่น', 'ไอโฟน', 'iphone', 'ร้อยละ', 'บ่าย', 'ตี', 'เที่ยง', 'งวด',
  'ep', 'ภาค', 'ver', 'ครั้งที่', 'วันที่', 'เบอร์ที่', 'ตัวที่', 'ปี', 'พ.ศ.', 'พ.ศ', 'พศ', 'ค.ศ.', 'ค.ศ', 'คศ',
  'อายุ', 'เวลา', 'แถว', 'ห้อง', 'ซอย', 'หมู่', 'เลขที่', 'โค้ด', 'code', 'otp', 'ref', 'รหัส', 'ชั้น',
];

/**
 * Face values a shop sells, for a number that stands alone with nothing to say it is money ("100"
 * as a whole message is 100 baht; "2567" or "37" is not). Any amount counts once a top-up word,
 * a network, a number, a currency or the bot's own question frames it.
 */
export function isCommonFaceValue(value: number): boolean {
  return value >= 10 && value <= 1000 && value % 10 === 0;
}

/** Largest bare number read as money without a currency: above it, 2024 or 2567 is a year. */
export const MAX_BARE_AMOUNT = 1500;

/** Digits as words, read one by one when a phone number is dictated ("ศูนย์ แปด หนึ่ง …"). */
export const SPOKEN_DIGITS: Readonly<Record<string, number>> = {
  ศูนย์: 0, หนึ่ง: 1, นึง: 1, สอง: 2, โท: 2, สาม: 3, สี่: 4, ห้า: 5, หก: 6, เจ็ด: 7, แปด: 8, เก้า: 9,
  zero: 0, oh: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
