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
   * Weak aliases count only when nothing else in the message makes sense of them (English "my"
   * in "top up my phone" is a possessive, a lone "my" reply is the network).
   */
  readonly weak?: boolean;
  /** Why a blocker exists; surfaced as a flag when useful to the conversation. */
  readonly note?: 'trueMoney' | 'possessiveMy';
}

export const NETWORK_VOCABULARY: readonly NetworkEntry[] = [
  {
    network: 'AIS',
    aliases: [
      'ais', 'เอไอเอส', 'เอไอเอ็ส', 'เอ ไอ เอส', 'เอไอเอด',
      'one-2-call', 'one 2 call', 'one2call', 'one-2call', 'one two call', '1-2-call', '12call', '12 call',
      '1 2 call', '1-2 call', '1-2call', 'วันทูคอล', 'วันทูคอลล์', 'วันทูคอ', 'วัน ทู คอล', 'วันทูโคล',
      'ais one-2-call', 'ais 12call', 'เอไอเอส วันทูคอล', 'ais 3g', 'ais3g', 'ais 4g', 'ais 5g',
      'เอไอเอส 3จี', 'ais prepaid',
    ],
  },
  {
    network: 'DTAC',
    aliases: [
      'dtac', 'ดีแทค', 'ดีแทก', 'ดีแท็ค', 'ดีแทด', 'ดีเทค', 'ดี แทค', 'd-tac', 'd tac',
      'happy', 'แฮปปี้', 'แฮปปี', 'แฮบปี้', 'dtac happy', 'ดีแทคแฮปปี้', 'ดีแทค แฮปปี้', 'happy dtac',
      'dtac trinet', 'ดีแทคไตรเน็ต',
    ],
  },
  {
    network: 'TRUE',
    aliases: [
      'true', 'ทรู', 'ทรูมูฟ', 'ทรูมูฟเอช', 'ทรูมูฟ เอช', 'ทรู มูฟ', 'ทรู มูฟ เอช', 'ทรูมูฟh', 'ทรูมูฟ h',
      'ทรูมุฟ', 'ทรูมูพ', 'ทรูเอช', 'truemove', 'true move', 'truemove h', 'truemoveh', 'true move h',
      'truemove-h', 'true h', 'tmh', 'true 4g', 'true 5g',
    ],
  },
  {
    network: 'TOT',
    aliases: [
      'tot', 'ทีโอที', 'ที โอ ที', 'tot3g', 'tot 3g', 'tot-3g', 'ทีโอที 3g', 'ทีโอที3g', 'ทีโอที3จี',
      'ทีโอที 3จี', 'tot mobile', 'ทีโอทีโมบาย',
    ],
  },
  {
    network: 'MY',
    aliases: [
      'มาย', 'มายบายแคท', 'มาย บาย แคท', 'มายบายเอ็นที', 'มาย บาย เอ็นที', 'มาย by cat', 'มาย by nt',
      'my by cat', 'my by nt', 'mybycat', 'mybynt', 'my-by-cat', 'my by cat 3g', 'my 3g', 'my3g',
      'my cat', 'my nt', 'my by', 'มาย 3จี', 'มายแคท',
    ],
  },
  // English "my" on its own: see refiners/weak-network.ts.
  { network: 'MY', aliases: ['my'], weak: true },
  {
    network: 'FEELS',
    aliases: ['feels', 'ฟีลส์', 'ฟีล', 'ฟีลส', 'ฟีลล์', 'feels mobile', 'ฟีลส์ โมบาย', 'ฟีลส์โมบาย'],
  },
  {
    network: 'PENGUIN',
    aliases: [
      'penguin', 'เพนกวิน', 'เพนกวิ้น', 'เพนกวิ่น', 'เพ็นกวิน', 'เพนกวิล', 'เพนกวิน ซิม', 'penguin sim',
      'เพนกวินซิม', 'pengiun',
    ],
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
    aliases: [
      'ทรูไอดี', 'trueid', 'true id', 'ทรูวิชั่น', 'ทรูวิชั่นส์', 'truevisions', 'true visions',
      'ทรูออนไลน์', 'true online', 'ทรูคอฟฟี่', 'true coffee',
      // Shops and service centres: a question about a place, not a top-up.
      'ศูนย์ทรู', 'ศูนย์บริการทรู', 'ทรูช็อป', 'ทรูช้อป', 'true shop', 'ศูนย์เอไอเอส', 'ศูนย์บริการเอไอเอส',
      'ais shop', 'ศูนย์ดีแทค', 'ศูนย์บริการดีแทค', 'dtac hall',
      'happy birthday', 'happy new year', 'แฮปปี้เบิร์ดเดย์', 'แฮปปี้นิวเยียร์',
      'ฟีลลิ่ง', 'feeling', 'ฟีลแฟน', 'ฟีลดี',
      // มาย inside ordinary Thai words (หมาย = number/meaning, มากมาย = plenty, มายา = illusion).
      'หมาย', 'มากมาย', 'มายา', 'มายด์',
    ],
  },
  {
    // "my" inside English phrases that are never the network.
    network: null,
    note: 'possessiveMy',
    aliases: [
      'my phone', 'my number', 'my mobile', 'my friend', 'my mom', 'my dad', 'my account', 'my son',
      'my wife', 'my credit', 'my balance', 'my order', 'my money', 'my sim',
    ],
  },
];
