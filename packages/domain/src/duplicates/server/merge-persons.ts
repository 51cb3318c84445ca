import type { Database, Queryable } from '@refugio/db';
import { widestScope } from '../../shared/permissions.ts';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import type { TNonDuplicate, TPersonMerge } from '../duplicates.schemas.ts';


/** The first of `officeIds` where the person is in a claim, or null. */
async function officeOfPerson(db: Queryable, personId: string, officeIds: readonly string[]): Promise<string | null> {
  const { rows } = await db.query<{ officeId: string }>(
    `SELECT c.office_id AS "officeId" FROM claim_members m JOIN claims c ON c.id = m.claim_id
      WHERE m.person_id = $1 AND c.office_id = ANY($2::uuid[]) ORDER BY c.lodged_at LIMIT 1`, [personId, officeIds]);
  return rows[0]?.officeId ?? null;
}

async function personExists(db: Queryable, id: string): Promise<{ mergedIntoId: string | null } | null> {
  const { rows } = await db.query<{ mergedIntoId: string | null }>(
    'SELECT merged_into_id AS "mergedIntoId" FROM persons WHERE id = $1', [id]);
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// "Not the same person"

const NON_DUPLICATE_SELECT = `SELECT id, person_a_id AS "personAId", person_b_id AS "personBId", reason,
  recorded_by AS "recordedBy", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
  FROM person_non_duplicates`;

/**
 * Records that two persons are not the same, inside the caller's transaction and without a scope
 * check (for registration use cases that already checked theirs). Idempotent: an existing pair is
 * returned as it is, and audited only the first time.
 */
export async function insertNonDuplicate(
  tx: Queryable, ctx: RequestContext, personId: string, otherPersonId: string, reason: string | null = null,
): Promise<TNonDuplicate> {
  const [a, b] = personId < otherPersonId ? [personId, otherPersonId] : [otherPersonId, personId];
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO person_non_duplicates (person_a_id, person_b_id, reason, recorded_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (person_a_id, person_b_id) DO NOTHING RETURNING id`, [a, b, reason, ctx.actor?.userId ?? null]);
  if (inserted.rows[0]) {
    await recordAudit(tx, ctx, {
      action: 'person.not_duplicate_recorded', entityType: 'person', entityId: personId,
      officeId: ctx.actor?.officeIds[0] ?? null, details: { otherPersonId, reason },
    });
  }
  const { rows } = await tx.query<TNonDuplicate>(`${NON_DUPLICATE_SELECT} WHERE person_a_id = $1 AND person_b_id = $2`, [a, b]);
  return rows[0]!;
}

/**
 * A clerk's "not the same person": the pair is never proposed again. The person must be in a
 * claim of one of the caller's offices, or in no claim yet (a referral being accepted); the other
 * may be anywhere, since the duplicate check searches the whole operation.
 */
export async function recordNotDuplicate(
  db: Database, ctx: RequestContext, personId: string, input: { otherPersonId: string; reason?: string | undefined },
): Promise<TNonDuplicate> {
  const actor = actorOf(ctx);
  if (input.otherPersonId === personId) throw fieldError('otherPersonId', 'validation.invalid_value');
  return db.transaction(async (tx) => {
    if (!(await personExists(tx, personId))) throw new AppError('NOT_FOUND');
    if (!(await personExists(tx, input.otherPersonId))) throw fieldError('otherPersonId', 'validation.unknown_reference');
    const inAnyClaim = (await tx.query('SELECT 1 FROM claim_members WHERE person_id = $1 LIMIT 1', [personId])).rowCount > 0;
    if (inAnyClaim && !(await officeOfPerson(tx, personId, actor.officeIds))) throw new AppError('FORBIDDEN');
    return insertNonDuplicate(tx, ctx, personId, input.otherPersonId, input.reason ?? null);
  });
}

// ---------------------------------------------------------------------------------------------
// Merges

/** One column of another table that points at persons(id), and the other columns of its primary key. */
interface PersonReference {
  table: string;
  column: string;
  keyColumns: string[];
}

/** Tables of this feature that refer to persons and must not follow a merge. */
const NOT_MOVED = new Set(['persons', 'person_merges', 'person_non_duplicates']);

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Every single-column foreign key to persons(id), read from the catalog so that tables added by
 * later features (referrals, flags…) follow a merge without changes here.
 */
async function personReferences(db: Queryable): Promise<{ movable: PersonReference[]; skipped: string[] }> {
  const { rows } = await db.query<{ table: string; column: string; pk: string[] | null }>(
    `SELECT c.conrelid::regclass::text AS "table", a.attname AS "column",
            (SELECT array_agg(pa.attname::text ORDER BY pa.attnum) FROM pg_constraint pk
               JOIN pg_attribute pa ON pa.attrelid = pk.conrelid AND pa.attnum = ANY(pk.conkey)
              WHERE pk.conrelid = c.conrelid AND pk.contype = 'p') AS pk
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.confrelid = 'persons'::regclass AND cardinality(c.conkey) = 1
      ORDER BY 1, 2`);
  const movable: PersonReference[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    if (NOT_MOVED.has(row.table)) continue;
    const keyColumns = (row.pk ?? []).filter((k) => k !== row.column);
    // A row identified only by the person (one row per person) cannot be told apart once moved.
    if (keyColumns.length === 0) skipped.push(`${row.table}.${row.column}`);
    else movable.push({ table: row.table, column: row.column, keyColumns });
  }
  return { movable, skipped };
}

function keyExpression(ref: PersonReference): string {
  return `jsonb_build_object(${ref.keyColumns.map((k) => `'${k.replaceAll("'", "''")}', ${quoteIdent(k)}`).join(', ')})`;
}

interface MergeSnapshot {
  mergedPerson: Record<string, unknown>;
  moved: Array<{ table: string; column: string; keys: Array<Record<string, unknown>> }>;
  notMoved: string[];
}

const UNIQUE_VIOLATION = '23505';
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === UNIQUE_VIOLATION;
}

const MERGE_SELECT = `SELECT pm.id,
  json_build_object('id', s.id, 'givenNames', s.given_names, 'firstSurname', s.first_surname,
    'secondSurname', s.second_surname, 'birthDate', s.birth_date) AS survivor,
  json_build_object('id', m.id, 'givenNames', m.given_names, 'firstSurname', m.first_surname,
    'secondSurname', m.second_surname, 'birthDate', m.birth_date) AS merged,
  pm.reason, mu.username AS "mergedBy",
  to_char(pm.merged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "mergedAt",
  COALESCE((SELECT jsonb_object_agg(x ->> 'table', jsonb_array_length(x -> 'keys')) FROM jsonb_array_elements(pm.snapshot -> 'moved') x), '{}') AS moved,
  to_char(pm.undone_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "undoneAt",
  uu.username AS "undoneBy", pm.undo_reason AS "undoReason", pm.version
  FROM person_merges pm JOIN persons s ON s.id = pm.survivor_id JOIN persons m ON m.id = pm.merged_id
  LEFT JOIN users mu ON mu.id = pm.merged_by LEFT JOIN users uu ON uu.id = pm.undone_by`;

export async function getPersonMerge(db: Queryable, id: string): Promise<TPersonMerge> {
  const row = (await db.query<TPersonMerge>(`${MERGE_SELECT} WHERE pm.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function mergeOffices(actor: Actor): readonly string[] {
  if (!widestScope(actor.permissions, 'merge', 'person')) throw new AppError('FORBIDDEN');
  return actor.officeIds;
}

/**
 * A supervisor merges `mergedId` into `survivorId`: every row pointing at the merged person
 * (claim memberships, principal applicant of claims, and any later feature's references) moves to
 * the survivor; the merged row stays, marked `merged_into_id`, and the merge records what moved
 * so `undoPersonMerge` restores exactly that. Both persons must be in claims of the caller's offices.
 */
export async function mergePersons(
  db: Database, ctx: RequestContext, input: { survivorId: string; mergedId: string; reason: string },
): Promise<TPersonMerge> {
  const actor = actorOf(ctx);
  const offices = mergeOffices(actor);
  if (input.survivorId === input.mergedId) throw fieldError('mergedId', 'validation.invalid_value');
  try {
    return await db.transaction(async (tx) => {
      // Lock both rows in a fixed order so two merges of the same pair cannot interleave.
      const locked = await tx.query<{ id: string; merged_into_id: string | null }>(
        'SELECT id, merged_into_id FROM persons WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
        [[input.survivorId, input.mergedId]]);
      const survivor = locked.rows.find((r) => r.id === input.survivorId);
      const merged = locked.rows.find((r) => r.id === input.mergedId);
      if (!survivor) throw fieldError('survivorId', 'validation.unknown_reference');
      if (!merged) throw fieldError('mergedId', 'validation.unknown_reference');
      const officeId = await officeOfPerson(tx, input.survivorId, offices);
      if (!officeId) throw new AppError('FORBIDDEN');
      // Checked before the merged person's scope: once merged, they are in no claim any more.
      if (survivor.merged_into_id || merged.merged_into_id) throw new AppError('INVALID_STATE');
      if (!(await officeOfPerson(tx, input.mergedId, offices))) throw new AppError('FORBIDDEN');
      const together = await tx.query(
        `SELECT 1 FROM claim_members a JOIN claim_members b ON b.claim_id = a.claim_id
          WHERE a.person_id = $1 AND b.person_id = $2 LIMIT 1`, [input.survivorId, input.mergedId]);
      // Two members of one claim are two people (or the claim itself needs correcting first).
      if (together.rowCount > 0) throw new AppError('INVALID_STATE');

      const mergedPerson = (await tx.query<{ row: Record<string, unknown> }>(
        'SELECT to_jsonb(p) AS row FROM persons p WHERE id = $1', [input.mergedId])).rows[0]!.row;
      const { movable, skipped } = await personReferences(tx);
      const moved: MergeSnapshot['moved'] = [];
      for (const ref of movable) {
        const { rows } = await tx.query<{ key: Record<string, unknown> }>(
          `UPDATE ${ref.table} SET ${quoteIdent(ref.column)} = $1 WHERE ${quoteIdent(ref.column)} = $2
           RETURNING ${keyExpression(ref)} AS key`, [input.survivorId, input.mergedId]);
        if (rows.length > 0) moved.push({ table: ref.table, column: ref.column, keys: rows.map((r) => r.key) });
      }
      await tx.query(
        'UPDATE persons SET merged_into_id = $2, version = version + 1, updated_at = now() WHERE id = $1',
        [input.mergedId, input.survivorId]);
      const snapshot: MergeSnapshot = { mergedPerson, moved, notMoved: skipped };
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO person_merges (survivor_id, merged_id, reason, merged_by, snapshot)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [input.survivorId, input.mergedId, input.reason, actor.userId, JSON.stringify(snapshot)]);
      const mergeId = rows[0]!.id;
      await recordAudit(tx, ctx, {
        action: 'person.merged', entityType: 'person', entityId: input.survivorId, officeId,
        details: {
          mergeId, survivorId: input.survivorId, mergedId: input.mergedId, reason: input.reason,
          moved: Object.fromEntries(moved.map((m) => [`${m.table}.${m.column}`, m.keys.length])),
        },
      });
      return getPersonMerge(tx, mergeId);
    });
  } catch (error) {
    // A later feature's unique constraint (one row per person and something) refused the move.
    if (isUniqueViolation(error)) throw new AppError('INVALID_STATE', { cause: error });
    throw error;
  }
}

/** Undoes a merge: the moved rows go back to the merged person, who is a person of their own again. */
export async function undoPersonMerge(
  db: Database, ctx: RequestContext, mergeId: string, input: { reason: string },
): Promise<TPersonMerge> {
  const actor = actorOf(ctx);
  const offices = mergeOffices(actor);
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ survivor_id: string; merged_id: string; snapshot: MergeSnapshot; undone_at: string | null }>(
        'SELECT survivor_id, merged_id, snapshot, undone_at FROM person_merges WHERE id = $1 FOR UPDATE', [mergeId]);
      const merge = rows[0];
      if (!merge) throw new AppError('NOT_FOUND');
      const officeId = await officeOfPerson(tx, merge.survivor_id, offices);
      if (!officeId) throw new AppError('FORBIDDEN');
      const merged = await tx.query<{ merged_into_id: string | null }>(
        'SELECT merged_into_id FROM persons WHERE id = $1 FOR UPDATE', [merge.merged_id]);
      if (merge.undone_at || merged.rows[0]?.merged_into_id !== merge.survivor_id) throw new AppError('INVALID_STATE');
      const restored: Record<string, number> = {};
      for (const m of merge.snapshot.moved) {
        const ref = { table: m.table, column: m.column, keyColumns: Object.keys(m.keys[0] ?? {}) };
        const result = await tx.query(
          `UPDATE ${ref.table} SET ${quoteIdent(ref.column)} = $1
            WHERE ${quoteIdent(ref.column)} = $2 AND ${keyExpression(ref)} = ANY($3::jsonb[])`,
          [merge.merged_id, merge.survivor_id, m.keys.map((k) => JSON.stringify(k))]);
        restored[`${m.table}.${m.column}`] = result.rowCount;
      }
      await tx.query(
        'UPDATE persons SET merged_into_id = NULL, version = version + 1, updated_at = now() WHERE id = $1', [merge.merged_id]);
      await tx.query(
        `UPDATE person_merges SET undone_at = now(), undone_by = $2, undo_reason = $3, version = version + 1, updated_at = now()
          WHERE id = $1`, [mergeId, actor.userId, input.reason]);
      await recordAudit(tx, ctx, {
        action: 'person.merge_undone', entityType: 'person', entityId: merge.survivor_id, officeId,
        details: { mergeId, survivorId: merge.survivor_id, mergedId: merge.merged_id, reason: input.reason, restored },
      });
      return getPersonMerge(tx, mergeId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('INVALID_STATE', { cause: error });
    throw error;
  }
}

/** Recent merges whose survivor is in a claim of the caller's offices, newest first. */
export async function listPersonMerges(db: Queryable, actor: Actor, query: { limit: number }): Promise<TPersonMerge[]> {
  const offices = mergeOffices(actor);
  const { rows } = await db.query<TPersonMerge>(
    `${MERGE_SELECT}
      WHERE pm.operation_id = $1 AND EXISTS (SELECT 1 FROM claim_members cm JOIN claims c ON c.id = cm.claim_id
                     WHERE cm.person_id = pm.survivor_id AND c.office_id = ANY($2::uuid[]))
      ORDER BY pm.merged_at DESC, pm.id LIMIT $3`, [actor.operationId, offices, query.limit]);
  return rows;
}
