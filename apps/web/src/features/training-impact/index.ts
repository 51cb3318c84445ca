export { TrainingImpactPage } from './components/TrainingImpactPage.tsx';
