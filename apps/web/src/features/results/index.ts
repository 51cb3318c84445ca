// Public surface of the results feature (web): the results page and its dashboard registry.
export { ResultsPage } from './components/ResultsPage.tsx';
export { RESULTS_DASHBOARDS, type ResultsDashboard } from './components/dashboards.ts';
