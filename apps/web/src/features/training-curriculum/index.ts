export { CurriculumPage } from './components/CurriculumPage.tsx';
export { GuidesPage } from './components/GuidesPage.tsx';
export { ModuleEditPage } from './components/ModuleEditPage.tsx';
export { ModulePage } from './components/ModulePage.tsx';
// Used by the sessions feature's roster page.
export { CertificationList } from './components/CertificationList.tsx';
export { TrainerEditDialog } from './components/TrainerEditDialog.tsx';
