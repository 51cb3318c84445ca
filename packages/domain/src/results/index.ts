// Public surface of the results feature (client-safe, ADR 040–042): UNHCR's RSD statistics,
// deadlines and quality as tables with their charts, the rates and the small-number suppression.
export * from './results.rules.ts';
export * from './results.schemas.ts';
