import type { Network } from '../../networks.ts';

/**
 * Network aliases as data. Every alias is written in normalised form (see normalise.ts): lower
 * case, ASCII digits, single spaces. The scanner tries the longest alias first at each position,
 * so product names (ทรูมูฟเอช) beat their prefixes (ทรู) and blockers (ทรูมันนี่) beat the brand
 * they contain.
 */
export interface NetworkEntry {
  /** null: recognised and consumed, but not a network (blockers and brand tokens such as 3g). */
  readonly network: Network | null;
  readonly aliases: readonly string[];
  /**
   * The word has another everyday sense (มาย a nickname, ฟีล "feel", เอไอ "AI", a real penguin,
   * English "true" and "happy"): it names a network only in a top-up frame or as a reply on its
   * own (refiners/weak-network.ts).
   */
  readonly weak?: boolean;
  /** Why a blocker exists; the intent refiner and the flags use it. */
  readonly note?: 'trueMoney' | 'otherService' | 'place';
}

export const NETWORK_VOCABULARY: readonly NetworkEntry[] = [
  {
    network: 'AIS',
    aliases: [
      'ais', 'เอไอเอส', 'เอไอเอ็ส', 'เอ ไอ เอส', 'เอไอเอด', 'เอไอเอศ', 'เอไอเอซ',
      'one-2-call', 'one 2 call', 'one2call', 'one-2call', 'one two call', '1-2-call', '12call', '12 call',
      '1 2 call', '1-2 call', '1-2call', 'วันทูคอล', 'วันทูคอลล์', 'วันทูคอ', 'วัน ทู คอล', 'วันทูโคล',
      'ais one-2-call', 'ais 12call', 'เอไอเอส วันทูคอล', 'ais 3g', 'ais3g', 'ais 4g', 'ais 5g',
      'เอไอเอส 3จี', 'ais prepaid',
    ],
  },
  { network: 'AIS', weak: true, aliases: ['เอไอ', 'เอ ไอ'] },
  {
    network: 'DTAC',
    aliases: [
      'dtac', 'ดีแทค', 'ดีแทก', 'ดีแท็ค', 'ดีแทด', 'ดีเทค', 'ดี แทค', 'd-tac', 'd tac',
      'dtac happy', 'ดีแทคแฮปปี้', 'ดีแทค แฮปปี้', 'happy dtac', 'dtac trinet', 'ดีแทคไตรเน็ต',
    ],
  },
  { network: 'DTAC', weak: true, aliases: ['happy', 'แฮปปี้', 'แฮปปี', 'แฮบปี้'] },
  {
    network: 'TRUE',
    aliases: [
      'ทรู', 'ทรุ', 'ทรูมูฟ', 'ทรูมูฟเอช', 'ทรูมูฟ เอช', 'ทรู มูฟ', 'ทรู มูฟ เอช', 'ทรูมูฟh', 'ทรูมูฟ h',
      'ทรูมุฟ', 'ทรูมูพ', 'ทรูเอช', 'truemove', 'true move', 'truemove h', 'truemoveh', 'true move h',
      'truemove-h', 'true h', 'tmh', 'true 4g', 'true 5g',
    ],
  },
  { network: 'TRUE', weak: true, aliases: ['true'] },
  {
    network: 'TOT',
    aliases: [
      'tot', 'ทีโอที', 'ที โอ ที', 'tot3g', 'tot 3g', 'tot-3g', 'ทีโอที 3g', 'ทีโอที3g', 'ทีโอที3จี',
      'ทีโอที 3จี', 'tot mobile', 'ทีโอทีโมบาย',
    ],
  },
  {
    // my by NT (formerly my by CAT): NT and CAT are the company's names for it.
    network: 'MY',
    aliases: [
      'มายบายแคท', 'มาย บาย แคท', 'มายบายเอ็นที', 'มาย บาย เอ็นที', 'มาย by cat', 'มาย by nt',
      'my by cat', 'my by nt', 'mybycat', 'mybynt', 'my-by-cat', 'my by cat 3g', 'my 3g', 'my3g', 'my by',
      'มาย 3จี', 'มายแคท', 'nt mobile', 'ntmobile', 'เอ็นที', 'เอ็นทีโมบาย', 'เอ็นที โมบาย', 'cat mobile',
      'cat telecom', 'แคทโมบาย', 'แคท เทเลคอม', 'แคทเทเลคอม',
    ],
  },
  // English "my" is also a possessive: see refiners/weak-network.ts.
  { network: 'MY', weak: true, aliases: ['my', 'มาย', 'my cat', 'my nt', 'nt', 'cat', 'แคท'] },
  { network: 'FEELS', aliases: ['feels', 'ฟีลส์', 'ฟีลส', 'ฟีลล์', 'feels mobile', 'ฟีลส์ โมบาย', 'ฟีลส์โมบาย'] },
  { network: 'FEELS', weak: true, aliases: ['ฟีล'] },
  { network: 'PENGUIN', aliases: ['เพนกวิน ซิม', 'penguin sim', 'เพนกวินซิม', 'penguin mobile'] },
  {
    network: 'PENGUIN',
    weak: true,
    aliases: ['penguin', 'เพนกวิน', 'เพนกวิ้น', 'เพนกวิ่น', 'เพ็นกวิน', 'เพนกวิล', 'pengiun'],
  },
  // Brand tokens that carry digits: consumed so that "3" in "3g" is never an amount.
  { network: null, aliases: ['2g', '3g', '4g', '5g', '3จี', '4จี', '5จี', 'lte', '4g+', 'iphone', 'ไอโฟน'] },
  // Wallets and other products of the same companies are not mobile networks.
  {
    network: null,
    note: 'trueMoney',
    aliases: [
      'ทรูมันนี่', 'ทรูมันนี', 'ทรูมันนี่วอลเล็ท', 'ทรูมันนี่ วอลเล็ท', 'ทรู มันนี่', 'ทรูมันนี่วอลเลท',
      'truemoney', 'true money', 'truemoney wallet', 'true wallet', 'truewallet', 'ทรูวอลเล็ท',
      'ทรูวอลเลท', 'ทรูวอลเล็ต', 'ทรู วอลเล็ท',
    ],
  },
  {
    network: null,
    note: 'otherService',
    aliases: [
      'ทรูไอดี', 'trueid', 'true id', 'ทรูวิชั่น', 'ทรูวิชั่นส์', 'truevisions', 'true visions', 'ทรูออนไลน์',
      'true online', 'ทรูคอฟฟี่', 'true coffee', 'ทรูพอยท์', 'ทรูพอยต์', 'true point', 'ทรูการ์ด', 'true card',
      'ทรูยู', 'trueyou', 'true you', 'ทรูไลฟ์', 'ทรูปลูกปัญญา', 'ทรูเน็ตบ้าน', 'เอไอเอสไฟเบอร์', 'ais fibre',
      'ais fiber', 'ais playbox', 'ais play', 'ais point', 'เอไอเอสพอยท์', 'dtac reward', 'ดีแทครีวอร์ด',
    ],
  },
  {
    // Shops and service centres: a question about a place, not a top-up.
    network: null,
    note: 'place',
    aliases: [
      'ศูนย์ทรู', 'ศูนย์บริการทรู', 'ทรูช็อป', 'ทรูช้อป', 'true shop', 'ศูนย์เอไอเอส', 'ศูนย์บริการเอไอเอส',
      'ais shop', 'ศูนย์ดีแทค', 'ศูนย์บริการดีแทค', 'dtac hall',
    ],
  },
  {
    network: null,
    aliases: [
      'happy birthday', 'happy new year', 'แฮปปี้เบิร์ดเดย์', 'แฮปปี้นิวเยียร์', 'ฟีลลิ่ง', 'feeling', 'ฟีลแฟน',
      'ฟีลดี', 'ฟีลกู๊ด',
      // มาย inside ordinary Thai words (หมาย = number/meaning, มากมาย = plenty, มายา = illusion).
      'หมาย', 'มากมาย', 'มายา', 'มายด์',
    ],
  },
];

