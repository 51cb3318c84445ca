/**
 * i18next over the shared catalogs of @refugio/domain: the same keys the API uses for errors.
 * The language is remembered in localStorage before login and on the account after it. Only the
 * language shown is downloaded (each is its own chunk); another is fetched when chosen.
 */
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, loadCatalog, type Language } from '@refugio/domain';

const STORAGE_KEY = 'refugio.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export const i18n = createInstance();

const initialLanguage = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: {},
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // es-MX must stay es-MX, not fall back through "es".
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Fetches a language's catalog once and hands it to i18next. */
async function ensureCatalog(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await loadCatalog(language));
}

/**
 * Resolves when the first language's catalog is in: the app renders after it, so no page shows
 * raw keys. Spanish is not fetched as a fallback: every language has every key (catalogs.test.ts).
 */
export const i18nReady: Promise<void> = ensureCatalog(initialLanguage)
  .then(() => i18n.changeLanguage(initialLanguage))
  .then(() => undefined);

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
}
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Switches the UI language and remembers it on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice still applies to this page.
  }
  await ensureCatalog(language);
  if (i18n.language !== language) await i18n.changeLanguage(language);
}
