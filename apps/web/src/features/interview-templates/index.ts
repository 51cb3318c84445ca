// Public surface of the interview questionnaires (web): the list and one version's page.
export { TemplatesPage } from './components/TemplatesPage.tsx';
export { TemplatePage } from './components/TemplatePage.tsx';
