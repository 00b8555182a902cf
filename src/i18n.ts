/**
 * Translations: every customer- and owner-facing string lives in `locales/<lang>/translation.json`.
 * Thai is the default and the fallback; English is chosen from the customer's LINE profile.
 */
import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';

export const LANGUAGES = ['th', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function loadLocale(lang: Language): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../locales/${lang}/translation.json`, import.meta.url), 'utf8'));
}

const instance = i18next.createInstance();
// initAsync: false makes init synchronous: translations are usable as soon as this module loads.
void instance.init({
  lng: 'th',
  fallbackLng: 'th',
  supportedLngs: [...LANGUAGES],
  resources: Object.fromEntries(LANGUAGES.map((lang) => [lang, { translation: loadLocale(lang) }])),
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export type T = TFunction;

// One translator per language, made once: i18next builds a new bound function on every
// getFixedT, and the same function each time lets message builders remember their fixed parts.
const translators: Record<Language, T> = { th: instance.getFixedT('th'), en: instance.getFixedT('en') };

/** A translator bound to one language (the same function for the same language). */
export function translator(lang: Language): T {
  return translators[lang];
}

/** The language a translator speaks (i18next keeps it on the bound function as `lng`). */
export function languageOf(t: T): Language {
  return (t as T & { lng?: string }).lng === 'en' ? 'en' : 'th';
}

/** LINE profile language (`th`, `en`, `en-US`, `ja`…) → one we speak; Thai unless it is English. */
export function toLanguage(profileLanguage: string | undefined | null): Language {
  return profileLanguage?.toLowerCase().startsWith('en') ? 'en' : 'th';
}

type Template = (vars: Record<string, string | number>) => string;
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const templates = new WeakMap<T, Map<string, Template>>();

/**
 * A translation with nothing but plain `{{name}}` placeholders, made into a function once per
 * language: for the few strings every order turn shows (i18next's `t()` does far more per call
 * than these need). A string that uses more (nesting, formats, plurals) goes through `t()`.
 */
export function template(t: T, key: string): Template {
  let byKey = templates.get(t);
  if (!byKey) templates.set(t, (byKey = new Map()));
  let made = byKey.get(key);
  if (!made) {
    const raw = instance.getResource(languageOf(t), 'translation', key) as unknown;
    const plain = typeof raw === 'string' && !raw.includes('$t(') && ![...raw.matchAll(/\{\{([^}]*)\}\}/g)].some((m) => m[1]!.includes(','));
    made = plain ? (vars) => raw.replace(PLACEHOLDER, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : (vars) => t(key, vars);
    byKey.set(key, made);
  }
  return made;
}
