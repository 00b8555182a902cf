import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, charsetFromXmlDeclaration, decodeBody, encodeWindows874 } from '../../src/provider/charset.ts';
import { decodeAndParse, parseTopup, TopupXmlError } from '../../src/provider/xml.ts';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/provider/${name}`, import.meta.url));

describe('charset detection', () => {
  it('reads the Content-Type charset', () => {
    expect(charsetFromContentType('text/xml; charset=TIS-620')).toBe('tis-620');
    expect(charsetFromContentType('text/xml;charset="windows-874"')).toBe('windows-874');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
    expect(charsetFromContentType(undefined)).toBeUndefined();
  });

  it('reads the XML declaration', () => {
    expect(charsetFromXmlDeclaration(Buffer.from('<?xml version="1.0" encoding="TIS-620"?><TOPUP/>'))).toBe('tis-620');
    expect(charsetFromXmlDeclaration(Buffer.from("\uFEFF<?xml version='1.0' encoding='iso-8859-11'?>"))).toBe('iso-8859-11');
    expect(charsetFromXmlDeclaration(Buffer.from('<TOPUP/>'))).toBeUndefined();
  });

  it('prefers the header, then the declaration, then UTF-8', () => {
    const thai = 'ยอดเงินคงเหลือไม่เพียงพอ';
    const tis = encodeWindows874(`<?xml version="1.0" encoding="TIS-620"?><TOPUP><DETAIL>${thai}</DETAIL></TOPUP>`);
    expect(decodeBody(tis, 'text/xml; charset=TIS-620').text).toContain(thai);
    expect(decodeBody(tis, 'text/xml').text).toContain(thai); // declaration
    // A header naming UTF-8 wins over a declaration that says otherwise.
    const utf8 = Buffer.from(`<?xml version="1.0" encoding="TIS-620"?><TOPUP><DETAIL>${thai}</DETAIL></TOPUP>`, 'utf8');
    expect(decodeBody(utf8, 'text/xml; charset=utf-8').text).toContain(thai);
    expect(decodeBody(Buffer.from(`<TOPUP>${thai}</TOPUP>`), undefined).charset).toBe('utf-8');
  });

  it.each(['tis-620', 'TIS620', 'iso-8859-11', 'windows-874', 'x-windows-874', 'cp874'])('decodes label %s as windows-874', (label) => {
    expect(decodeBody(Buffer.from([0xa1, 0xd2, 0xc3]), `text/xml; charset=${label}`)).toEqual({ text: 'การ', charset: 'windows-874' });
  });

  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodeBody(Buffer.from('<TOPUP>ก</TOPUP>'), 'text/xml; charset=x-klingon').text).toBe('<TOPUP>ก</TOPUP>');
  });

  it('encodes every Thai character to the byte the standard decoder maps back', () => {
    const decoder = new TextDecoder('windows-874');
    for (let cp = 0x0e01; cp <= 0x0e5b; cp++) {
      if (cp >= 0x0e3b && cp <= 0x0e3e) continue; // unassigned
      const ch = String.fromCodePoint(cp);
      expect(decoder.decode(encodeWindows874(ch))).toBe(ch);
    }
    expect(encodeWindows874('A€😀').toString('latin1')).toBe('A??');
  });
});

describe('TOPUP XML fixtures', () => {
  it('keeps ORDERID zeros and values as strings (UTF-8)', () => {
    const { fields } = decodeAndParse(fixture('refill-success.utf8.xml'), 'text/xml; charset=UTF-8');
    expect(Object.fromEntries(fields)).toEqual({ STATUS: '1', ORDERID: '00123', DISCOUNT: '1.50' });
  });

  it('decodes a windows-874 rejection by its declaration', () => {
    const { fields } = decodeAndParse(fixture('reject-balance.tis620.xml'), 'text/xml');
    expect(fields.get('STATUS')).toBe('0');
    expect(fields.get('DETAIL')).toBe('ยอดเงินคงเหลือไม่เพียงพอ กรุณาเติมเงินเข้าระบบ');
  });

  it('decodes a windows-874 rejection without declaration by its header', () => {
    const { fields } = decodeAndParse(fixture('reject-offline.tis620-nodecl.xml'), 'text/xml; charset=TIS-620');
    expect(fields.get('DETAIL')).toBe('เครือข่ายปิดปรับปรุง');
  });

  it('finds the TOPUP element behind PHP notices', () => {
    const { fields } = decodeAndParse(fixture('refill-php-notice.utf8.xml'));
    expect(fields.get('ORDERID')).toBe('0000987');
  });

  it.each([
    ['refill-truncated.utf8.xml', 'unparseable'],
    ['error-500.html', 'unparseable'],
  ])('%s is %s', (name, reason) => {
    const err = (() => {
      try {
        decodeAndParse(fixture(name));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(TopupXmlError);
    expect((err as TopupXmlError).reason).toBe(reason);
  });

  it('rejects empty, non-TOPUP, repeated and nested replies', () => {
    expect(() => parseTopup('  \n')).toThrow(expect.objectContaining({ reason: 'empty' }));
    expect(() => parseTopup('<RESULT><STATUS>1</STATUS></RESULT>')).toThrow(TopupXmlError);
    expect(() => parseTopup('<TOPUP><STATUS>1</STATUS><ORDERID>1</ORDERID><ORDERID>2</ORDERID></TOPUP>')).toThrow(TopupXmlError);
    expect(() => parseTopup('<TOPUP><STATUS><X>1</X></STATUS></TOPUP>')).toThrow(TopupXmlError);
  });

  it('unescapes entities and reads empty tags as empty strings', () => {
    const fields = parseTopup('<TOPUP><STATUS>0</STATUS><DETAIL>A &amp; B</DETAIL><X/></TOPUP>');
    expect(fields.get('DETAIL')).toBe('A & B');
    expect(fields.get('X')).toBe('');
  });
});
