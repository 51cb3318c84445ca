import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@refugio/db';
import { documentKey, foldName, type TDuplicateCandidate, type TPersonMerge } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let registro: TestSession;
let supervisor: TestSession;
let inm: TestSession;

interface PersonFields {
  givenNames: string; firstSurname?: string | null; secondSurname?: string | null; otherNames?: string[];
  birthDate?: string | null; birthDateEstimated?: boolean; nationalities?: string[];
  documents?: Array<{ type: string; number: string; issuingCountry: string | null }>; sex?: string;
}

async function insertPerson(db: Database, p: PersonFields): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO persons (given_names, first_surname, second_surname, other_names, birth_date, birth_date_estimated,
       nationalities, documents, sex) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [p.givenNames, p.firstSurname ?? null, p.secondSurname ?? null, p.otherNames ?? [], p.birthDate ?? null,
      p.birthDateEstimated ?? false, p.nationalities ?? [], JSON.stringify(p.documents ?? []), p.sex ?? null]);
  return rows[0]!.id;
}

let claimSeq = 0;
async function insertClaim(db: Database, officeCode: string, members: Array<{ personId: string; relation: string }>): Promise<{ id: string; number: string }> {
  const office = (await db.query<{ id: string }>('SELECT id FROM offices WHERE code = $1', [officeCode])).rows[0]!.id;
  let calendar = (await db.query<{ id: string }>('SELECT id FROM calendars ORDER BY is_default_for_claims DESC LIMIT 1')).rows[0]?.id;
  if (!calendar) {
    calendar = (await db.query<{ id: string }>(`INSERT INTO calendars (code, name) VALUES ('DUP-TEST', 'Test') RETURNING id`)).rows[0]!.id;
  }
  const number = `DUP-${officeCode}-${String(++claimSeq).padStart(6, '0')}`;
  const principal = members.find((m) => m.relation === 'principal')!.personId;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id)
     VALUES ($1, $2, $3, 'comar_office', now() - make_interval(secs => $5), $4) RETURNING id`,
    [number, office, principal, calendar, 1000 - claimSeq]);
  for (const m of members) {
    await db.query('INSERT INTO claim_members (claim_id, person_id, relation) VALUES ($1, $2, $3)', [rows[0]!.id, m.personId, m.relation]);
  }
  return { id: rows[0]!.id, number };
}

const check = (session: TestSession | null, body: unknown) => call(t.app, 'POST', '/api/persons/duplicate-check', { session, body });
const candidatesOf = (res: { json: () => unknown }) => (res.json() as { candidates: TDuplicateCandidate[] }).candidates;

// The person registered first, at COMAR Tapachula.
const JOSE: PersonFields = {
  givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'Pérez', birthDate: '1990-05-14', nationalities: ['HND'],
  documents: [{ type: 'passport', number: 'F-123 456', issuingCountry: 'HND' }], sex: 'male',
};
let joseId: string;
let joseClaim: { id: string; number: string };
let lookalikeId: string;
let mohamedId: string;
let cdmxPersonId: string;
let cdmxClaim: { id: string; number: string };

beforeAll(async () => {
  t = await createTestApp();
  [registro, supervisor, inm] = await Promise.all([loginAs(t.app, 'registro'), loginAs(t.app, 'supervisor'), loginAs(t.app, 'inm')]);
  joseId = await insertPerson(t.db, JOSE);
  joseClaim = await insertClaim(t.db, 'COMAR-TAP', [{ personId: joseId, relation: 'principal' }]);
  // Similar name, another birth date and nationality: a different person.
  lookalikeId = await insertPerson(t.db, { givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'López', birthDate: '1972-11-02', nationalities: ['CUB'] });
  await insertClaim(t.db, 'COMAR-TAP', [{ personId: lookalikeId, relation: 'principal' }]);
  mohamedId = await insertPerson(t.db, { givenNames: 'Mohammed', firstSurname: 'Youssef', secondSurname: 'Haddad', birthDate: '1985-03-02', nationalities: ['SYR'] });
  await insertClaim(t.db, 'COMAR-TAP', [{ personId: mohamedId, relation: 'principal' }]);
  // Registered at another office (outside the Tapachula clerk's scope).
  cdmxPersonId = await insertPerson(t.db, {
    givenNames: 'Marie Carmelle', firstSurname: 'Joseph', birthDate: '1994-07-21', nationalities: ['HTI'],
    documents: [{ type: 'passport', number: 'HT-998877', issuingCountry: 'HTI' }],
  });
  cdmxClaim = await insertClaim(t.db, 'COMAR-CDMX', [{ personId: cdmxPersonId, relation: 'principal' }]);
});
afterAll(async () => {
  await t?.close();
});

describe('duplicate check', () => {
  it('finds the same person with accents dropped, surnames swapped and a birth date one day off, and says why', async () => {
    const res = await check(registro, {
      givenNames: 'Jose Luis', firstSurname: 'Perez', secondSurname: 'Hernandez', birthDate: '1990-05-15', nationalities: ['HND'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const candidates = candidatesOf(res);
    expect(candidates[0]).toMatchObject({
      personId: joseId, level: 'high', inScope: true, givenNames: 'José Luis', firstSurname: 'Hernández',
      claims: [{ claimId: joseClaim.id, claimNumber: joseClaim.number, officeCode: 'COMAR-TAP', relation: 'principal' }],
    });
    expect(candidates[0]!.score).toBeGreaterThanOrEqual(70);
    expect(candidates[0]!.reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'name', kind: 'swapped_surnames', value: 'José Luis Hernández Pérez' }),
      expect.objectContaining({ field: 'birthDate', kind: 'one_day', days: 1, value: '1990-05-14' }),
      expect.objectContaining({ field: 'nationality', kind: 'match', common: ['HND'] }),
    ]));
    // The look-alike (other birth date and nationality) is not proposed.
    expect(candidates.map((c) => c.personId)).not.toContain(lookalikeId);
    const event = (await auditEvents(t.db, 'person.duplicate_checked')).at(-1);
    expect(event).toMatchObject({ actor_username: 'registro' });
    expect(event?.details.candidates).toEqual(expect.arrayContaining([expect.objectContaining({ personId: joseId, inScope: true })]));
  });

  it('finds a transliterated name and names the variants', async () => {
    const res = await check(registro, { givenNames: 'Muhammad', firstSurname: 'Yusuf', secondSurname: 'Hadad', birthDate: '1985-03-02', nationalities: ['SYR'] });
    const found = candidatesOf(res).find((c) => c.personId === mohamedId);
    expect(found?.reasons[0]).toMatchObject({
      field: 'name', kind: 'transliteration',
      variants: [{ from: 'muhammad', to: 'mohammed' }, { from: 'yusuf', to: 'youssef' }, { from: 'hadad', to: 'haddad' }],
    });
    expect(found?.reasons[1]).toMatchObject({ field: 'birthDate', kind: 'exact' });
  });

  it('the look-alike alone scores low and is not returned', async () => {
    const res = await check(registro, { givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'López', birthDate: '1972-11-02', nationalities: ['CUB'] });
    const ids = candidatesOf(res).map((c) => c.personId);
    expect(ids[0]).toBe(lookalikeId);
    expect(ids).not.toContain(joseId);
  });

  it('finds a normalized document number whatever the name', async () => {
    const res = await check(registro, { givenNames: 'Luis', firstSurname: 'Pérez', documents: [{ type: 'passport', number: 'f123456' }] });
    const found = candidatesOf(res).find((c) => c.personId === joseId);
    expect(found?.reasons.find((r) => r.field === 'document')).toMatchObject({ kind: 'match', value: 'F123456' });
  });

  it('searches the whole operation but gives only minimal fields outside the caller\'s scope', async () => {
    const res = await check(registro, { givenNames: 'Marie Carmel', firstSurname: 'Josef', birthDate: '1994-07-21', documents: [{ number: 'HT998877' }] });
    const found = candidatesOf(res).find((c) => c.personId === cdmxPersonId);
    expect(found).toMatchObject({
      inScope: false, givenNames: 'Marie Carmelle', claims: [{ claimId: null, claimNumber: cdmxClaim.number, officeCode: 'COMAR-CDMX', status: null }],
    });
    expect(found).not.toHaveProperty('documents');
    expect(found).not.toHaveProperty('otherNames');
  });

  it('finds a person whose birth date was estimated, and a person without a birth date', async () => {
    const estimated = await insertPerson(t.db, { givenNames: 'Wilner', firstSurname: 'Pierre', secondSurname: 'Toussaint', birthDate: '1990-01-01', birthDateEstimated: true, nationalities: ['HTI'] });
    const undated = await insertPerson(t.db, { givenNames: 'Wilnert', firstSurname: 'Pierre', secondSurname: 'Toussaint', nationalities: ['HTI'] });
    await insertClaim(t.db, 'COMAR-TAP', [{ personId: estimated, relation: 'principal' }, { personId: undated, relation: 'sibling' }]);
    const res = await check(registro, { givenNames: 'Wilner', firstSurname: 'Pierre', secondSurname: 'Toussaint', birthDate: '1990-06-15', nationalities: ['HTI'] });
    const byId = new Map(candidatesOf(res).map((c) => [c.personId, c]));
    expect(byId.get(estimated)?.reasons[1]).toMatchObject({ field: 'birthDate', kind: 'estimated_same_year' });
    expect(byId.get(undated)?.reasons[1]).toMatchObject({ field: 'birthDate', kind: 'missing' });
  });

  it('refuses callers without register:claim:office, and anonymous callers', async () => {
    expectProblem(await check(inm, { givenNames: 'Jose' }), 403, 'FORBIDDEN');
    expectProblem(await check(null, { givenNames: 'Jose' }), 401, 'UNAUTHENTICATED');
  });

  it('answers bad input with field errors', async () => {
    const res = await check(registro, { firstSurname: 'Pérez', birthDate: '1990-02-30', nationalities: ['honduras'], extra: 1 });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field)).toEqual(expect.arrayContaining(['givenNames', 'birthDate', 'nationalities.0']));
    expectProblem(await check(registro, { givenNames: 'Jose', limit: 500 }), 400, 'VALIDATION_FAILED');
  });
});

describe('duplicate check without a birth date (ADR 057)', () => {
  // A hand-made register around one name: spelling variants, swapped and split surnames, a typo,
  // a missing or different given name, another nationality, an alias, a document in common, and
  // people who merely look alike. The expected lists are what the check returned before the
  // whole-name scan was restricted to the similarity that can be shown (same candidates, scores
  // and reasons).
  const REGISTER: PersonFields[] = [
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe', secondSurname: 'Mamani', birthDate: '1988-02-03', nationalities: ['PER'] },
    { givenNames: 'ROSA ELENA', firstSurname: 'QUISPE', secondSurname: 'MAMANÍ', birthDate: '1979-10-30', nationalities: ['PER'] },
    { givenNames: 'Rosa Elena', firstSurname: 'Mamani', secondSurname: 'Quispe', nationalities: ['PER'] },
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe Mamani', birthDate: '1990-01-01', birthDateEstimated: true, nationalities: ['PER'] },
    { givenNames: 'Rosa Helena', firstSurname: 'Quispe', secondSurname: 'Mamanni', birthDate: '1988-03-02', nationalities: ['PER'] },
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe', secondSurname: 'Mamanu', birthDate: '2001-06-07', nationalities: ['PER'] },
    { givenNames: 'Rosa', firstSurname: 'Quispe', secondSurname: 'Mamani', birthDate: '1988-02-03', nationalities: ['PER'] },
    { givenNames: 'Rosa María', firstSurname: 'Quispe', secondSurname: 'Mamani', nationalities: ['PER'] },
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe', secondSurname: 'Mamani', birthDate: '1988-02-03', nationalities: ['BOL'] },
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe', secondSurname: 'Mamani' },
    { givenNames: 'Elena', firstSurname: 'Condori', otherNames: ['Rosa Elena Quispe Mamani'], birthDate: '1987-12-12', nationalities: ['PER'] },
    { givenNames: 'Rosalinda', firstSurname: 'Quispe', secondSurname: 'Huamán', birthDate: '1988-02-03', nationalities: ['PER'] },
    { givenNames: 'Rosa', firstSurname: 'Quispe', nationalities: ['PER'] },
    { givenNames: 'Elena', firstSurname: 'Mamani', secondSurname: 'Quispe', nationalities: ['PER'] },
    { givenNames: 'Juan', firstSurname: 'Pérez', documents: [{ type: 'passport', number: 'PE-4455667', issuingCountry: 'PER' }], nationalities: ['PER'] },
  ];
  const QUERIES = [
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe', secondSurname: 'Mamani', nationalities: ['PER'] },
    { givenNames: 'Rosa Elena', firstSurname: 'Quispe', secondSurname: 'Mamani' },
    { givenNames: 'Rosa Elena', firstSurname: 'Mamani', nationalities: ['PER'] },
    { givenNames: 'Roza', firstSurname: 'Kispe', secondSurname: 'Mamani', nationalities: ['PER'],
      documents: [{ type: 'passport', number: 'pe 4455667', issuingCountry: 'PER' }] },
  ];
  // Sorted: candidates with equal scores come in no particular order.
  const EXPECTED: string[][] = [
    [
      '#0 60 possible name:exact:50 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#1 58 possible name:accent_insensitive:48 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#13 46 possible name:similar:36 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#2 55 possible name:swapped_surnames:45 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#3 52 possible name:surname_set:42 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#4 50 possible name:transliteration:40 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#5 48 possible name:similar:38 birthDate:missing:0 nationality:match:10 document:missing:0',
      '#9 50 possible name:exact:50 birthDate:missing:0 nationality:missing:0 document:missing:0',
    ],
    [
      '#0 50 possible name:exact:50 birthDate:missing:0 nationality:missing:0 document:missing:0',
      '#1 48 possible name:accent_insensitive:48 birthDate:missing:0 nationality:missing:0 document:missing:0',
      '#2 45 possible name:swapped_surnames:45 birthDate:missing:0 nationality:missing:0 document:missing:0',
      '#8 50 possible name:exact:50 birthDate:missing:0 nationality:missing:0 document:missing:0',
      '#9 50 possible name:exact:50 birthDate:missing:0 nationality:missing:0 document:missing:0',
    ],
    [],
    [
      '#14 55 possible name:different:0 birthDate:missing:0 nationality:match:10 document:match:45',
    ],
  ];

  it('shows the same candidates, scores and reasons as before on a hand-made register', async () => {
    const names = new Map<string, number>();
    for (const [i, p] of REGISTER.entries()) {
      const id = await insertPerson(t.db, p);
      names.set(id, i);
      await insertClaim(t.db, 'COMAR-TAP', [{ personId: id, relation: 'principal' }]);
    }
    const got: string[][] = [];
    for (const query of QUERIES) {
      const res = await check(registro, { ...query, limit: 50 });
      expect(res.statusCode).toBe(200);
      got.push(candidatesOf(res).filter((c) => names.has(c.personId)).map((c) =>
        `#${names.get(c.personId)} ${c.score} ${c.level} ${c.reasons.map((r) => `${r.field}:${r.kind}:${r.points}`).join(' ')}`).toSorted());
    }
    expect(got).toEqual(EXPECTED);
  });
});

