import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { template, toLanguage, translator } from '../src/i18n.ts';

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree => JSON.parse(readFileSync(new URL(`../locales/${lang}/translation.json`, import.meta.url), 'utf8'));

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** i18next plural forms (`count_one`, `count_other`) are one key; Thai has no plural. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const byBase = (m: Map<string, string>) => new Map([...m].map(([k, v]) => [base(k), v]));

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const th = byBase(leaves(load('th')));
  const en = byBase(leaves(load('en')));

  it('Thai and English have the same keys', () => {
    expect([...en.keys()].filter((k) => !th.has(k))).toEqual([]);
    expect([...th.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('each string uses the same placeholders in both languages', () => {
    const mismatched = [...th].filter(([key, value]) => placeholders(value).join() !== placeholders(en.get(key) ?? '').join());
    expect(mismatched).toEqual([]);
  });

  it('the Thai shop voice is polite: customer sentences end kindly', () => {
    // Every Thai customer message that is a full sentence carries ค่ะ or คะ.
    const sentences = ['welcome', 'greeting', 'ask.network', 'ask.number', 'note.invalidNumber', 'order.pending', 'order.unknown'];
    for (const key of sentences) expect(th.get(key)).toMatch(/ค่ะ|คะ/);
  });

  it('Thai is the default; English only for English profiles', () => {
    expect(toLanguage(undefined)).toBe('th');
    expect(toLanguage('ja')).toBe('th');
    expect(toLanguage('en-US')).toBe('en');
    expect(translator('th')('confirm.confirm')).toBe('ยืนยัน');
    expect(translator('en')('confirm.confirm')).toBe('Confirm');
  });

  it('a compiled template says exactly what t() says, for every string with placeholders', () => {
    for (const [lang, strings] of [['th', leaves(load('th'))], ['en', leaves(load('en'))]] as const) {
      const t = translator(lang);
      for (const [key, text] of strings) {
        const names = placeholders(text);
        if (names.length === 0 || key !== base(key)) continue;
        const vars = Object.fromEntries(names.map((name, i) => [name, `<${name}:${i}>`]));
        expect(template(t, key)(vars), `${lang} ${key}`).toBe(t(key, vars));
      }
    }
  });
});
