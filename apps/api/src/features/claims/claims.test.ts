import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TClaimListItem } from '@refugio/domain';
import { translate } from '@refugio/domain/server';
import { listMigrations, splitSql } from '@refugio/db';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let registro: TestSession;
let supervisor: TestSession;
let elegibilidad: TestSession;
let inm: TestSession;
let admin: TestSession;
let tapachula: string;
let cdmx: string;

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric' }).format(new Date()));
const yearsAgo = (n: number) => `${year - n}-03-15`;

beforeAll(async () => {
  t = await createTestApp();
  registro = await loginAs(t.app, 'registro');
  supervisor = await loginAs(t.app, 'supervisor');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  inm = await loginAs(t.app, 'inm');
  admin = await loginAs(t.app, 'admin');
  const offices = (await t.db.query<{ id: string; code: string }>('SELECT id, code FROM offices')).rows;
  tapachula = offices.find((o) => o.code === 'COMAR-TAP')!.id;
  cdmx = offices.find((o) => o.code === 'COMAR-CDMX')!.id;
});
afterAll(async () => {
  await t?.close();
});

const person = (givenNames: string, firstSurname: string, extra: Record<string, unknown> = {}) => ({
  givenNames, firstSurname, sex: 'female', birthDate: yearsAgo(30), nationalities: ['HND'], languages: ['es'], ...extra,
});

function family(overrides: Record<string, unknown> = {}) {
  return {
    officeId: tapachula,
    channel: 'comar_office',
    enteredMexicoOn: `${year}-01-05`,
    members: [
      { relation: 'principal', person: person('María José', 'Hernández', { secondSurname: 'López', genderIdentity: 'mujer trans' }) },
      { relation: 'child', person: person('Luis', 'Hernández', { sex: 'male', birthDate: yearsAgo(9) }) },
    ],
    flags: [{ memberIndex: 0, category: 'lgbtiq', indicator: 'Lo declara en la entrevista inicial' }],
    ...overrides,
  };
}

const register = (body: unknown, session = registro, headers: Record<string, string> = {}) =>
  call(t.app, 'POST', '/api/claims', { session, body, headers });
const get = (id: string, session: TestSession) => call(t.app, 'GET', `/api/claims/${id}`, { session });
const step = (id: string, action: string, body: Record<string, unknown>, session = registro) =>
  call(t.app, 'POST', `/api/claims/${id}/${action}`, { session, body });
const list = (query: string, session: TestSession) => call(t.app, 'GET', `/api/claims?${query}`, { session });
const count = async (table: string) => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

