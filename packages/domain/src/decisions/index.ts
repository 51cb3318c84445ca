// Public surface of the decisions feature (client-safe): outcomes and their legal basis, the
// decision's sections and review headings, notification and appeal vocabulary, schemas (ADR 030).
export * from './decisions.rules.ts';
export * from './decisions.schemas.ts';
