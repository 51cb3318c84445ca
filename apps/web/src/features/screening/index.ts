export { ScreeningPage } from './components/ScreeningPage.tsx';
export { GuaranteeCatalogPage } from './components/GuaranteeCatalogPage.tsx';
