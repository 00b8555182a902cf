import { describe, expect, it } from 'vitest';
import { parse, type Intent } from '../../src/nlu/index.ts';
import { isNetwork, type Network } from '../../src/networks.ts';

type Row = [text: string, intent: Intent, number: string | null, network: Network | null, amount: number | null];

/** Whole messages, written the way customers type them in LINE. */
describe('parse: whole messages', () => {
  it.each<Row>([
    ['เติม 50 ให้ 0812345678 ทรู ครับ', 'topup', '0812345678', 'TRUE', 50],
    ['ทรู 0812345678 100 บาท ค่ะ', 'topup', '0812345678', 'TRUE', 100],
    ['0812345678 ais 50', 'topup', '0812345678', 'AIS', 50],
    ['เติมเงิน ๕๐ บาท เบอร์ ๐๘๑๒๓๔๕๖๗๘', 'topup', '0812345678', null, 50],
    ['เติม ๑๐๐ ดีแทค ๐๘๑-๒๓๔-๕๖๗๘', 'topup', '0812345678', 'DTAC', 100],
    ['+66812345678 ais 100', 'topup', '0812345678', 'AIS', 100],
    ['เติมเงินค่ายทรู 0812345678 จำนวน 100 บาทค่ะ', 'topup', '0812345678', 'TRUE', 100],
    ['เติม50บาท0812345678ทรู', 'topup', '0812345678', 'TRUE', 50],
    ['ais50 0812345678', 'topup', '0812345678', 'AIS', 50],
    ['ขอเติม 12call 300 เบอร์ 081-234-5678', 'topup', '0812345678', 'AIS', 300],
    ['เติม one-2-call 20 บาท', 'topup', null, 'AIS', 20],
    ['เติมเงิน 1-2-call ห้าสิบบาท 0812345678', 'topup', '0812345678', 'AIS', 50],
    ['TrueMove H 0812345678 1000', 'topup', '0812345678', 'TRUE', 1000],
    ['ทรูมูฟเอช 500', 'topup', null, 'TRUE', 500],
    ['เติมให้หน่อยค่ะ เบอร์ 0898765432 ดีแทค 100 บาท', 'topup', '0898765432', 'DTAC', 100],
    ['เติมทรู ร้อยนึง', 'topup', null, 'TRUE', 100],
    ['เติมทรูร้อยนึงค่ะ 0861234567', 'topup', '0861234567', 'TRUE', 100],
    ['Refill 100 baht AIS 0891234567', 'topup', '0891234567', 'AIS', 100],
    ['topup 50 dtac 0812345678', 'topup', '0812345678', 'DTAC', 50],
    ['Top up 0812345678 true 50THB', 'topup', '0812345678', 'TRUE', 50],
    ['พี่คะ เติมเงินให้หน่อย 0812345678 ทรู 50 บาทค่ะ ขอบคุณค่ะ', 'topup', '0812345678', 'TRUE', 50],
    ['เติม 300 ais ครับ เบอร์ 08-1234-5678', 'topup', '0812345678', 'AIS', 300],
    ['ฝากเติม ทรู 0654321987 50', 'topup', '0654321987', 'TRUE', 50],
    ['ทรู ๕๐ ๐๘๑๒๓๔๕๖๗๘', 'topup', '0812345678', 'TRUE', 50],
    ['DTAC 0812345678 150', 'topup', '0812345678', 'DTAC', 150],
    ['เติม ๑,๐๐๐ บาท', 'topup', null, null, 1000],
    ['เติมสามร้อย ais', 'topup', null, 'AIS', 300],
    ['เอไอเอส ห้าร้อย', 'topup', null, 'AIS', 500],
    ['เติมเงินวันทูคอล ๑๐๐ บาท', 'topup', null, 'AIS', 100],
    ['เติมแฮปปี้ 50', 'topup', null, 'DTAC', 50],
    ['เพนกวิน 100', 'topup', null, 'PENGUIN', 100],
    ['ฟีลส์ 50 บาท', 'topup', null, 'FEELS', 50],
    ['มาย 100 0812345678', 'topup', '0812345678', 'MY', 100],
    ['my by cat 50', 'topup', null, 'MY', 50],
    ['tot3g 100', 'topup', null, 'TOT', 100],
    ['ทีโอที 200', 'topup', null, 'TOT', 200],
    ['เติม 100 เบอร์ 0812345678', 'topup', '0812345678', null, 100],
    ['เติม 50 วันนี้ได้ไหม', 'topup', null, null, 50],
    ['เติมให้แม่หน่อย ร้อยบาท ทรู', 'topup', null, 'TRUE', 100],
    ['อยากเติมเงินค่าย dtac 20 บาทค่ะ', 'topup', null, 'DTAC', 20],
    ['เติมให้สามีค่ะ 100', 'topup', null, null, 100],
    ['0812345678 ทรู 50 😊🙏', 'topup', '0812345678', 'TRUE', 50],
    ['เติม 50 ค่ะ 😊😊', 'topup', null, null, 50],
    ['ขอเติม ๒๐๐ ดีแทค ๐๙๒-๓๔๕-๖๗๘๙', 'topup', '0923456789', 'DTAC', 200],
    ['เบอร์ 0812345678 ค่าย ais เติม 100 บาท', 'topup', '0812345678', 'AIS', 100],
    ['โอน 100 แล้วนะคะ เติมทรู 0812345678', 'topup', '0812345678', 'TRUE', 100],
    ['ทรู 0812345678 ห้าสิบ', 'topup', '0812345678', 'TRUE', 50],
    ['0812345678 เพนกวิ้น สองร้อย', 'topup', '0812345678', 'PENGUIN', 200],
    ['เติม 1000.00 บาท ais 0812345678', 'topup', '0812345678', 'AIS', 1000],
    ['เติม ฿50 true', 'topup', null, 'TRUE', 50],
    ['ทรู50 0812345678', 'topup', '0812345678', 'TRUE', 50],
    ['dtac50.- 0812345678', 'topup', '0812345678', 'DTAC', 50],
    ['เติมเงิน 20 บาท dtac 0812345678 ด่วนค่ะ!!', 'topup', '0812345678', 'DTAC', 20],
    ['เติมAIS 100บ. 0812345678', 'topup', '0812345678', 'AIS', 100],
    ['ดีแทค 081 234 5678 สามร้อยบาท', 'topup', '0812345678', 'DTAC', 300],
    ['true 0812345678 1,000', 'topup', '0812345678', 'TRUE', 1000],
    ['เติม 2 เบอร์ ทรู 50', 'topup', null, 'TRUE', 50],
    ['ช่วยเติมทรู 100 ให้เบอร์ 0812345678 หน่อยค่ะ', 'topup', '0812345678', 'TRUE', 100],
    ['ขอเติม dtac ห้าสิบบาทถ้วน', 'topup', null, 'DTAC', 50],
    ['เติม 50 บาท 2 ครั้ง ทรู', 'topup', null, 'TRUE', 50],
    // slot replies in a conversation
    ['0812345678', 'topup', '0812345678', null, null],
    ['100', 'topup', null, null, 100],
    ['ทรู', 'topup', null, 'TRUE', null],
    ['ดีแทคค่ะ', 'topup', null, 'DTAC', null],
    ['my', 'topup', null, 'MY', null],
    ['ร้อยบาทค่ะ', 'topup', null, null, 100],
    ['เบอร์ 089-876-5432 ค่ะ', 'topup', '0898765432', null, null],
    // other intents carry slots too
    ['เติมเข้ายัง 0812345678', 'status', '0812345678', null, null],
    ['ยกเลิก 0812345678 ทรู 50', 'cancel', '0812345678', 'TRUE', 50],
    ['เช็คยอด', 'balance', null, null, null],
    ['ไม่ต้องเติมแล้ว', 'cancel', null, null, null],
    ['วิธีใช้', 'help', null, null, null],
    ['สวัสดีค่ะ', 'unknown', null, null, null],
  ])('%s', (text, intent, number, network, amount) => {
    const r = parse(text);
    expect({ intent: r.intent, number: r.number, network: r.network, amount: r.amount }).toEqual({
      intent,
      number,
      network,
      amount,
    });
  });
});

