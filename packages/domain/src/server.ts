// Server-only use cases: each feature's server surface. Never imported by the web app (lint enforces it).
import { composeProcedure } from './compose-procedure.ts';

export { actorOf, type Actor, type RequestContext } from './shared/context.ts';
export * from './shared/server/db-errors.ts';
export { TODAY_SQL } from './shared/time.ts';
export * from './auth/server/index.ts';
export * from './audit/server/index.ts';
export * from './organisations/server/index.ts';
export * from './duplicates/server/index.ts';
export * from './procedure/server/index.ts';
export * from './intake/server/index.ts';
export * from './referrals/server/index.ts';
export * from './screening/server/index.ts';
export * from './calendars/server/index.ts';
export * from './training/server/index.ts';
export * from './training-impact/server/index.ts';
export * from './evaluations/server/index.ts';
export * from './scheduling/server/index.ts';
export * from './interviews/server/index.ts';
export * from './assessment/server/index.ts';
export * from './decisions/server/index.ts';
export * from './results/server/index.ts';
export * from './demo/index.ts';
// All three catalogs, for answers in the caller's language (the web app loads one at a time).
export { catalogs, translate } from './i18n/catalogs.ts';

// The procedure's steps get their safeguards and effects from the features that own them.
composeProcedure();
