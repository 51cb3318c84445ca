import type { Database, Queryable } from '@refugio/db';
import { mayReadClaimOf, mayReadPersonFile } from '../../shared/policies/person.policy.ts';
import { recordAudit } from '../../audit/server/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import {
  DOCUMENT_KEY_MIN, DUPLICATE_WEIGHTS, documentKey, LEAST_SHOWN_SIMILARITY_WITHOUT_BIRTH_DATE, isShownCandidate, nearbyBirthDates, scoreCandidate,
  type MatchDocument, type MatchPerson, type MatchResult,
} from '../duplicates.rules.ts';
import type { TDuplicateCandidate, TDuplicateCheckInput, TDuplicateCheckResult } from '../duplicates.schemas.ts';

/** The person looked for; `personId` names an existing record to leave out (with its "not the same person" pairs). */
export type DuplicateQuery = MatchPerson & { personId?: string | undefined };

export interface FindDuplicateOptions {
  /** Most candidates returned (default 10, at most 50). */
  limit?: number | undefined;
}

/**
 * Trigram threshold of the whole-name index scans. A little below the scoring's similarityMin so
 * that a name just under it can still reach the threshold through an alias.
 */
const NAME_SCAN_THRESHOLD = 0.45;
/** Birth-date and estimated-year arms keep names at least this similar (then scoring decides). */
const NEAR_DATE_SIMILARITY = 0.3;
/** Rows each index arm may contribute before scoring. */
const ARM_LIMITS = { name: 200, sortKey: 50, document: 50, birthDate: 100, year: 100, noBirthDate: 100, aliases: 100 } as const;

interface PersonRow {
  id: string;
  givenNames: string;
  firstSurname: string | null;
  secondSurname: string | null;
  otherNames: string[];
  sex: string | null;
  birthDate: string | null;
  birthDateEstimated: boolean;
  nationalities: string[];
  documents: MatchDocument[];
  mergedIntoId: string | null;
}

interface ClaimRow {
  personId: string;
  claimId: string;
  claimNumber: string;
  officeId: string;
  institutionId: string;
  officeCode: string;
  officeName: string;
  relation: string;
  status: string;
  assignedOfficerId: string | null;
}

const PERSON_SELECT = `SELECT p.id, p.given_names AS "givenNames", p.first_surname AS "firstSurname",
  p.second_surname AS "secondSurname", p.other_names AS "otherNames", p.sex, p.birth_date AS "birthDate",
  p.birth_date_estimated AS "birthDateEstimated", p.nationalities, p.documents, p.merged_into_id AS "mergedIntoId"
  FROM persons p`;

/**
 * Ids from selective indexes only (ADR 011, docs/BENCHMARKS.md "Intake"):
 * - the same folded words in any order (btree on name_sort_key): accents, swapped or compound
 *   surnames, transliterations, whatever the birth dates;
 * - document numbers (GIN on document_keys);
 * - birth dates one day apart or with day and month transposed (btree on birth_date), ranked by
 *   name similarity;
 * - estimated birth dates within a year, sharing a surname word (GIN on surname_year_keys);
 * - persons without a birth date, by name trigrams (a partial trigram index);
 * - and, only when the query has no birth date: persons with other names or aliases by name
 *   trigrams (a partial trigram index), and the whole-name trigram index as a second statement
 *   (`wholeName`) run at the least similarity a candidate can be shown with (ADR 057): with no
 *   birth date a name below it cannot reach the threshold, and the index then reads only the
 *   rarer trigrams of the name instead of the long posting lists of "jos" or "ez ".
 */
