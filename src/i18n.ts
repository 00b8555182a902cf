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

/** A translator bound to one language. */
export function translator(lang: Language): T {
  return instance.getFixedT(lang);
}

/** The language a translator speaks (i18next keeps it on the bound function as `lng`). */
export function languageOf(t: T): Language {
  return (t as T & { lng?: string }).lng === 'en' ? 'en' : 'th';
}

/** LINE profile language (`th`, `en`, `en-US`, `ja`…) → one we speak; Thai unless it is English. */
export function toLanguage(profileLanguage: string | undefined | null): Language {
  return profileLanguage?.toLowerCase().startsWith('en') ? 'en' : 'th';
}
