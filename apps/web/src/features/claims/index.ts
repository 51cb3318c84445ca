export { ClaimsPage } from './components/ClaimsPage.tsx';
export { ClaimPage } from './components/ClaimPage.tsx';
export { RegisterClaimPage } from './components/RegisterClaimPage.tsx';
export { countryName, countryOptions, languageOptions } from './components/countries.ts';
