export { NextStepsCard } from './components/NextStepsCard.tsx';
export { ProcedureStepsPage } from './components/ProcedureStepsPage.tsx';
export { SafeguardLine } from './components/SafeguardLine.tsx';
export { ConfirmStepDialog } from './components/ConfirmStepDialog.tsx';
