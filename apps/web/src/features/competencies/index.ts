export { CompetencyRegisterPage } from './components/CompetencyRegisterPage.tsx';
export { GatingRulesPage } from './components/GatingRulesPage.tsx';
export { OfficeMatrixPage } from './components/OfficeMatrixPage.tsx';
export { OverridesPage } from './components/OverridesPage.tsx';
