// Public surface of training impact (client-safe): the before/after comparison's schemas and rules (ADR 045).
export * from './training-impact.rules.ts';
export * from './training-impact.schemas.ts';
