import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TReferral } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let inm: TestSession;
let registro: TestSession;
let supervisor: TestSession;
let borderPost: string;
let tapachula: string;
let cdmx: string;

beforeAll(async () => {
  t = await createTestApp();
  inm = await loginAs(t.app, 'inm');
  registro = await loginAs(t.app, 'registro');
  supervisor = await loginAs(t.app, 'supervisor');
  const offices = (await t.db.query<{ id: string; code: string }>('SELECT id, code FROM offices')).rows;
  borderPost = offices.find((o) => o.code === 'INM-CHD')!.id;
  tapachula = offices.find((o) => o.code === 'COMAR-TAP')!.id;
  cdmx = offices.find((o) => o.code === 'COMAR-CDMX')!.id;
});
afterAll(async () => {
  await t?.close();
});

const expressedAt = new Date(Date.now() - 26 * 3600_000).toISOString();
const referral = (overrides: Record<string, unknown> = {}) => ({
  sourceOfficeId: borderPost,
  expressedAt,
  expressedPlace: 'Puente fronterizo Rodolfo Robles, Ciudad Hidalgo',
  expressedStateCode: 'MX-CHP',
  enteredMexicoOn: new Date(Date.now() - 4 * 86_400_000).toISOString().slice(0, 10),
  members: [
    { relation: 'principal', person: { givenNames: 'Yessenia', firstSurname: 'Maldonado', sex: 'female', birthDate: '1994-02-11', nationalities: ['HND'], languages: ['es'] } },
    { relation: 'child', person: { givenNames: 'Dylan', firstSurname: 'Maldonado', sex: 'male', birthDate: '2019-06-01', birthDateEstimated: true, nationalities: ['HND'] } },
  ],
  identified: true, informed: true, referred: true,
  indicators: [
    { memberIndex: 0, category: 'pregnant', indicator: 'Embarazo visible, refiere 6 meses' },
    { memberIndex: 0, category: 'violence_survivor', indicator: 'Refiere amenazas y agresión de una pandilla' },
  ],
  ...overrides,
});
const create = (body: unknown, headers: Record<string, string> = {}) => call(t.app, 'POST', '/api/referrals', { session: inm, body, headers });