describe('parse: result shape', () => {
  it('reports sources, candidates and spans', () => {
    const r = parse('เติม 50 ให้ 0812345678 ทรู ครับ');
    expect(r.sources).toEqual({ intent: 'เติม', number: 'phone', network: 'network', amount: 'amount.digits' });
    expect(r.candidates).toEqual({ numbers: ['0812345678'], invalidNumbers: [], networks: ['TRUE'] });
    expect(r.amountCandidates).toEqual([50]);
    expect(r.text).toBe('เติม 50 ให้ 0812345678 ทรู ครับ');
    const spans = r.matches.map((m) => r.text.slice(m.start, m.end));
    expect(spans).toEqual(['เติม', '50', '0812345678', 'ทรู', 'ครับ']);
  });

  it('is pure: the same text gives the same result', () => {
    const text = 'ไม่ใช่ ais เป็น ทรู 0812345678 ร้อยห้า';
    expect(parse(text)).toEqual(parse(text));
  });

  it('handles long input without blowing up', () => {
    const text = 'เติม 50 ทรู '.repeat(2000) + '0812345678';
    const r = parse(text);
    expect(r.number).toBe('0812345678');
    expect(r.network).toBe('TRUE');
    expect(r.amount).toBe(50);
  });
});

describe('parse: invariants on random input', () => {
  // Pieces customers type, glued at random: digits, separators, Thai words, brands, emoji.
  const PIECES = [
    '0', '8', '1', '5', '9', '6', '66', '+', '-', '.', ',', ' ', '/', ':', '฿', 'บาท', 'บ.', '.-', 'ทรู', 'ais',
    '12call', '3g', 'my', 'มาย', 'ร้อย', 'ห้า', 'สิบ', 'พัน', 'นึง', 'เอ็ด', 'ยี่', 'ไม่ใช่', 'ไม่เอา', 'เติม',
    'ยกเลิก', '๐', '๘', '😀', '\u200b', 'ค่ะ', 'ครับ', 'เบอร์', 'หมาย', 'ทรูมันนี่', 'ครึ่ง', 'ล้าน', 'แสน',
  ];
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed % n;
  };
  const samples = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + rand(14) }, () => PIECES[rand(PIECES.length)]).join(''),
  );

  it('never throws, and every slot it reports is well-formed', () => {
    for (const text of samples) {
      const r = parse(text);
      if (r.number !== null) expect(r.number, text).toMatch(/^0[689]\d{8}$/);
      if (r.network !== null) expect(isNetwork(r.network), text).toBe(true);
      if (r.amount !== null) {
        expect(Number.isInteger(r.amount), text).toBe(true);
        expect(r.amount, text).toBeGreaterThan(0);
        expect(r.amountCandidates, text).toEqual([r.amount]);
      }
      if (r.flags.ambiguousNumber) expect(r.number, text).toBeNull();
      if (r.flags.ambiguousNetwork) expect(r.network, text).toBeNull();
      if (r.flags.ambiguousAmount) expect(r.amount, text).toBeNull();
      for (const m of r.matches) expect(m.end, text).toBeGreaterThan(m.start);
      // Spans never overlap: one character, one meaning.
      const sorted = [...r.matches].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start, text).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    }
  });
});
