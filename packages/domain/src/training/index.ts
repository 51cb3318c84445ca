// Public surface of the training feature (client-safe): schemas and rules of the curriculum,
// sessions, records, certificates, competencies and gating, needs assessment and reports.
export * from './competencies/gating.rules.ts';
export * from './sessions/sessions.schemas.ts';
export * from './trainers/trainers.schemas.ts';
export * from './curriculum/curriculum.schemas.ts';
export * from './guides/guides.schemas.ts';
export * from './guides/guides.rules.ts';
export * from './reports/reports.schemas.ts';
export * from './competencies/competencies.schemas.ts';
export * from './records/records.rules.ts';
export * from './records/records.schemas.ts';
export * from './certificates/certificates.rules.ts';
export * from './certificates/certificates.schemas.ts';
export * from './needs/needs.rules.ts';
export * from './needs/needs.schemas.ts';
export * from './competencies/overrides.schemas.ts';
export { decodeImportFile } from './records/decode-import-file.ts';
