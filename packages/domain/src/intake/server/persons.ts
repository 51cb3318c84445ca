import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import { describeChanges, recordAudit } from '../../audit/server/index.ts';
import { AppError, FieldErrors } from '../../shared/errors.ts';
import { type Actor, type RequestContext, actorOf } from '../../shared/context.ts';
import { versionConflict } from '../../shared/server/db-errors.ts';
import { ageOn } from '../intake.rules.ts';
import type { TPerson, TPersonInput, ZPersonUpdate } from '../intake.schemas.ts';
import { mayReadSensitive } from '../../shared/policies/claim.policy.ts';
import { todayIn } from '../../shared/time.ts';
import { loadCorrectableClaim } from '../../procedure/server/index.ts';

export interface PersonRow {
  id: string;
  given_names: string;
  first_surname: string | null;
  second_surname: string | null;
  other_names: string[];
  sex: TPerson['sex'];
  gender_identity: string | null;
  birth_date: string | null;
  birth_date_estimated: boolean;
  nationalities: string[];
  habitual_residence: string | null;
  languages: string[];
  needs_interpreter: boolean;
  phone: string | null;
  email: string | null;
  address: TPerson['address'];
  documents: TPerson['documents'];
  merged_into_id: string | null;
  version: number;
}

export const PERSON_COLUMNS = `p.id, p.given_names, p.first_surname, p.second_surname, p.other_names, p.sex, p.gender_identity,
  to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date, p.birth_date_estimated, p.nationalities, p.habitual_residence,
  p.languages, p.needs_interpreter, p.phone, p.email, p.address, p.documents, p.merged_into_id, p.version`;

const EMPTY_ADDRESS = { line: null, municipality: null, stateCode: null, postalCode: null };

/** The person as the API shows it; the gender identity only under the field policy. */
export function presentPerson(row: PersonRow, readSensitive: boolean, today = todayIn()): TPerson {
  const age = row.birth_date ? ageOn(row.birth_date, today) : null;
  return {
    id: row.id,
    givenNames: row.given_names,
    firstSurname: row.first_surname,
    secondSurname: row.second_surname,
    otherNames: row.other_names,
    sex: row.sex,
    genderIdentity: readSensitive ? row.gender_identity : null,
    genderIdentityRedacted: !readSensitive && row.gender_identity !== null,
    birthDate: row.birth_date,
    birthDateEstimated: row.birth_date_estimated,
    age,
    isChild: age === null ? null : age < 18,
    nationalities: row.nationalities,
    habitualResidence: row.habitual_residence,
    languages: row.languages,
    needsInterpreter: row.needs_interpreter,
    phone: row.phone,
    email: row.email,
    address: { ...EMPTY_ADDRESS, ...row.address },
    documents: row.documents,
    mergedIntoId: row.merged_into_id,
    version: row.version,
  };
}

/** Checks what a schema cannot: dates of birth not in the future. */
export function checkPerson(person: { birthDate?: string | null | undefined }, field: string, errors: FieldErrors, today = todayIn()): void {
  if (person.birthDate && person.birthDate > today) errors.add(`${field}.birthDate`, 'validation.date_in_future');
  if (person.birthDate && person.birthDate < '1900-01-01') errors.add(`${field}.birthDate`, 'validation.invalid_date');
}

export async function insertPerson(tx: Queryable, person: TPersonInput): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO persons (given_names, first_surname, second_surname, other_names, sex, gender_identity, birth_date,
       birth_date_estimated, nationalities, habitual_residence, languages, needs_interpreter, phone, email, address, documents)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [person.givenNames, person.firstSurname, person.secondSurname, person.otherNames, person.sex, person.genderIdentity,
      person.birthDate, person.birthDateEstimated, person.nationalities, person.habitualResidence, person.languages,
      person.needsInterpreter, person.phone, person.email, JSON.stringify(person.address), JSON.stringify(person.documents)],
  );
  return rows[0]!.id;
}

export async function loadPersonRow(db: Queryable, id: string): Promise<PersonRow> {
  const row = (await db.query<PersonRow>(`SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Corrects a person's data from one of their claims: the caller must be able to update that
 * claim. Changing the gender identity needs the field policy too.
 */
export async function updatePerson(
  db: Database, ctx: RequestContext, claimId: string, personId: string, input: z.infer<typeof ZPersonUpdate>,
): Promise<TPerson> {
  const actor: Actor = actorOf(ctx);
  const errors = new FieldErrors();
  checkPerson(input, 'person', errors);
  for (const e of errors.errors) e.field = e.field.replace(/^person\./, '');
  errors.throwIfAny();
  return db.transaction(async (tx) => {
    const claim = await loadCorrectableClaim(tx, actor, claimId);
    const member = await tx.query('SELECT 1 FROM claim_members WHERE claim_id = $1 AND person_id = $2', [claimId, personId]);
    if (member.rowCount === 0) throw new AppError('NOT_FOUND');
    const sensitive = mayReadSensitive(actor, claim);
    if (input.genderIdentity !== undefined && !sensitive) throw new AppError('FORBIDDEN');
    const before = await loadPersonRow(tx, personId);
    const set: string[] = [];
    const params: unknown[] = [personId, input.version];
    const columns: Array<[keyof typeof input, string, (v: unknown) => unknown]> = [
      ['givenNames', 'given_names', (v) => v], ['firstSurname', 'first_surname', (v) => v],
      ['secondSurname', 'second_surname', (v) => v], ['otherNames', 'other_names', (v) => v], ['sex', 'sex', (v) => v],
      ['genderIdentity', 'gender_identity', (v) => v], ['birthDate', 'birth_date', (v) => v],
      ['birthDateEstimated', 'birth_date_estimated', (v) => v], ['nationalities', 'nationalities', (v) => v],
      ['habitualResidence', 'habitual_residence', (v) => v], ['languages', 'languages', (v) => v],
      ['needsInterpreter', 'needs_interpreter', (v) => v], ['phone', 'phone', (v) => v], ['email', 'email', (v) => v],
      ['address', 'address', (v) => JSON.stringify(v)], ['documents', 'documents', (v) => JSON.stringify(v)],
    ];
    for (const [key, column, map] of columns) {
      if (input[key] === undefined) continue;
      params.push(map(input[key]));
      set.push(`${column} = $${params.length}`);
    }
    const { rowCount } = await tx.query(
      `UPDATE persons SET ${[...set, 'version = version + 1', 'updated_at = now()'].join(', ')}
        WHERE id = $1 AND version = $2 AND merged_into_id IS NULL`, params);
    if (rowCount === 0) {
      if (before.merged_into_id) throw new AppError('INVALID_STATE', { extra: { reason: 'person_merged', mergedIntoId: before.merged_into_id } });
      throw versionConflict(presentPerson(before, sensitive));
    }
    const beforeView = presentPerson(before, true);
    const { version: _v, ...changed } = input;
    const changes = describeChanges(beforeView, changed, ['genderIdentity']);
    await recordAudit(tx, ctx, { action: 'claim.person_updated', entityType: 'person', entityId: personId, officeId: claim.office_id,
      details: { claimId, changes } });
    await tx.query(
      `INSERT INTO claim_events (claim_id, kind, details, actor_user_id) VALUES ($1, 'person_updated', $2, $3)`,
      [claimId, JSON.stringify({ personId, fields: Object.keys(changes) }), actor.userId]);
    return presentPerson(await loadPersonRow(tx, personId), sensitive);
  });
}

export { EMPTY_ADDRESS };
