// Client-safe exports: schemas, codes, catalogs — each feature's public surface. Server-only code
// is in ./server.ts.
export * from './shared/errors.ts';
export * from './shared/limits.ts';
export * from './shared/text-hygiene.ts';
export * from './shared/permissions.ts';
export * from './shared/schemas.ts';
export { DEFAULT_TIME_ZONE, isTimeZone, localDay, todayIn } from './shared/time.ts';
export * from './auth/index.ts';
export * from './audit/index.ts';
export * from './organisations/index.ts';
export * from './duplicates/index.ts';
export * from './procedure/index.ts';
export * from './intake/index.ts';
export * from './referrals/index.ts';
export * from './screening/index.ts';
export { flattenCatalog, languageFromHeader, loadCatalog, type Catalog } from './i18n/index.ts';
export * from './calendars/index.ts';
export * from './training/index.ts';
export * from './training-impact/index.ts';
export * from './evaluations/index.ts';
export * from './scheduling/index.ts';
export * from './interviews/index.ts';
export * from './assessment/index.ts';
export * from './decisions/index.ts';
export * from './results/index.ts';