/**
 * Words glued right before a weak alias that make it a name or another thing: น้องมาย, พี่แคท
 * (nicknames), ถามเอไอ (AI), ตุ๊กตาเพนกวิน (a toy).
 */
export const WEAK_VETO_BEFORE: readonly string[] = [
  'น้อง', 'พี่', 'คุณ', 'แม่', 'พ่อ', 'ป้า', 'ลุง', 'น้า', 'ยาย', 'เพื่อน', 'แฟน', 'ลูก', 'หลาน', 'ชื่อ', 'เจ้', 'เฮีย',
  'ถาม', 'ใช้', 'แชท', 'ระบบ', 'ตุ๊กตา', 'นก', 'มีฟีล', 'ได้ฟีล',
];

/** Words right after a weak alias (one space allowed) that make it a person or a thing. */
export const WEAK_VETO_AFTER: readonly string[] = ['ตอบ', 'บอก', 'เขียน', 'คิด', 'น่ารัก', 'ขั้วโลก', 'จักรพรรดิ'];

/** Slot nouns right before a weak alias that make it a network: ค่ายมาย, ซิมเพนกวิน. */
export const WEAK_FRAME_BEFORE: readonly string[] = ['ค่าย', 'ซิม', 'เครือข่าย', 'sim', 'network'];
