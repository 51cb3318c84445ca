/** The one interface the rest of Refugio uses to talk to PostgreSQL, embedded or server. */
export type Row = Record<string, unknown>;

export interface QueryResult<T extends object = Row> {
  rows: T[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Names a statement whose text never changes, so a PostgreSQL server parses and plans it once
   * per connection instead of on every request (the session lookup, the claim file, the audit
   * insert). One name, one text. PGlite runs in-process and ignores it.
   */
  prepared?: string;
}

export interface Queryable {
  query<T extends object = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<QueryResult<T>>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs fn in one transaction; a thrown error rolls everything back. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script without parameters (migrations, restore). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

// Same JS types from both drivers: civil dates stay ISO strings (no time-zone shifts),
// int8 counts become numbers (our ids are uuids; counts stay far below 2^53).
export const DATE_OID = 1082;
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