describe('registering a claim', () => {
  let claim: TClaim;

  it('creates the claim with its family, number, flags and first timeline entry', async () => {
    const res = await register(family());
    expect(res.statusCode, res.body).toBe(201);
    claim = res.json<TClaim>();
    expect(claim.claimNumber).toMatch(new RegExp(`^TAP-${year}-\\d{6}$`));
    expect(claim).toMatchObject({ status: 'registered', channel: 'comar_office', modality: 'regular', officeCode: 'COMAR-TAP', version: 1 });
    expect(claim.members.map((m) => [m.relation, m.person.givenNames, m.person.isChild])).toEqual([
      ['principal', 'María José', false], ['child', 'Luis', true],
    ]);
    expect(claim.members[1]!.person.age).toBe(9);
    // The clerk holds no read:sensitive: the gender identity and the LGBTIQ flag are hidden.
    expect(claim.canReadSensitive).toBe(false);
    expect(claim.members[0]!.person).toMatchObject({ genderIdentity: null, genderIdentityRedacted: true });
    expect(claim.flags).toEqual([expect.objectContaining({ category: null, indicator: null, sensitive: true, redacted: true })]);
    // The child is suggested, not yet recorded.
    expect(claim.suggestedFlags).toEqual([
      expect.objectContaining({ memberIndex: 1, category: 'child', indicatorKey: 'intake.indicators.child', params: { age: 9, estimated: 'exact' } }),
      expect.objectContaining({ memberIndex: 0, category: 'single_parent', params: { children: 1 } }),
    ]);
    expect(claim.allowedActions).toEqual(expect.arrayContaining(['admit', 'open_late_filing_review', 'abandon', 'withdraw']));
    const event = (await auditEvents(t.db, 'claim.created')).at(-1);
    expect(event).toMatchObject({ entity_id: claim.id, actor_username: 'registro' });
    expect(event!.details.flags).toEqual(['sensitive']);
    expect(JSON.stringify(event!.details)).not.toContain('Hernández');
  });

  it('starts the clocks: a decision due date on the default calendar', async () => {
    expect(claim.clocks.map((c) => c.kind)).toContain('decision');
    expect(claim.decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(claim.riskBand).toBe('on_track');
    const clocks = await call(t.app, 'GET', `/api/claims/${claim.id}/clocks`, { session: registro });
    expect(clocks.statusCode, clocks.body).toBe(200);
    const decision = clocks.json<Array<{ kind: string; dueOn: string; workingDays: number; skipped: unknown[] }>>().find((c) => c.kind === 'decision');
    expect(decision).toMatchObject({ dueOn: claim.decisionDueOn, workingDays: 45 });
    expect(decision!.skipped.length).toBeGreaterThan(0);
    expectProblem(await call(t.app, 'GET', `/api/claims/${claim.id}/clocks`, { session: elegibilidad }), 404, 'NOT_FOUND');
  });

  it('shows sensitive fields to the office supervisor, and audits every read', async () => {
    const before = (await auditEvents(t.db, 'claim.viewed')).length;
    const res = await get(claim.id, supervisor);
    expect(res.statusCode).toBe(200);
    const seen = res.json<TClaim>();
    expect(seen.canReadSensitive).toBe(true);
    expect(seen.members[0]!.person.genderIdentity).toBe('mujer trans');
    expect(seen.flags[0]).toMatchObject({ category: 'lgbtiq', redacted: false });
    expect((await auditEvents(t.db, 'claim.viewed')).length).toBe(before + 1);
  });

  it('numbers claims per office and year without gaps, also when registered at once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => register(family({ flags: [] }))));
    const numbers = results.map((r) => r.json<TClaim>().claimNumber).toSorted();
    const first = Number(claim.claimNumber.slice(-6));
    expect(numbers).toEqual([1, 2, 3, 4].map((i) => `TAP-${year}-${String(first + i).padStart(6, '0')}`));
  });

  it('is created whole or not at all: one bad member → 400 naming every bad field, nothing written', async () => {
    const [persons, claims] = [await count('persons'), await count('claims')];
    const res = await register(family({
      members: [
        { relation: 'child', person: person('Ana', 'Pérez') },
        { relation: 'principal', person: person('Ana', 'Pérez', { birthDate: `${year + 1}-01-01` }) },
        { relation: 'sibling', person: person('Rosa', 'Pérez'), existingPersonId: randomUUID() },
      ],
      flags: [{ memberIndex: 7, category: 'elderly', indicator: 'x' }],
    }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toEqual(expect.arrayContaining([
      { field: 'members.0.relation', code: 'validation.principal_first' },
      { field: 'members.1.relation', code: 'validation.one_principal' },
      { field: 'members.1.person.birthDate', code: 'validation.date_in_future' },
      { field: 'members.2.person', code: 'validation.person_or_existing' },
      { field: 'flags.0.memberIndex', code: 'validation.unknown_reference' },
    ]));
    expect([await count('persons'), await count('claims')]).toEqual([persons, claims]);
  });

  it('answers schema errors per field, localized', async () => {
    const res = await call(t.app, 'POST', '/api/claims', {
      session: registro, headers: { 'accept-language': 'en' },
      body: { officeId: tapachula, channel: 'fax', members: [{ relation: 'principal', person: { givenNames: '', nationalities: ['Honduras'], birthDate: '31/12/1990' } }] },
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toEqual(expect.arrayContaining([
      { field: 'channel', code: 'validation.invalid_option' },
      { field: 'members.0.person.givenNames', code: 'validation.required' },
      { field: 'members.0.person.nationalities.0', code: 'validation.country_code' },
      { field: 'members.0.person.birthDate', code: 'validation.invalid_date' },
    ]));
    // The signed-in user's language (Spanish) wins over Accept-Language.
    expect(body.errors?.find((e) => e.field === 'channel')?.message).toBe(translate('es-MX', 'validation.invalid_option'));
  });

  it('registers only at the clerk\'s own COMAR offices', async () => {
    expectProblem(await register(family({ officeId: cdmx })), 400, 'VALIDATION_FAILED');
    expectProblem(await register(family(), inm), 403, 'FORBIDDEN');
  });

  it('links an existing person instead of creating one', async () => {
    const principalId = claim.members[0]!.person.id;
    const res = await register(family({ members: [{ relation: 'principal', existingPersonId: principalId }], flags: [] }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TClaim>().members[0]!.person.id).toBe(principalId);
  });

  it('returns the first result to a retry with the same Idempotency-Key', async () => {
    const key = `claim-${randomUUID()}`;
    const claims = await count('claims');
    const first = await register(family({ flags: [] }), registro, { 'idempotency-key': key });
    const again = await register(family({ flags: [] }), registro, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<TClaim>().id).toBe(first.json<TClaim>().id);
    expect(await count('claims')).toBe(claims + 1);
  });

  it('suggests an unaccompanied child for a principal under 18 alone, and records it when confirmed', async () => {
    const res = await register(family({
      members: [{ relation: 'principal', unaccompanied: true, person: person('Kevin', 'Ramos', { sex: 'male', birthDate: yearsAgo(15) }) }],
      flags: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Llega solo a la oficina, 15 años según su acta' }],
    }));
    const created = res.json<TClaim>();
    expect(created.flags).toEqual([expect.objectContaining({ category: 'unaccompanied_child', source: 'derived' })]);
    expect(created.suggestedFlags.map((s) => s.category)).toEqual(['child']);
    expectProblem(await register(family({ members: [{ relation: 'principal', unaccompanied: true, person: person('Adulto', 'Solo') }] })), 400, 'VALIDATION_FAILED');
  });
});

describe('lifecycle', () => {
  let claim: TClaim;
  beforeAll(async () => {
    claim = (await register(family({ flags: [] }))).json<TClaim>();
  });

  it('moves step by step, each with its audit event and timeline entry', async () => {
    let res = await step(claim.id, 'admit', { version: claim.version });
    expect(res.statusCode, res.body).toBe(200);
    claim = res.json<TClaim>();
    expect(claim).toMatchObject({ status: 'admitted', version: 2 });
    res = await step(claim.id, 'schedule-interview', { version: claim.version });
    claim = res.json<TClaim>();
    expect(claim.status).toBe('interview_scheduled');
    expect((await auditEvents(t.db, 'claim.admitted')).at(-1)).toMatchObject({ entity_id: claim.id, details: { from: 'registered', to: 'admitted' } });
    const timeline = (await call(t.app, 'GET', `/api/claims/${claim.id}/timeline`, { session: registro })).json<Array<{ kind: string; toStatus: string | null }>>();
    expect(timeline.map((e) => [e.kind, e.toStatus])).toEqual([['created', 'registered'], ['status_changed', 'admitted'], ['status_changed', 'interview_scheduled']]);
  });

  it('reads a closed file as it ended: its people and needs are no longer corrected', async () => {
    let closing = (await register(family({ flags: [] }))).json<TClaim>();
    closing = (await step(closing.id, 'withdraw', { version: closing.version, reason: 'La persona desiste por escrito' })).json<TClaim>();
    expect(closing.status).toBe('withdrawn');
    const principal = closing.members[0]!.person;
    const refused = expectProblem(await call(t.app, 'PATCH', `/api/claims/${closing.id}/persons/${principal.id}`, {
      session: registro, body: { secondSurname: 'Ramos', version: principal.version },
    }), 409, 'INVALID_STATE');
    expect(refused).toMatchObject({ reason: 'claim_closed', currentStatus: 'withdrawn' });
    expectProblem(await call(t.app, 'POST', `/api/claims/${closing.id}/flags`, {
      session: registro, body: { personId: null, category: 'elderly', indicator: 'Mayor de 60 años' },
    }), 409, 'INVALID_STATE');
    const after = (await call(t.app, 'GET', `/api/claims/${closing.id}`, { session: registro })).json<TClaim>();
    expect(after.members[0]!.person.secondSurname).toBe(principal.secondSurname);
    expect(after.flags.length).toBe(closing.flags.length);
  });

  it('refuses a step its status does not allow with 409 INVALID_STATE', async () => {
    const body = expectProblem(await step(claim.id, 'decide', { version: claim.version }), 409, 'INVALID_STATE');
    expect(body).toMatchObject({ reason: 'transition_not_allowed', currentStatus: 'interview_scheduled' });
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and the current claim', async () => {
    const body = expectProblem(await step(claim.id, 'record-interview', { version: 1 }), 409, 'VERSION_CONFLICT');
    expect(body.current).toMatchObject({ id: claim.id, status: 'interview_scheduled', version: claim.version });
  });

  it('needs a reason for a side exit, then closes', async () => {
    expect(fieldErrors(await step(claim.id, 'withdraw', { version: claim.version }))).toEqual([{ field: 'reason', code: 'validation.required' }]);
    const res = await step(claim.id, 'withdraw', { version: claim.version, reason: 'Desiste por escrito' });
    claim = res.json<TClaim>();
    expect(claim.status).toBe('withdrawn');
    expect(claim.clocks.every((c) => c.state === 'stopped')).toBe(true);
    claim = (await step(claim.id, 'close', { version: claim.version })).json<TClaim>();
    expect(claim).toMatchObject({ status: 'closed', allowedActions: ['reopen'] });
    expect(claim.closedAt).not.toBeNull();
  });

  it('transfers only to another active COMAR office, with a reason', async () => {
    const fresh = (await register(family({ flags: [] }))).json<TClaim>();
    expect(fieldErrors(await step(fresh.id, 'transfer', { version: fresh.version, reason: 'Cambio de residencia' })))
      .toEqual([{ field: 'toOfficeId', code: 'validation.required' }]);
    expect(fieldErrors(await step(fresh.id, 'transfer', { version: fresh.version, reason: 'x', toOfficeId: tapachula })))
      .toEqual([{ field: 'toOfficeId', code: 'validation.invalid_option' }]);
    expect(fieldErrors(await step(fresh.id, 'admit', { version: fresh.version, toOfficeId: cdmx })))
      .toEqual([{ field: 'toOfficeId', code: 'validation.not_applicable' }]);
    const moved = (await step(fresh.id, 'transfer', { version: fresh.version, reason: 'Cambio de residencia a la CDMX', toOfficeId: cdmx })).json<TClaim>();
    expect(moved).toMatchObject({ status: 'transferred', allowedActions: ['close'] });
    expect((await auditEvents(t.db, 'claim.transferred')).at(-1)).toMatchObject({ entity_id: fresh.id, details: { toOfficeId: cdmx } });
  });

  it('pauses the decision clock during the late-filing review and resumes on admission', async () => {
    let late = (await register(family({ flags: [] }))).json<TClaim>();
    late = (await step(late.id, 'open-late-filing-review', { version: late.version, reason: 'Presentada fuera de plazo' })).json<TClaim>();
    expect(late.status).toBe('late_filing_review');
    expect(late.clocks.find((c) => c.kind === 'decision')?.state).toBe('paused');
    late = (await step(late.id, 'admit', { version: late.version })).json<TClaim>();
    expect(late.status).toBe('admitted');
    expect(late.clocks.find((c) => c.kind === 'decision')?.state).toBe('running');
  });

  it('updates the claim with 409 on a stale version', async () => {
    const fresh = (await register(family({ flags: [] }))).json<TClaim>();
    const res = await call(t.app, 'PATCH', `/api/claims/${fresh.id}`, { session: registro, body: { modality: 'prioritised', version: 1 } });
    expect(res.json<TClaim>()).toMatchObject({ modality: 'prioritised', version: 2 });
    expectProblem(await call(t.app, 'PATCH', `/api/claims/${fresh.id}`, { session: registro, body: { modality: 'accelerated', version: 1 } }), 409, 'VERSION_CONFLICT');
  });
});

const reopen = (id: string, body: Record<string, unknown>, session = supervisor) => step(id, 'reopen', body, session);

describe('reopening a closed file (ADR 050)', () => {
  const reason = 'Se presentó el escrito de desistimiento por error; la persona lo ratifica';

  it('is the supervisor\'s act, with a written reason, and returns the claim to the status it was closed from', async () => {
    let claim = (await register(family({ flags: [] }))).json<TClaim>();
    claim = (await step(claim.id, 'admit', { version: claim.version })).json<TClaim>();
    const dueBefore = claim.clocks.find((c) => c.kind === 'decision')!.dueOn;
    claim = (await step(claim.id, 'withdraw', { version: claim.version, reason: 'La persona desiste por escrito' })).json<TClaim>();
    claim = (await step(claim.id, 'close', { version: claim.version })).json<TClaim>();
    expect(claim).toMatchObject({ status: 'closed', allowedActions: ['reopen'] });

    // The clerk updates claims but does not reopen them: refused before the body is read.
    expectProblem(await reopen(claim.id, { version: claim.version, reason }, registro), 403, 'FORBIDDEN');
    expect(fieldErrors(await reopen(claim.id, { version: claim.version }))).toEqual([{ field: 'reason', code: 'validation.required' }]);
    const short = expectProblem(await reopen(claim.id, { version: claim.version, reason: 'error' }), 400, 'VALIDATION_FAILED');
    expect(short.errors).toMatchObject([{ field: 'reason', code: 'validation.reopen_reason_required', params: { minimum: 10 } }]);
    expectProblem(await reopen(claim.id, { version: claim.version - 1, reason }), 409, 'VERSION_CONFLICT');

    // The confirmation reads where it leads before anyone takes it.
    const next = (await call(t.app, 'GET', `/api/claims/${claim.id}/next-steps`, { session: supervisor })).json<{ steps: Array<{ step: string; to: string | null; allowed: boolean }> }>();
    expect(next.steps.find((s) => s.step === 'reopen')).toMatchObject({ to: 'admitted', allowed: true });

    const res = await reopen(claim.id, { version: claim.version, reason });
    expect(res.statusCode, res.body).toBe(200);
    const reopened = res.json<TClaim>();
    expect(reopened).toMatchObject({ status: 'admitted', closedAt: null, version: claim.version + 1 });
    // The deciding clock counts again where it stopped (no working day passed while it was closed).
    expect(reopened.clocks.find((c) => c.kind === 'decision')).toMatchObject({ state: 'running', dueOn: dueBefore });
    expect((await auditEvents(t.db, 'claim.reopened')).at(-1)).toMatchObject({
      entity_id: claim.id, details: { from: 'closed', to: 'admitted', reason, restoredStatus: 'admitted' },
    });
    const timeline = (await call(t.app, 'GET', `/api/claims/${claim.id}/timeline`, { session: supervisor })).json<Array<{ kind: string; fromStatus: string | null; toStatus: string | null; reason: string | null }>>();
    expect(timeline.at(-1)).toMatchObject({ kind: 'status_changed', fromStatus: 'closed', toStatus: 'admitted', reason });
    // Open again: its people can be corrected, and the next closing records its own status.
    const principal = reopened.members[0]!.person;
    const corrected = await call(t.app, 'PATCH', `/api/claims/${claim.id}/persons/${principal.id}`, {
      session: registro, body: { secondSurname: 'Ramos', version: principal.version },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await t.db.query('SELECT closed_from_status FROM claims WHERE id = $1', [claim.id])).rows[0]).toEqual({ closed_from_status: null });
  });

  it('returns an abandoned file to where it stood, and refuses a file that was transferred', async () => {
    let abandoned = (await register(family({ flags: [] }))).json<TClaim>();
    abandoned = (await step(abandoned.id, 'abandon', { version: abandoned.version, reason: 'Tres semanas sin firmar' })).json<TClaim>();
    const back = (await reopen(abandoned.id, { version: abandoned.version, reason: 'La persona acreditó hospitalización' })).json<TClaim>();
    expect(back).toMatchObject({ status: 'registered' });

    let moved = (await register(family({ flags: [] }))).json<TClaim>();
    moved = (await step(moved.id, 'transfer', { version: moved.version, reason: 'Cambio de residencia', toOfficeId: cdmx })).json<TClaim>();
    expect(moved.allowedActions).not.toContain('reopen');
    moved = (await step(moved.id, 'close', { version: moved.version })).json<TClaim>();
    const refused = expectProblem(await reopen(moved.id, { version: moved.version, reason }), 409, 'SAFEGUARD_UNMET');
    expect(refused.unmet).toMatchObject([{ code: 'not_transferred', state: 'unmet' }]);
    expect((await get(moved.id, supervisor)).json<TClaim>().status).toBe('closed');
  });

  it('finds where a file closed before the column existed stood, from its timeline (the migration\'s backfill)', async () => {
    let old = (await register(family({ flags: [] }))).json<TClaim>();
    old = (await step(old.id, 'admit', { version: old.version })).json<TClaim>();
    old = (await step(old.id, 'abandon', { version: old.version, reason: 'Tres semanas sin firmar' })).json<TClaim>();
    old = (await step(old.id, 'close', { version: old.version })).json<TClaim>();
    await t.db.query('UPDATE claims SET closed_from_status = NULL WHERE id = $1', [old.id]);
    const migration = (await listMigrations()).find((m) => m.name.endsWith('_claim_reopening'))!;
    const backfill = splitSql(migration.sql).find((sql) => sql.includes('UPDATE claims c SET closed_from_status'))!;
    await t.db.query(backfill);
    expect((await t.db.query('SELECT closed_from_status FROM claims WHERE id = $1', [old.id])).rows[0]).toEqual({ closed_from_status: 'admitted' });
  });
});

describe('assignment and record scope', () => {
  let claim: TClaim;
  beforeAll(async () => {
    claim = (await register(family())).json<TClaim>();
    // The family's LGBTIQ flag requires this competency of its officer (gating: competencies.test.ts).
    await t.db.query(`INSERT INTO competency_grants (user_id, competency_code, source, granted_on)
      VALUES ($1, 'gender_sogi', 'external_certificate', DATE '2025-01-10')`, [elegibilidad.userId]);
  });

  it('hides unassigned claims from an eligibility officer (own scope)', async () => {
    expectProblem(await get(claim.id, elegibilidad), 404, 'NOT_FOUND');
  });

  it('lets the supervisor assign only to eligibility officers of the office', async () => {
    const officers = (await call(t.app, 'GET', `/api/claims/${claim.id}/assignable-officers`, { session: supervisor })).json<Array<{ username: string; eligible: boolean }>>();
    expect(officers.map((o) => [o.username, o.eligible])).toEqual([['elegibilidad', true]]);
    const wrong = await call(t.app, 'POST', `/api/claims/${claim.id}/assignment`, { session: supervisor, body: { version: claim.version, officerId: await userIdOf(t.db, 'registro') } });
    expect(fieldErrors(wrong)).toEqual([{ field: 'officerId', code: 'validation.officer_not_assignable' }]);
    expectProblem(await call(t.app, 'POST', `/api/claims/${claim.id}/assignment`, { session: registro, body: { version: claim.version, officerId: null } }), 403, 'FORBIDDEN');
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/assignment`, {
      session: supervisor, body: { version: claim.version, officerId: elegibilidad.userId, reason: 'Carga equilibrada' },
    });
    expect(res.statusCode, res.body).toBe(200);
    claim = res.json<TClaim>();
    expect(claim).toMatchObject({ assignedOfficerId: elegibilidad.userId, assignedOfficerName: 'Ana Elegibilidad Torres' });
    expect((await auditEvents(t.db, 'claim.assigned')).at(-1)).toMatchObject({ entity_id: claim.id, details: { to: elegibilidad.userId } });
    // The history says to whom and by whom, by name.
    const timeline = (await call(t.app, 'GET', `/api/claims/${claim.id}/timeline`, { session: supervisor }))
      .json<Array<{ kind: string; actor: string | null; assignedTo: string | null; assignedFrom: string | null; reason: string | null }>>();
    expect(timeline.find((e) => e.kind === 'assigned')).toMatchObject({
      assignedTo: 'Ana Elegibilidad Torres', assignedFrom: null, actor: (await t.db.query<{ full_name: string }>(
        `SELECT full_name FROM users WHERE username = 'supervisor'`)).rows[0]!.full_name, reason: 'Carga equilibrada',
    });
    expect(timeline.filter((e) => e.kind !== 'assigned').every((e) => e.assignedTo === null && e.assignedFrom === null)).toBe(true);
  });

  it('then the officer reads it (with sensitive fields, as its officer) and finds it in "my claims"', async () => {
    const res = await get(claim.id, elegibilidad);
    expect(res.statusCode).toBe(200);
    expect(res.json<TClaim>().canReadSensitive).toBe(true);
    const mine = (await list('mine=true', elegibilidad)).json<{ items: TClaimListItem[] }>();
    expect(mine.items.map((c) => c.id)).toEqual([claim.id]);
    // Everything the officer can list is theirs.
    const all = (await list('', elegibilidad)).json<{ items: TClaimListItem[] }>();
    expect(all.items.every((c) => c.assignedOfficerId === elegibilidad.userId)).toBe(true);
  });

  it('records and withdraws flags; sensitive ones stay hidden from the clerk in the timeline too', async () => {
    const added = await call(t.app, 'POST', `/api/claims/${claim.id}/flags`, {
      session: elegibilidad, body: { category: 'violence_survivor', indicator: 'Cicatrices visibles; relata agresión', personId: claim.members[0]!.person.id },
    });
    expect(added.statusCode, added.body).toBe(201);
    const flag = added.json<{ id: string; version: number; category: string }>();
    expect(flag.category).toBe('violence_survivor');
    const timeline = (await call(t.app, 'GET', `/api/claims/${claim.id}/timeline`, { session: registro })).json<Array<{ kind: string; details: Record<string, unknown> }>>();
    expect(timeline.find((e) => e.kind === 'flag_recorded')?.details.category).toBeNull();
    expectProblem(await call(t.app, 'POST', `/api/claims/${claim.id}/flags/${flag.id}/withdraw`, { session: registro, body: { version: 1, reason: 'x' } }), 403, 'FORBIDDEN');
    const withdrawn = await call(t.app, 'POST', `/api/claims/${claim.id}/flags/${flag.id}/withdraw`, { session: elegibilidad, body: { version: 1, reason: 'Registrada por error' } });
    expect(withdrawn.json()).toMatchObject({ withdrawnReason: 'Registrada por error', version: 2 });
  });

  it('an administrator without claim permissions gets 403; a person correction needs the current version', async () => {
    expectProblem(await get(claim.id, admin), 403, 'FORBIDDEN');
    const child = claim.members[1]!.person;
    const res = await call(t.app, 'PATCH', `/api/claims/${claim.id}/persons/${child.id}`, { session: registro, body: { secondSurname: 'Ramos', version: child.version } });
    expect(res.json()).toMatchObject({ secondSurname: 'Ramos', version: child.version + 1 });
    expectProblem(await call(t.app, 'PATCH', `/api/claims/${claim.id}/persons/${child.id}`, { session: registro, body: { secondSurname: 'X', version: child.version } }), 409, 'VERSION_CONFLICT');
    expectProblem(await call(t.app, 'PATCH', `/api/claims/${claim.id}/persons/${child.id}`, { session: registro, body: { genderIdentity: 'x', version: child.version + 1 } }), 403, 'FORBIDDEN');
  });
});

describe('work queue', () => {
  beforeAll(async () => {
    for (const [given, surname, nationality] of [['José', 'Núñez', 'CUB'], ['Jean', 'Pierre', 'HTI'], ['Wilson', 'Ávila', 'HND']] as const) {
      await register(family({ members: [{ relation: 'principal', person: person(given, surname, { nationalities: [nationality] }) }], flags: [] }));
    }
  });

  it('pages by due date with a cursor, without repeats or gaps', async () => {
    const seen: TClaimListItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`limit=3&open=true${cursor ? `&cursor=${cursor}` : ''}`, supervisor);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: TClaimListItem[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    // In progress: the open claims and those decided with an act still due (ADR 051).
    const openCount = (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM claims
      WHERE (status IN ('decided', 'appealed') AND closed_at IS NULL OR status NOT IN ('closed', 'withdrawn', 'notified', 'abandoned', 'transferred', 'decided', 'appealed'))
        AND office_id = $1`, [tapachula])).rows[0]!.n;
    expect(seen.length).toBe(openCount);
    const dues = seen.map((c) => c.decisionDueOn ?? '9999-12-31');
    expect(dues).toEqual(dues.toSorted());
  });

  it('keeps a decided claim whose notification is due in "in progress", and shows the working days left', async () => {
    const fresh = (await register(family({ flags: [] }))).json<TClaim>();
    const listed = (await list('open=true&limit=100', supervisor)).json<{ items: TClaimListItem[] }>().items.find((c) => c.id === fresh.id)!;
    const expected = (await t.db.query<{ n: number }>(
      `SELECT working_days_left(c.calendar_id, c.decision_due_on, local_today(o.time_zone)) AS n FROM claims c JOIN offices o ON o.id = c.office_id WHERE c.id = $1`,
      [fresh.id])).rows[0]!.n;
    expect(listed).toMatchObject({ decisionWorkingDaysLeft: expected, riskBand: expected > 10 ? 'on_track' : 'due_soon' });
    // Signed but not yet notified (the decision journey is decisions.test.ts): its clock no longer counts.
    await t.db.query(`UPDATE claims SET status = 'decided' WHERE id = $1`, [fresh.id]);
    const inProgress = (await list('open=true&limit=100', supervisor)).json<{ items: TClaimListItem[] }>().items;
    expect(inProgress.find((c) => c.id === fresh.id)).toMatchObject({ status: 'decided', decisionWorkingDaysLeft: null, riskBand: null });
    const finished = (await list('open=false&limit=100', supervisor)).json<{ items: TClaimListItem[] }>().items;
    expect(finished.some((c) => c.id === fresh.id)).toBe(false);
    // A decided file marked concluded (a history imported as such) is finished, not in progress.
    await t.db.query(`UPDATE claims SET closed_at = now() WHERE id = $1`, [fresh.id]);
    expect((await list('open=true&limit=100', supervisor)).json<{ items: TClaimListItem[] }>().items.some((c) => c.id === fresh.id)).toBe(false);
    expect((await list('open=false&limit=100', supervisor)).json<{ items: TClaimListItem[] }>().items.some((c) => c.id === fresh.id)).toBe(true);
    // The risk counts stay about open claims.
    const overdueOnly = (await list('open=true&riskBand=on_track&limit=100', supervisor)).json<{ items: TClaimListItem[] }>().items;
    expect(overdueOnly.some((c) => c.id === fresh.id)).toBe(false);
  });

  it('searches names without accents and in any order, and claim numbers', async () => {
    const byName = (await list('q=nunez%20jose', supervisor)).json<{ items: TClaimListItem[] }>();
    expect(byName.items.map((c) => c.principalName)).toEqual(['José Núñez']);
    const number = byName.items[0]!.claimNumber;
    const byNumber = (await list(`q=${number.slice(-6)}`, supervisor)).json<{ items: TClaimListItem[] }>();
    expect(byNumber.items.map((c) => c.claimNumber)).toContain(number);
  });

  it('filters by nationality, status, flag and risk band; sensitive categories only under the field policy', async () => {
    const haitians = (await list('nationality=HTI', supervisor)).json<{ items: TClaimListItem[] }>();
    expect(haitians.items.map((c) => c.principalName)).toEqual(['Jean Pierre']);
    const closed = (await list('status=closed', supervisor)).json<{ items: TClaimListItem[] }>();
    expect(closed.items.every((c) => c.status === 'closed')).toBe(true);
    const lgbtiq = (await list('flag=lgbtiq', supervisor)).json<{ items: TClaimListItem[] }>();
    expect(lgbtiq.items.length).toBeGreaterThan(0);
    expect(lgbtiq.items[0]!.flagCategories).toContain('lgbtiq');
    expectProblem(await list('flag=lgbtiq', registro), 403, 'FORBIDDEN');
    const clerkView = (await list('limit=200', registro)).json<{ items: TClaimListItem[] }>();
    expect(clerkView.items.some((c) => c.hiddenSensitiveFlags > 0)).toBe(true);
    expect(clerkView.items.flatMap((c) => c.flagCategories)).not.toContain('lgbtiq');
    const onTrack = (await list('riskBand=on_track', supervisor)).json<{ items: TClaimListItem[] }>();
    expect(onTrack.items.every((c) => c.riskBand === 'on_track')).toBe(true);
  });

  it('counts open claims per office by risk band', async () => {
    const res = await call(t.app, 'GET', '/api/claims/risk-counts', { session: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<Array<{ officeCode: string; onTrack: number; dueSoon: number; overdue: number; noDueDate: number }>>();
    expect(rows.map((r) => r.officeCode)).toEqual(['COMAR-TAP']);
    expect(rows[0]!.onTrack + rows[0]!.dueSoon + rows[0]!.overdue + rows[0]!.noDueDate).toBeGreaterThan(5);
  });

  it('refuses a forged cursor', async () => {
    expect(fieldErrors(await list('cursor=abc', supervisor))).toEqual([{ field: 'querystring:cursor', code: 'validation.invalid_format' }]);
  });
});
