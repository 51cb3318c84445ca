export { NextStepsCard } from './components/NextStepsCard.tsx';
export { ProcedureStepsPage } from './components/ProcedureStepsPage.tsx';
