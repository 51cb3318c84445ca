// Public surface of the assessment feature (client-safe): the COI library's rules and schemas
// (topics, the age limit, the citation a decision prints) and the claim's assessment (material
// facts, evidence, credibility, conclusions, risk and legal analysis) (ADR 029).
export * from './coi.rules.ts';
export * from './coi.schemas.ts';
export * from './assessment.rules.ts';
export * from './assessment.schemas.ts';
