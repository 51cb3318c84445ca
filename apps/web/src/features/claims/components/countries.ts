// Country and language names are shared by several features (ADR 020): they live in src/lib.
export { countryName, countryOptions, LANGUAGE_CODES, languageOptions } from '../../../lib/countries.ts';