describe('INM → COMAR referral', () => {
  let sent: TReferral;

  it('is routed to the COMAR office serving the state, with the 72-hour notice', async () => {
    const res = await create(referral());
    expect(res.statusCode, res.body).toBe(201);
    sent = res.json<TReferral>();
    expect(sent).toMatchObject({
      status: 'pending', channel: 'inm_referral', principalName: 'Yessenia Maldonado', targetOffice: { code: 'COMAR-TAP' },
      sourceOffice: { code: 'INM-CHD' }, noticeState: 'pending', identified: true,
    });
    expect(Date.parse(sent.noticeDueAt) - Date.parse(expressedAt)).toBe(72 * 3600_000);
    // INM holds no read:sensitive: the violence indicator is present but not named.
    expect(sent.indicators).toEqual([
      { memberIndex: 0, category: 'pregnant', indicator: 'Embarazo visible, refiere 6 meses', sensitive: false },
      { memberIndex: 0, category: null, indicator: null, sensitive: true },
    ]);
    expect((await auditEvents(t.db, 'referral.created')).at(-1)).toMatchObject({ entity_id: sent.id, details: { indicators: ['pregnant', 'sensitive'] } });
  });

  it('routes by state: Veracruz goes to Acayucan; a state no office serves is a field error', async () => {
    const ver = (await create(referral({ expressedStateCode: 'MX-VER' }))).json<TReferral>();
    expect(ver.targetOffice.code).toBe('COMAR-ACA');
    expect(fieldErrors(await create(referral({ expressedStateCode: 'MX-SON' })))).toEqual([{ field: 'expressedStateCode', code: 'validation.no_competent_office' }]);
  });

  it('is recorded only from the officer\'s own office, and not by COMAR clerks', async () => {
    expect(fieldErrors(await create(referral({ sourceOfficeId: cdmx })))).toEqual([{ field: 'sourceOfficeId', code: 'validation.office_out_of_scope' }]);
    expectProblem(await call(t.app, 'POST', '/api/referrals', { session: registro, body: referral() }), 403, 'FORBIDDEN');
  });

  it('refuses an entry into Mexico after the wish for protection, or in the future, and saves nothing', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals')).rows[0]!.n;
    const afterRequest = new Date(Date.parse(expressedAt) + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(fieldErrors(await create(referral({ enteredMexicoOn: afterRequest })))).toEqual([{ field: 'enteredMexicoOn', code: 'validation.date_in_future' }]);
    const dayAfter = new Date(Date.now() - 2 * 86_400_000);
    const res = await create(referral({ expressedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), enteredMexicoOn: dayAfter.toISOString().slice(0, 10) }));
    expect(fieldErrors(res)).toEqual([{ field: 'enteredMexicoOn', code: 'validation.entry_after_request' }]);
    expect(res.json<{ errors: Array<{ message: string }> }>().errors[0]!.message).toBe('La entrada a México no puede ser posterior a la solicitud de protección.');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals')).rows[0]!.n).toBe(before);
  });

  it('a retry with the same Idempotency-Key returns the first referral', async () => {
    const key = `ref-${randomUUID()}`;
    const first = await create(referral(), { 'idempotency-key': key });
    const again = await create(referral(), { 'idempotency-key': key });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<TReferral>().id).toBe(first.json<TReferral>().id);
  });

  it('appears in the COMAR inbox by notice due time; the receiving supervisor reads sensitive indicators', async () => {
    const inbox = (await call(t.app, 'GET', '/api/referrals?box=inbox&status=pending', { session: registro })).json<{ items: TReferral[] }>();
    expect(inbox.items.map((r) => r.id)).toContain(sent.id);
    expect(inbox.items.every((r) => r.targetOffice.code === 'COMAR-TAP')).toBe(true);
    const full = (await call(t.app, 'GET', `/api/referrals/${sent.id}`, { session: supervisor })).json<TReferral>();
    expect(full.indicators[1]).toMatchObject({ category: 'violence_survivor' });
    expect((await auditEvents(t.db, 'referral.viewed')).at(-1)).toMatchObject({ entity_id: sent.id, actor_username: 'supervisor' });
  });

  it('accepting creates the claim in one transaction, keeping when protection was sought and the indicators as flags', async () => {
    const key = `acc-${randomUUID()}`;
    const res = await call(t.app, 'POST', `/api/referrals/${sent.id}/accept`, { session: registro, body: { version: sent.version }, headers: { 'idempotency-key': key } });
    expect(res.statusCode, res.body).toBe(201);
    const accepted = res.json<{ referral: TReferral; claimId: string; claimNumber: string }>();
    expect(accepted.referral).toMatchObject({ status: 'accepted', claimId: accepted.claimId, noticeState: 'met', decidedBy: 'Jorge Registro López' });
    const claim = (await call(t.app, 'GET', `/api/claims/${accepted.claimId}`, { session: supervisor })).json<TClaim>();
    expect(claim).toMatchObject({ channel: 'inm_referral', officeCode: 'COMAR-TAP', referralId: sent.id, claimNumber: accepted.claimNumber });
    expect(Date.parse(claim.protectionExpressedAt!)).toBe(Date.parse(expressedAt));
    expect(claim.members.map((m) => m.person.givenNames)).toEqual(['Yessenia', 'Dylan']);
    expect(claim.flags.map((f) => f.category).toSorted()).toEqual(['pregnant', 'violence_survivor']);
    expect(claim.clocks.map((c) => c.kind)).toEqual(expect.arrayContaining(['decision', 'inm_notice']));
    // One story: the referrals inbox says the notice was met, so the claim's 72-hour clock is stopped, not "running · due soon".
    expect(claim.clocks.find((c) => c.kind === 'inm_notice')).toMatchObject({ state: 'stopped' });
    const explained = (await call(t.app, 'GET', `/api/claims/${accepted.claimId}/clocks`, { session: supervisor })).json<Array<{ kind: string; state: string; riskBand: string | null; calendarName: string | null }>>();
    expect(explained.find((c) => c.kind === 'inm_notice')).toMatchObject({ state: 'stopped', riskBand: null });
    expect(explained.find((c) => c.kind === 'decision')!.calendarName).toBeTruthy();
    // A retry replays; a second decision is refused.
    const again = await call(t.app, 'POST', `/api/referrals/${sent.id}/accept`, { session: registro, body: { version: sent.version }, headers: { 'idempotency-key': key } });
    expect(again.json<{ claimId: string }>().claimId).toBe(accepted.claimId);
    const second = await call(t.app, 'POST', `/api/referrals/${sent.id}/accept`, { session: registro, body: { version: accepted.referral.version } });
    expect(expectProblem(second, 409, 'INVALID_STATE')).toMatchObject({ reason: 'referral_decided' });
    expect((await t.db.query('SELECT 1 FROM claims WHERE id IN (SELECT claim_id FROM referrals WHERE id = $1)', [sent.id])).rowCount).toBe(1);
    expect((await auditEvents(t.db, 'referral.accepted')).at(-1)).toMatchObject({ entity_id: sent.id, details: { claimId: accepted.claimId } });
  });

  it('returning needs a reason and the current version; the INM officer sees it in their sent box', async () => {
    const other = (await create(referral())).json<TReferral>();
    expect(fieldErrors(await call(t.app, 'POST', `/api/referrals/${other.id}/return`, { session: registro, body: { version: other.version } })))
      .toEqual([{ field: 'reason', code: 'validation.required' }]);
    expectProblem(await call(t.app, 'POST', `/api/referrals/${other.id}/return`, { session: registro, body: { version: 99, reason: 'x' } }), 409, 'VERSION_CONFLICT');
    expectProblem(await call(t.app, 'POST', `/api/referrals/${other.id}/return`, { session: inm, body: { version: other.version, reason: 'x' } }), 403, 'FORBIDDEN');
    const res = await call(t.app, 'POST', `/api/referrals/${other.id}/return`, { session: registro, body: { version: other.version, reason: 'Falta el acta de la entrevista inicial' } });
    expect(res.json<TReferral>()).toMatchObject({ status: 'returned', returnReason: 'Falta el acta de la entrevista inicial' });
    const sentBox = (await call(t.app, 'GET', '/api/referrals?box=sent&status=returned', { session: inm })).json<{ items: TReferral[] }>();
    expect(sentBox.items.map((r) => r.id)).toEqual([other.id]);
  });

  it('links a person matched in the duplicate check instead of creating a copy', async () => {
    const existing = (await t.db.query<{ id: string }>(`SELECT id FROM persons WHERE given_names = 'Yessenia' LIMIT 1`)).rows[0]!.id;
    const again = (await create(referral())).json<TReferral>();
    const persons = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons')).rows[0]!.n;
    const bad = await call(t.app, 'POST', `/api/referrals/${again.id}/accept`, { session: registro, body: { version: again.version, links: [{ memberIndex: 5, existingPersonId: existing }] } });
    expect(fieldErrors(bad)).toEqual([{ field: 'links.0.memberIndex', code: 'validation.unknown_reference' }]);
    const res = await call(t.app, 'POST', `/api/referrals/${again.id}/accept`, { session: registro, body: { version: again.version, links: [{ memberIndex: 0, existingPersonId: existing }] } });
    expect(res.statusCode, res.body).toBe(201);
    const claim = (await call(t.app, 'GET', `/api/claims/${res.json<{ claimId: string }>().claimId}`, { session: registro })).json<TClaim>();
    expect(claim.members.find((m) => m.relation === 'principal')?.person.id).toBe(existing);
    // Only the child was created.
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons')).rows[0]!.n).toBe(persons + 1);
  });

  it('pages the inbox with a cursor', async () => {
    const first = (await call(t.app, 'GET', '/api/referrals?limit=1', { session: inm })).json<{ items: TReferral[]; nextCursor: string }>();
    expect(first.nextCursor).toBeTruthy();
    const second = (await call(t.app, 'GET', `/api/referrals?limit=1&cursor=${first.nextCursor}`, { session: inm })).json<{ items: TReferral[] }>();
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    void tapachula;
  });
});
