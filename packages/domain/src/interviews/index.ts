// Public surface of the interviews feature (client-safe): the EUAA stages, questionnaires and the
// interview record's schemas and pure rules (ADR 025).
export * from './interviews.rules.ts';
export * from './templates.schemas.ts';
export * from './templates.rules.ts';
export * from './interviews.schemas.ts';
export * from './labels.ts';
