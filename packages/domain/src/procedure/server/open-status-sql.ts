import { OPEN_STATUSES } from '../procedure.rules.ts';

/**
 * `('registered', 'admitted', …)`: the open statuses as an SQL list, generated from the one
 * TypeScript list. The claims table's partial indexes repeat it (SQL cannot import it); a test
 * compares their predicates with this list.
 */
export const OPEN_STATUS_SQL = `(${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
