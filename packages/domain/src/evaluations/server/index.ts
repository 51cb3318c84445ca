// Public server surface of evaluations: capacity-building actions, their evidence and their PDF report (ADR 047, 048).
export { createEvaluation, updateEvaluation, type CreateEvaluationOptions, type UpdateEvaluationOptions } from './save-evaluation.ts';
export { listEvaluations } from './list-evaluations.ts';
export { getEvaluation, loadEvaluation, type GetEvaluationOptions } from './get-evaluation.ts';
export { exportEvaluationReport } from './export-evaluation-report.ts';
export { renderEvaluationPdf } from './evaluation-pdf.ts';
