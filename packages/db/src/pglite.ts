import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { DATE_OID, INT8_OID, NUMERIC_OID, type Database, type Queryable } from './database.ts';

const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
  [NUMERIC_OID]: (value: string) => Number(value),
};

export const pgliteExtensions = { pg_trgm, unaccent };

/**
 * Opens (or creates) an embedded database; `dataDir` undefined keeps it in memory.
 * `loadDataDir` starts a new database from a `dumpDataDir()` tarball (test copies, restores).
 */
export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const pg = await PGlite.create(dataDir ?? 'memory://', { extensions: pgliteExtensions, parsers, ...options });
  return wrapPglite(pg);
}

function asQueryable(target: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<T extends object>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<T>(sql, params as unknown[] | undefined);
      // PGlite reports affectedRows 0 for a SELECT; pg's rowCount counts the rows returned.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
  };
}

export function wrapPglite(pg: PGlite): Database {
  return {
    kind: 'pglite',
    ...asQueryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(asQueryable(tx))),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    close: () => pg.close(),
    // The raw handle is needed for backups (dumpDataDir) and test cloning.
    ...({ raw: pg } as object),
  };
}

export function rawPglite(db: Database): PGlite | undefined {
  return (db as Database & { raw?: PGlite }).raw;
}
