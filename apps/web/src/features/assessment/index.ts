// Public surface of the assessment web feature (ADR 029): a claim's evidence assessment page.
export { AssessmentPage } from './components/AssessmentPage.tsx';
