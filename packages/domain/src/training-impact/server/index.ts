// Public server surface of training impact: the before/after comparison (ADR 045) and its export.
export { computeTrainingImpact, type ComputeTrainingImpactOptions } from './compute-training-impact.ts';
export { trainingImpactTable } from './training-impact-table.ts';
export { listTrainingActions } from './list-training-actions.ts';
