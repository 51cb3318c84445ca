// Public surface of the training-curriculum feature: its pages (modules, guides, the trainer
// roster), and the modules catalogue and roster the sessions are planned from.
export { useTrainingModules } from './api/training-curriculum.ts';
export { useTrainers } from './api/trainers.ts';
export { CurriculumPage } from './components/CurriculumPage.tsx';
export { GuidesPage } from './components/GuidesPage.tsx';
export { ModuleEditPage } from './components/ModuleEditPage.tsx';
export { ModulePage } from './components/ModulePage.tsx';
export { TrainersPage } from './components/TrainersPage.tsx';
