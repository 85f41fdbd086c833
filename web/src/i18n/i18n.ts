import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../src/contract/common.schema';
import { en, ru } from './bundles';

// A script-free check that both languages have exactly the same keys: if a key is missing on
// either side, these two assignments stop compiling.
const _ruHasEveryEnglishKey: typeof en = ru;
const _enHasEveryRussianKey: typeof ru = en;

export const LANGUAGES: readonly Locale[] = ['ru', 'en'];
export const resources = { en: { translation: en }, ru: { translation: ru } } as const;

/** Remembers a language picked before sign-in, so reloading the sign-in page keeps it. */
const STORAGE_KEY = 'etalon.language';

export const isLocale = (value: unknown): value is Locale => value === 'ru' || value === 'en';

/** Russian for anyone whose browser prefers Russian first, English for everyone else. */
export function browserLanguage(
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): Locale {
  const first = languages[0]?.toLowerCase() ?? '';
  return first.startsWith('ru') ? 'ru' : 'en';
}

function initialLanguage(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies): the browser language will do.
  }
  return browserLanguage();
}

export function rememberLanguage(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See initialLanguage: remembering is a convenience only.
  }
}

export const currentLanguage = (): Locale => (isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en');

// Screen readers pick their voice by <html lang>. (Page titles are set per page: useDocumentTitle.)
function reflectLanguage(lng: string) {
  document.documentElement.lang = lng;
}

i18n.on('languageChanged', reflectLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
