// Public surface of the scheduling feature (client-safe): schemas, rules and label keys of the
// interpreter roster, interview appointments and the weekly signature (ADR 027).
export * from './scheduling.rules.ts';
export * from './scheduling.schemas.ts';
export * from './labels.ts';
export { LANGUAGE_NAME_KEYS } from './language-names.ts';
