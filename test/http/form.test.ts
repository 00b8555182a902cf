import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/http/form.ts';

const FORM = 'application/x-www-form-urlencoded';
const form = (body: string, contentType = FORM) => parseForm(Buffer.from(body, 'latin1'), contentType);

describe('parseForm', () => {
  it('reads the provider callback as it is sent', () => {
    expect(form('orderid=123456&status_refill=1&status_cancel=0&realamount=48.50&detail=%E0%B8%AA%E0%B8%B3%E0%B9%80%E0%B8%A3%E0%B9%87%E0%B8%88')).toEqual({
      orderid: '123456',
      status_refill: '1',
      status_cancel: '0',
      realamount: '48.50',
      detail: 'สำเร็จ',
    });
  });

  it('+ is a space, a stray % stays, a field without = is empty, the last of a repeated field wins', () => {
    expect(form('a=x+y&b=100%&c&a=z')).toEqual({ a: 'z', b: '100%', c: '' });
  });

  it('decodes in the charset the Content-Type names (TIS-620 from Thai PHP systems)', () => {
    // สำเร็จ in TIS-620 / windows-874.
    expect(form('detail=%CA%D3%E0%C3%E7%A8', `${FORM}; charset=TIS-620`)).toEqual({ detail: 'สำเร็จ' });
    expect(form('detail=ok', `${FORM}; charset=no-such-charset`)).toEqual({ detail: 'ok' });
  });

  it('a body that is not a form is no fields; __proto__ stays an ordinary field', () => {
    expect(form('orderid=1', 'application/json')).toEqual({});
    expect(form('orderid=1', '')).toEqual({});
    const fields = form('__proto__=x&orderid=1');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(fields['__proto__' as 'orderid']).toBe('x');
  });
});
