// Public surface of the coi web feature (ADR 029): the library's pages and the source picker an assessment cites with.
export { CoiLibraryPage } from './components/CoiLibraryPage.tsx';
export { CoiSourcePage } from './components/CoiSourcePage.tsx';
export { CoiSourcePicker } from './components/CoiSourcePicker.tsx';
