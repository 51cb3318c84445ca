// Public surface of evaluations (client-safe): a capacity-building action assessed against the ten good-practice criteria (ADR 047).
export * from './evaluations.schemas.ts';
