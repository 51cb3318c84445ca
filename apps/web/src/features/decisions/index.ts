// Public surface of the decisions web feature (ADR 030): a claim's decision page and the public
// verification page of a signed decision.
export { DecisionPage } from './components/DecisionPage.tsx';
export { VerifyDecisionPage } from './components/VerifyDecisionPage.tsx';
