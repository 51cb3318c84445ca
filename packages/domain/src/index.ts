// Client-safe exports: schemas, codes, catalogs. Server-only code is in ./server.ts.
export * from './shared/errors.ts';
export * from './shared/limits.ts';
export * from './shared/text-hygiene.ts';
export * from './auth/permissions.ts';
export * from './auth/auth.schemas.ts';
export * from './audit/audit.actions.ts';
export * from './audit/audit.schemas.ts';
export * from './organisations/organisations.schemas.ts';
export * from './duplicates/duplicates.rules.ts';
export * from './duplicates/duplicates.schemas.ts';
export * from './intake/intake.rules.ts';
export * from './intake/intake.schemas.ts';
export * from './referrals/referrals.schemas.ts';
export { catalogs, flattenCatalog, translate, languageFromHeader, type Catalog } from './i18n/index.ts';
export * from './calendars/index.ts';
// Training records and certificates (issue 4, C2).
// Training: competency register and gating (issue 4, B).
export * from './training/competencies/gating.rules.ts';
export * from './training/sessions/sessions.schemas.ts';
export * from './training/trainers/trainers.schemas.ts';
// Training: curriculum and guides library (issue 4, A).
export * from './training/curriculum/curriculum.schemas.ts';
export * from './training/guides/guides.schemas.ts';
export * from './training/guides/guides.rules.ts';
export * from './training/reports/reports.schemas.ts';
export * from './training/competencies/competencies.schemas.ts';
export * from './training/records/records.rules.ts';
export * from './training/records/records.schemas.ts';
export { decodeImportFile } from './training/records/decode-import-file.ts';
export * from './training/certificates/certificates.rules.ts';
export * from './training/certificates/certificates.schemas.ts';
export * from './training/needs/needs.rules.ts';
export * from './training/needs/needs.schemas.ts';
export * from './training/competencies/overrides.schemas.ts';
