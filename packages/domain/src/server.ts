// Server-only use cases. Never imported by the web app (lint enforces it).
export type { Actor, RequestContext } from './shared/context.ts';
export * from './shared/server/db-errors.ts';
export * from './auth/auth.settings.ts';
export * from './auth/server/passwords.ts';
export * from './auth/server/sessions.ts';
export * from './auth/server/login.ts';
export * from './auth/server/manage-account.ts';
export * from './audit/server/audit-hash.ts';
export * from './audit/server/record-audit.ts';
export * from './audit/server/verify-audit-chain.ts';
export * from './audit/server/list-audit-events.ts';
export * from './organisations/server/institutions.ts';
export * from './organisations/server/offices.ts';
export * from './organisations/server/roles.ts';
export * from './organisations/server/users.ts';
export * from './duplicates/server/find-duplicate-candidates.ts';
export * from './duplicates/server/merge-persons.ts';
export * from './demo/seed-demo.ts';