describe('not the same person', () => {
  it('records the pair once, audits it, and the pair is not proposed again', async () => {
    const newcomer = await insertPerson(t.db, { givenNames: 'Jose Luis', firstSurname: 'Hernandez', secondSurname: 'Perez', birthDate: '1990-05-14', nationalities: ['HND'] });
    await insertClaim(t.db, 'COMAR-TAP', [{ personId: newcomer, relation: 'principal' }]);
    const query = { personId: newcomer, givenNames: 'Jose Luis', firstSurname: 'Hernandez', secondSurname: 'Perez', birthDate: '1990-05-14', nationalities: ['HND'] };
    const before = candidatesOf(await check(registro, query)).map((c) => c.personId);
    expect(before).toContain(joseId);
    expect(before).not.toContain(newcomer);

    const url = `/api/persons/${newcomer}/not-duplicate`;
    const first = await call(t.app, 'POST', url, { session: registro, body: { otherPersonId: joseId, reason: 'Otra madre, otro lugar de nacimiento' } });
    expect(first.statusCode, first.body).toBe(200);
    const again = await call(t.app, 'POST', url, { session: registro, body: { otherPersonId: joseId } });
    expect(again.json()).toEqual(first.json());
    expect((await auditEvents(t.db, 'person.not_duplicate_recorded')).filter((e) => e.entity_id === newcomer)).toHaveLength(1);

    expect(candidatesOf(await check(registro, query)).map((c) => c.personId)).not.toContain(joseId);
  });

  it('refuses a person of another office, itself, and unknown persons', async () => {
    expectProblem(await call(t.app, 'POST', `/api/persons/${cdmxPersonId}/not-duplicate`, { session: registro, body: { otherPersonId: joseId } }), 403, 'FORBIDDEN');
    const self = await call(t.app, 'POST', `/api/persons/${joseId}/not-duplicate`, { session: registro, body: { otherPersonId: joseId } });
    expectProblem(self, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(self)).toEqual([{ field: 'otherPersonId', code: 'validation.invalid_value' }]);
    expectProblem(await call(t.app, 'POST', `/api/persons/${randomUUID()}/not-duplicate`, { session: registro, body: { otherPersonId: joseId } }), 404, 'NOT_FOUND');
    const unknown = await call(t.app, 'POST', `/api/persons/${joseId}/not-duplicate`, { session: registro, body: { otherPersonId: randomUUID() } });
    expect(fieldErrors(unknown)).toEqual([{ field: 'otherPersonId', code: 'validation.unknown_reference' }]);
    expectProblem(await call(t.app, 'POST', '/api/persons/not-a-uuid/not-duplicate', { session: registro, body: { otherPersonId: joseId } }), 400, 'VALIDATION_FAILED');
  });
});

