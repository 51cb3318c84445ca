export { TrainingReportsPage } from './components/TrainingReportsPage.tsx';