export async function duplicateCandidateQuery(db: Queryable, query: DuplicateQuery): Promise<{
  sql: string; params: unknown[]; wholeName: { sql: string; params: unknown[]; threshold: number } | null;
}> {
  const documentKeys = [...new Set((query.documents ?? []).map((d) => documentKey(d.number)).filter((k) => k.length >= DOCUMENT_KEY_MIN))];
  const hasDate = !!query.birthDate && nearbyBirthDates(query.birthDate).length > 0;
  const year = hasDate ? Number(query.birthDate!.slice(0, 4)) : null;
  const keys = (await db.query<{ key: string; sortKey: string; yearKeys: string[] }>(
    `SELECT refugio_person_name_key($1, $2, $3) AS key, refugio_name_sort_key($1, $2, $3) AS "sortKey",
            ARRAY(SELECT $4::text || yr || ':' || w
                    FROM unnest(string_to_array(refugio_name_fold(
                           CASE WHEN coalesce($2, '') || coalesce($3, '') ~ '[[:alpha:]]' THEN concat_ws(' ', $2, $3) ELSE $1 END), ' ')) w,
                         generate_series($5::int - 1, $5::int + 1) yr
                   WHERE w <> '' AND $5::int IS NOT NULL) AS "yearKeys"`,
    [query.givenNames, query.firstSurname ?? null, query.secondSurname ?? null, query.birthDateEstimated ? 'y' : 'e', year],
  )).rows[0]!;
  const params: unknown[] = [keys.key];
  const arm = (sql: string, ...values: unknown[]) => {
    let out = sql;
    for (const value of values) {
      params.push(value);
      out = out.replace('?', `$${params.length}`);
    }
    return `(${out})`;
  };
  const arms = [
    arm(`SELECT id FROM persons WHERE name_sort_key = ? LIMIT ${ARM_LIMITS.sortKey}`, keys.sortKey),
    arm(`SELECT id FROM persons WHERE birth_date IS NULL AND name_key % $1
         ORDER BY similarity(name_key, $1) DESC, id LIMIT ${ARM_LIMITS.noBirthDate}`),
  ];
  if (documentKeys.length > 0) arms.push(arm(`SELECT id FROM persons WHERE document_keys && ?::text[] LIMIT ${ARM_LIMITS.document}`, documentKeys));
  if (hasDate) {
    arms.push(arm(`SELECT id FROM persons WHERE birth_date = ANY(?::date[]) AND similarity(name_key, $1) >= ${NEAR_DATE_SIMILARITY}
                   ORDER BY similarity(name_key, $1) DESC, id LIMIT ${ARM_LIMITS.birthDate}`, nearbyBirthDates(query.birthDate)));
    arms.push(arm(`SELECT id FROM persons WHERE surname_year_keys && ?::text[] AND similarity(name_key, $1) >= ${NEAR_DATE_SIMILARITY}
                   ORDER BY similarity(name_key, $1) DESC, id LIMIT ${ARM_LIMITS.year}`, keys.yearKeys));
  } else {
    // An alias can be shown whatever the main name's similarity: these few persons keep the
    // scan at NAME_SCAN_THRESHOLD, as every person had before.
    arms.push(arm(`SELECT id FROM persons WHERE other_names <> '{}' AND name_key % $1
                   ORDER BY similarity(name_key, $1) DESC, id LIMIT ${ARM_LIMITS.aliases}`));
  }
  const wholeName = hasDate ? null : {
    sql: `SELECT id FROM persons WHERE name_key % $1 ORDER BY similarity(name_key, $1) DESC, id LIMIT ${ARM_LIMITS.name}`,
    params: [keys.key],
    threshold: Math.max(NAME_SCAN_THRESHOLD, LEAST_SHOWN_SIMILARITY_WITHOUT_BIRTH_DATE),
  };
  return { sql: `SELECT DISTINCT id FROM (${arms.join('\n UNION ALL ')}) arms`, params, wholeName };
}

/** Runs `fn` with the trigram threshold of the name scans (or `threshold`), restoring the previous one after. */
export async function withNameScanThreshold<T>(db: Queryable, fn: () => Promise<T>, threshold = NAME_SCAN_THRESHOLD): Promise<T> {
  const previous = (await db.query<{ t: string | null }>(`SELECT current_setting('pg_trgm.similarity_threshold', true) AS t`)).rows[0]?.t ?? '0.3';
  await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(threshold)]);
  try {
    return await fn();
  } finally {
    await db.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [previous]);
  }
}

async function candidateIds(db: Queryable, query: DuplicateQuery): Promise<string[]> {
  const { sql, params, wholeName } = await duplicateCandidateQuery(db, query);
  const { rows } = await withNameScanThreshold(db, () => db.query<{ id: string }>(sql, params));
  const ids = rows.map((r) => r.id);
  if (wholeName) {
    const seen = new Set(ids);
    const more = await withNameScanThreshold(db, () => db.query<{ id: string }>(wholeName.sql, wholeName.params), wholeName.threshold);
    for (const r of more.rows) if (!seen.has(r.id)) ids.push(r.id);
  }
  return ids;
}

async function loadPersons(db: Queryable, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return (await db.query<PersonRow>(`${PERSON_SELECT} WHERE p.id = ANY($1::uuid[])`, [ids])).rows;
}

/**
 * Persons who may be the same as `query`, anywhere in the operation (a person registered at
 * another office must be found), best first, each with its score and one reason per field.
 * Candidates outside the caller's claim scope carry only minimal identifying fields and the
 * number and office of their claims. Records merged into another person count for the survivor.
 * Reads only; `checkDuplicates` is the audited use case behind the API route.
 */
