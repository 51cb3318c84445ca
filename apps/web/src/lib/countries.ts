import type { TFunction } from 'i18next';
import type { Language } from '@refugio/domain';
import { languageName } from './language-name.ts';

/**
 * The nationalities most seen among claims at COMAR (its 2023 and 2024 figures: Haiti, Honduras,
 * Cuba, El Salvador, Guatemala, Venezuela…) and a few more; ISO 3166-1 alpha-3 → alpha-2 for Intl names.
 */
const COUNTRIES: Record<string, string> = {
  HND: 'HN', HTI: 'HT', CUB: 'CU', SLV: 'SV', GTM: 'GT', VEN: 'VE', NIC: 'NI', COL: 'CO', ECU: 'EC', PER: 'PE',
  BRA: 'BR', CHL: 'CL', DOM: 'DO', AFG: 'AF', AGO: 'AO', BGD: 'BD', CMR: 'CM', COD: 'CD', GHA: 'GH', GIN: 'GN',
  IND: 'IN', NPL: 'NP', SEN: 'SN', SYR: 'SY', UKR: 'UA', RUS: 'RU', CHN: 'CN', USA: 'US', MEX: 'MX', BLZ: 'BZ',
};

/** Languages met at first contact; ISO 639 codes. */
export const LANGUAGE_CODES = ['es', 'ht', 'fr', 'en', 'pt', 'mam', 'quc', 'cab', 'ar', 'ru', 'uk', 'wo', 'ln', 'ps', 'fa', 'zh'] as const;

export function countryOptions(language: Language): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return Object.entries(COUNTRIES)
    .map(([alpha3, alpha2]) => ({ value: alpha3, label: `${names.of(alpha2) ?? alpha3} (${alpha3})` }))
    .toSorted((a, b) => a.label.localeCompare(b.label, language));
}

export function countryName(alpha3: string, language: Language): string {
  const alpha2 = COUNTRIES[alpha3];
  return alpha2 ? (new Intl.DisplayNames([language], { type: 'region' }).of(alpha2) ?? alpha3) : alpha3;
}

/** The languages met at first contact as options, each named in the reader's language (never a bare code). */
export function languageOptions(t: TFunction, language: Language): Array<{ value: string; label: string }> {
  return LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(t, code, language) }));
}
