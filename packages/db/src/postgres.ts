import { Pool, types as pgTypes, type PoolClient, type QueryResultRow } from 'pg';
import { DATE_OID, INT8_OID, NUMERIC_OID, type Database, type Queryable, type QueryOptions } from './database.ts';

const typeParsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: (value) => value,
  [INT8_OID]: (value) => Number(value),
  [NUMERIC_OID]: (value) => Number(value),
};

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pgTypes.getTypeParser(oid, format)) as typeof pgTypes.getTypeParser,
};

function asQueryable(target: Pool | PoolClient): Queryable {
  return {
    async query<T extends object>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const values = params as unknown[] | undefined;
      const result = options?.prepared
        ? await target.query<T & QueryResultRow>({ name: options.prepared, text: sql, ...(values ? { values } : {}) })
        : await target.query<T & QueryResultRow>(sql, values);
      return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

export function openPostgres(connectionString: string, options: { max?: number } = {}): Database {
  const pool = new Pool({ connectionString, max: options.max ?? 10, types });
  return {
    kind: 'postgres',
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