export async function findDuplicateCandidates(
  db: Database | Queryable, ctx: RequestContext, query: DuplicateQuery, options: FindDuplicateOptions = {},
): Promise<TDuplicateCandidate[]> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const actor = ctx.actor;
  const limit = Math.min(Math.max(options.limit ?? 10, 1), 50);
  const run = async (tx: Queryable) => {
    const ids = await candidateIds(tx, query);
    const persons = new Map((await loadPersons(tx, ids)).map((p) => [p.id, p]));
    // Follow merges to the surviving person (a chain is short; bounded anyway).
    for (let depth = 0; depth < 5; depth++) {
      const missing = [...persons.values()].map((p) => p.mergedIntoId).filter((id): id is string => !!id && !persons.has(id));
      if (missing.length === 0) break;
      for (const p of await loadPersons(tx, missing)) persons.set(p.id, p);
    }
    const survivorOf = (id: string): string => {
      let current = persons.get(id);
      for (let depth = 0; current?.mergedIntoId && depth < 5; depth++) current = persons.get(current.mergedIntoId);
      return current?.id ?? id;
    };
    const excluded = new Set<string>();
    if (query.personId) {
      excluded.add(query.personId);
      const { rows } = await tx.query<{ other: string }>(
        `SELECT CASE WHEN person_a_id = $1 THEN person_b_id ELSE person_a_id END AS other
           FROM person_non_duplicates WHERE person_a_id = $1 OR person_b_id = $1`, [query.personId]);
      for (const r of rows) excluded.add(r.other);
    }
    const best = new Map<string, { result: MatchResult; matchedId: string }>();
    for (const id of ids) {
      const person = persons.get(id);
      if (!person) continue;
      const finalId = survivorOf(id);
      if (excluded.has(finalId) || excluded.has(id)) continue;
      const result = scoreCandidate(query, person);
      if (!isShownCandidate(result)) continue;
      const current = best.get(finalId);
      if (!current || result.score > current.result.score) best.set(finalId, { result, matchedId: id });
    }
    const ranked = [...best.entries()]
      .toSorted(([, a], [, b]) => b.result.score - a.result.score || Number(b.result.documentMatch) - Number(a.result.documentMatch))
      .slice(0, limit);
    if (ranked.length === 0) return [];
    const finalIds = ranked.map(([id]) => id);
    const claims = (await tx.query<ClaimRow>(
      `SELECT m.person_id AS "personId", c.id AS "claimId", c.claim_number AS "claimNumber", c.office_id AS "officeId",
              o.institution_id AS "institutionId", o.code AS "officeCode", o.name AS "officeName", m.relation, c.status,
              c.assigned_officer_id AS "assignedOfficerId"
         FROM claim_members m JOIN claims c ON c.id = m.claim_id JOIN offices o ON o.id = c.office_id
        WHERE m.person_id = ANY($1::uuid[]) ORDER BY c.lodged_at DESC, c.claim_number`, [finalIds])).rows;
    const canRead = (c: ClaimRow) => mayReadClaimOf(actor, { office_id: c.officeId, institution_id: c.institutionId, assigned_officer_id: c.assignedOfficerId });
    return ranked.map(([id, { result, matchedId }]): TDuplicateCandidate => {
      const person = persons.get(id)!;
      const own = claims.filter((c) => c.personId === id);
      const inScope = mayReadPersonFile(actor, own.map((c) => ({ office_id: c.officeId, institution_id: c.institutionId, assigned_officer_id: c.assignedOfficerId })));
      return {
        personId: id,
        score: result.score,
        level: result.level,
        inScope,
        givenNames: person.givenNames,
        firstSurname: person.firstSurname,
        secondSurname: person.secondSurname,
        birthDate: person.birthDate,
        birthDateEstimated: person.birthDateEstimated,
        nationalities: person.nationalities,
        sex: person.sex,
        ...(inScope ? { otherNames: person.otherNames, documents: person.documents } : {}),
        claims: own.map((c) => ({
          claimId: canRead(c) ? c.claimId : null,
          claimNumber: c.claimNumber,
          officeCode: c.officeCode,
          officeName: c.officeName,
          relation: c.relation,
          status: canRead(c) ? c.status : null,
        })),
        matchedMergedPersonId: matchedId === id ? null : matchedId,
        reasons: result.reasons,
      };
    });
  };
  // The trigram threshold is set for this transaction only.
  return 'transaction' in db ? db.transaction(run) : run(db);
}

/**
 * The API's duplicate check: the candidates, and an audit event naming who was shown (persons
 * outside the caller's scope included), since the search spans the whole operation.
 */
export async function checkDuplicates(db: Database, ctx: RequestContext, input: TDuplicateCheckInput): Promise<TDuplicateCheckResult> {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  const { limit, ...query } = input;
  return db.transaction(async (tx) => {
    const candidates = await findDuplicateCandidates(tx, ctx, query, { limit });
    if (candidates.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'person.duplicate_checked', entityType: 'person', entityId: input.personId ?? null,
        officeId: ctx.actor?.officeIds[0] ?? null,
        details: {
          candidates: candidates.map((c) => ({ personId: c.personId, score: c.score, inScope: c.inScope })),
        },
      });
    }
    return { candidates, threshold: DUPLICATE_WEIGHTS.threshold };
  });
}
