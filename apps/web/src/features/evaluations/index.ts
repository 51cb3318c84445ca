export { EvaluationsPage } from './components/EvaluationsPage.tsx';
export { EvaluationPage } from './components/EvaluationPage.tsx';
