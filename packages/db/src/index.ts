export type { Database, DatabaseKind, Queryable, QueryOptions, QueryResult, Row } from './database.ts';
export { openDatabase, databaseConfigFromEnv, type DatabaseConfig } from './open.ts';
export { openPglite, rawPglite, pgliteExtensions } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { applyPendingMigrations, migrate, listMigrations, splitSql } from './migrate.ts';