describe('merges', () => {
  let survivorId: string;
  let duplicateId: string;
  let childId: string;
  let merge: TPersonMerge;
  type State = { members: unknown[]; principals: unknown[]; persons: unknown[] };
  const state = async (): Promise<State> => ({
    members: (await t.db.query(`SELECT claim_id, person_id, relation, unaccompanied FROM claim_members
      WHERE person_id = ANY($1::uuid[]) ORDER BY claim_id, person_id`, [[survivorId, duplicateId, childId]])).rows,
    principals: (await t.db.query('SELECT id, principal_person_id FROM claims WHERE principal_person_id = ANY($1::uuid[]) ORDER BY id',
      [[survivorId, duplicateId]])).rows,
    persons: (await t.db.query(`SELECT id, given_names, first_surname, birth_date, merged_into_id FROM persons
      WHERE id = ANY($1::uuid[]) ORDER BY id`, [[survivorId, duplicateId]])).rows,
  });
  let before: State;

  beforeAll(async () => {
    survivorId = await insertPerson(t.db, { givenNames: 'Yesenia', firstSurname: 'Castillo', secondSurname: 'Ramírez', birthDate: '1988-02-10', nationalities: ['SLV'] });
    duplicateId = await insertPerson(t.db, { givenNames: 'Jesenia', firstSurname: 'Castiyo', secondSurname: 'Ramirez', birthDate: '1988-10-02', nationalities: ['SLV'] });
    childId = await insertPerson(t.db, { givenNames: 'Kevin', firstSurname: 'Castillo', birthDate: '2015-06-01', nationalities: ['SLV'] });
    await insertClaim(t.db, 'COMAR-TAP', [{ personId: survivorId, relation: 'principal' }]);
    await insertClaim(t.db, 'COMAR-TAP', [{ personId: duplicateId, relation: 'principal' }, { personId: childId, relation: 'child' }]);
    before = await state();
  });

  it('refuses the clerk (no merge:person:office) and persons of another office', async () => {
    const body = { survivorId, mergedId: duplicateId, reason: 'Misma persona' };
    expectProblem(await call(t.app, 'POST', '/api/persons/merges', { session: registro, body }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'POST', '/api/persons/merges', { session: supervisor, body: { ...body, mergedId: cdmxPersonId } }), 403, 'FORBIDDEN');
    const same = await call(t.app, 'POST', '/api/persons/merges', { session: supervisor, body: { ...body, mergedId: survivorId } });
    expect(fieldErrors(same)).toEqual([{ field: 'mergedId', code: 'validation.invalid_value' }]);
    const noReason = await call(t.app, 'POST', '/api/persons/merges', { session: supervisor, body: { survivorId, mergedId: duplicateId } });
    expect(fieldErrors(noReason).map((e) => e.field)).toEqual(['reason']);
  });

  it('merges: the claims move to the survivor, the merged row stays marked, audited', async () => {
    const res = await call(t.app, 'POST', '/api/persons/merges', { session: supervisor, body: { survivorId, mergedId: duplicateId, reason: 'Misma persona: mismo documento de la madre' } });
    expect(res.statusCode, res.body).toBe(201);
    merge = res.json<TPersonMerge>();
    expect(merge).toMatchObject({ survivor: { id: survivorId }, merged: { id: duplicateId }, mergedBy: 'supervisor', undoneAt: null,
      moved: { claim_members: 1, claims: 1 } });
    const after = await state();
    expect(after.members).toEqual(expect.arrayContaining([expect.objectContaining({ person_id: survivorId, relation: 'principal' })]));
    expect((after.members as Array<{ person_id: string }>).filter((m) => m.person_id === duplicateId)).toHaveLength(0);
    expect((after.principals as Array<{ principal_person_id: string }>).every((p) => p.principal_person_id === survivorId)).toBe(true);
    expect(after.persons).toEqual(expect.arrayContaining([expect.objectContaining({ id: duplicateId, merged_into_id: survivorId })]));
    expect((await auditEvents(t.db, 'person.merged')).at(-1)).toMatchObject({ entity_id: survivorId, details: expect.objectContaining({ mergeId: merge.id, mergedId: duplicateId }) });
    // The merged spelling still finds the survivor (once).
    const found = candidatesOf(await check(registro, { givenNames: 'Jesenia', firstSurname: 'Castiyo', secondSurname: 'Ramirez', birthDate: '1988-10-02', nationalities: ['SLV'] }));
    expect(found.filter((c) => c.personId === survivorId || c.personId === duplicateId)).toEqual([
      expect.objectContaining({ personId: survivorId, matchedMergedPersonId: duplicateId }),
    ]);
    // Listed for the supervisor; a second merge of the same person is refused.
    const list = await call(t.app, 'GET', '/api/persons/merges', { session: supervisor });
    expect(list.json<TPersonMerge[]>().map((m) => m.id)).toContain(merge.id);
    expectProblem(await call(t.app, 'POST', '/api/persons/merges', { session: supervisor, body: { survivorId, mergedId: duplicateId, reason: 'otra vez' } }), 409, 'INVALID_STATE');
  });

  it('undo restores exactly what was there, once, audited', async () => {
    const res = await call(t.app, 'POST', `/api/persons/merges/${merge.id}/undo`, { session: supervisor, body: { reason: 'Error: son hermanas' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: merge.id, undoneBy: 'supervisor', undoReason: 'Error: son hermanas' });
    expect(await state()).toEqual(before);
    expect((await auditEvents(t.db, 'person.merge_undone')).at(-1)).toMatchObject({ entity_id: survivorId, details: expect.objectContaining({ restored: { 'claim_members.person_id': 1, 'claims.principal_person_id': 1 } }) });
    expectProblem(await call(t.app, 'POST', `/api/persons/merges/${merge.id}/undo`, { session: supervisor, body: { reason: 'again' } }), 409, 'INVALID_STATE');
    expectProblem(await call(t.app, 'POST', `/api/persons/merges/${randomUUID()}/undo`, { session: supervisor, body: { reason: 'x' } }), 404, 'NOT_FOUND');
  });

  it('refuses to merge two members of the same claim', async () => {
    const res = await call(t.app, 'POST', '/api/persons/merges', { session: supervisor, body: { survivorId: duplicateId, mergedId: childId, reason: 'x' } });
    expectProblem(res, 409, 'INVALID_STATE');
  });
});

describe('folding in SQL and in code agree', () => {
  it('refugio_name_fold = foldName and refugio_document_keys = documentKey', async () => {
    const names = ['José Hernández', 'Mohammed', 'Muhammad', 'Youssef', 'Yusuf', 'Joseph Phillipe', 'Castillo', 'Valdez Zúñiga',
      'Cecilia', 'Chávez', 'Shakira', 'Ahmed', 'Ahmad', 'Ñandú Ølsen', 'Jean-Baptiste  Louis', "O'Brien", 'Hhh', 'MÜLLER Straße'];
    const { rows } = await t.db.query<{ input: string; folded: string }>(
      'SELECT x AS input, refugio_name_fold(x) AS folded FROM unnest($1::text[]) x', [names]);
    expect(rows.map((r) => r.folded)).toEqual(names.map((n) => foldName(n)));
    const docs = [{ number: 'f-123 456' }, { number: 'ab' }, { number: 'ÑX 99-88' }];
    const keys = (await t.db.query<{ keys: string[] }>('SELECT refugio_document_keys($1::jsonb) AS keys', [JSON.stringify(docs)])).rows[0]!.keys;
    expect(keys).toEqual([...new Set(docs.map((d) => documentKey(d.number)).filter((k) => k.length >= 4))].toSorted());
  });

  it('the keys stored on insert and on update equal the key functions (ADR 055)', async () => {
    const ids = [
      await insertPerson(t.db, { givenNames: 'Mohammed Ahmed', firstSurname: 'Youssef', secondSurname: 'El-Haddad', birthDate: '1985-03-02', birthDateEstimated: true,
        documents: [{ type: 'passport', number: 'ñx 99-88', issuingCountry: null }, { type: 'id', number: 'NX9988', issuingCountry: null }, { type: 'id', number: '12', issuingCountry: null }] }),
      await insertPerson(t.db, { givenNames: 'Zoë', firstSurname: null, secondSurname: '  ', birthDate: '2001-01-01' }),
      await insertPerson(t.db, { givenNames: '—', firstSurname: 'Çelik Çelik', secondSurname: 'Phillipe' }),
      await insertPerson(t.db, { givenNames: 'Ana', firstSurname: '李', birthDate: '1999-09-09' }),
    ];
    await t.db.query(`UPDATE persons SET second_surname = 'Villalobos', birth_date = '1984-01-01', name_key = 'forged', document_keys = '{FORGED}'
                       WHERE id = $1`, [ids[0]]);
    await t.db.query(`UPDATE persons SET phone = '+52 55 0000 0000', name_sort_key = 'forged' WHERE id = $1`, [ids[1]]);
    const { rows } = await t.db.query<{ same: boolean }>(
      `SELECT name_key = refugio_person_name_key(given_names, first_surname, second_surname)
              AND name_sort_key = refugio_name_sort_key(given_names, first_surname, second_surname)
              AND surname_year_keys = refugio_surname_year_keys(given_names, first_surname, second_surname, birth_date, birth_date_estimated)
              AND document_keys = refugio_document_keys(documents) AS same
         FROM persons WHERE id = ANY($1::uuid[])`, [ids]);
    expect(rows.map((r) => r.same)).toEqual([true, true, true, true]);
  });
});
