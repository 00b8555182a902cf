import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

/** extractors/spoken-phone.ts: numbers read out digit by digit. */
describe('spoken phone numbers', () => {
  it.each([
    ['ศูนย์ แปด หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด', '0812345678'],
    ['ศูนย์แปดหนึ่งสองสามสี่ห้าหกเจ็ดแปด', '0812345678'],
    ['ศูนย์แปดหนึ่ง-สองสามสี่-ห้าหกเจ็ดแปด', '0812345678'],
    ['ศูนย์ เก้า แปด เจ็ด หก ห้า สี่ สาม สอง หนึ่ง', '0987654321'],
    ['ศูนย์ แปด โท สาม สี่ ห้า หก เจ็ด แปด เก้า', '0823456789'],
    ['08 หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด', '0812345678'],
    ['081 สอง สาม สี่ 5678', '0812345678'],
    ['zero eight one two three four five six seven eight', '0812345678'],
    ['Zero Nine Two, Three Four Five, Six Seven Eight Nine', '0923456789'],
    ['เบอร์ศูนย์หกหนึ่ง สองสามสี่ ห้าหกเจ็ดแปดค่ะ', '0612345678'],
  ])('%s → %s', (text, number) => {
    const r = parse(text);
    expect(r.number).toBe(number);
    expect(r.sources.number).toBe('phone.words');
    expect(r.amount).toBeNull();
  });

  it('a dictated number that is not a mobile is flagged', () => {
    const r = parse('ศูนย์ สอง หนึ่ง สอง สาม สี่ ห้า หก เจ็ด');
    expect(r.number).toBeNull();
    expect(r.flags.invalidNumber).toBe(true);
  });

  it.each([
    ['หนึ่ง สอง สาม สี่ ห้า หก เจ็ด แปด เก้า', 'counting, no leading zero'],
    ['สองสามวันก่อน', 'two or three days'],
    ['ศูนย์ แปด หนึ่ง', 'too short'],
    ['ห้าสิบ', 'a number word'],
    ['ศูนย์บริการ', 'a service centre'],
    ['someone said one two three', 'English words holding digit words'],
    ['โทรหาหน่อย', 'โท inside โทร'],
  ])('%s is no phone number (%s)', (text) => {
    const r = parse(text);
    expect(r.number).toBeNull();
    expect(r.flags.invalidNumber).toBe(false);
  });
});
