import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCalendarChangeResult, TCalendarDetail, TCalendarSummary, TDueDateExplanation, TRecomputation } from '@refugio/domain';
import { startClaimClocks } from '@refugio/domain/server';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestSession;
let clerk: TestSession;
let lfpa: TCalendarSummary;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  clerk = await loginAs(t.app, 'registro');
  const list = await call(t.app, 'GET', '/api/calendars', { session: admin });
  lfpa = list.json<TCalendarSummary[]>().find((c) => c.code === 'LFPA_ART_28')!;
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, session: TestSession = admin) => call(t.app, 'GET', url, { session });
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => call(t.app, 'POST', url, { session: admin, body, headers });

let claimSeq = 0;
/** A claim straight in the database (the claims API is another feature) with its clocks started. */
async function claimOn(calendarId: string, lodgedOn: string): Promise<string> {
  claimSeq += 1;
  return t.db.transaction(async (tx) => {
    const office = (await tx.query<{ id: string }>('SELECT id FROM offices ORDER BY code LIMIT 1')).rows[0]!;
    const person = (await tx.query<{ id: string }>(`INSERT INTO persons (given_names) VALUES ('Prueba') RETURNING id`)).rows[0]!;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id)
       VALUES ($1, $2, $3, 'comar_office', $4, $5) RETURNING id`,
      [`API-CAL-${claimSeq}`, office.id, person.id, `${lodgedOn}T10:00:00-06:00`, calendarId],
    );
    await startClaimClocks(tx, { actor: null }, { claimId: rows[0]!.id, calendarId, lodgedOn, channel: 'comar_office' });
    return rows[0]!.id;
  });
}

async function decisionDue(claimId: string): Promise<string> {
  const { rows } = await t.db.query<{ decision_due_on: string }>('SELECT decision_due_on FROM claims WHERE id = $1', [claimId]);
  return rows[0]!.decision_due_on;
}

// Rule changes re-materialize calendars (18,628 days each): slow on PGlite when the machine is busy.
describe('calendars API', { timeout: 120_000 }, () => {
  it('lists the built-in calendars, LFPA art. 28 the default for claims', async () => {
    const res = await get('/api/calendars');
    expect(res.statusCode).toBe(200);
    const list = res.json<TCalendarSummary[]>();
    expect(list.map((c) => c.code)).toEqual(expect.arrayContaining(['LFPA_ART_28', 'LFT_ART_74']));
    expect(lfpa).toMatchObject({ isDefaultForClaims: true, builtIn: true, weekendDays: [6, 7], weekendSource: 'LFPA art. 28' });
    const detail = (await get(`/api/calendars/${lfpa.id}`)).json<TCalendarDetail>();
    expect(detail.rules.find((r) => r.key === 'lfpa28.puebla')).toMatchObject({ label: '5 de mayo', source: 'LFPA art. 28', inherited: false });
  });

  it('explains a due date: lodged the day before 16 September', async () => {
    const res = await get(`/api/calendars/${lfpa.id}/due-date?from=2026-09-15&workingDays=3`);
    expect(res.statusCode).toBe(200);
    const body = res.json<TDueDateExplanation>();
    expect(body).toMatchObject({ calendarCode: 'LFPA_ART_28', from: '2026-09-15', workingDays: 3, due: '2026-09-21' });
    expect(body.skipped.map((s) => [s.from, s.kind])).toEqual([['2026-09-16', 'holiday'], ['2026-09-19', 'weekend']]);
  });

  it('reads with read:calendar:all and refuses changes without manage:calendar:all', async () => {
    expect((await get('/api/calendars', clerk)).statusCode).toBe(200);
    const res = await call(t.app, 'POST', '/api/calendars', { session: clerk, body: { code: 'X_CAL', name: 'x', extendsId: lfpa.id } });
    expectProblem(res, 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', '/api/calendars'), 401, 'UNAUTHENTICATED');
  });

  it('creates an office calendar (Idempotency-Key), previews a suspension and applies it, moving the same claims', async () => {
    const key = { 'idempotency-key': `calendar-${randomUUID()}` };
    const body = { code: 'COMAR_PAL', name: 'COMAR Palenque', extendsId: lfpa.id };
    const first = await post('/api/calendars', body, key);
    const second = await post('/api/calendars', body, key);
    expect(first.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    const calendar = first.json<TCalendarDetail>();
    expect(calendar).toMatchObject({ code: 'COMAR_PAL', extendsCode: 'LFPA_ART_28', version: 1, officeCodes: [] });
    expect(calendar.rules.every((r) => r.inherited)).toBe(true);
    expect((await auditEvents(t.db, 'calendar.created')).filter((e) => e.entity_id === calendar.id)).toHaveLength(1);

    const inside = await claimOn(calendar.id, '2026-10-01');
    const outside = await claimOn(calendar.id, '2026-01-05');
    const insideBefore = await decisionDue(inside);
    const outsideBefore = await decisionDue(outside);
    const rule = { kind: 'suspension', label: 'Suspensión por sismo (prueba)', source: 'DOF 02/11/2026, Acuerdo COMAR/02/2026', from: '2026-11-02', to: '2026-11-06' };
    const preview = await post(`/api/calendars/${calendar.id}/rules/preview`, { rule });
    expect(preview.statusCode).toBe(200);
    expect(preview.json<TRecomputation>()).toMatchObject({ movedClocks: 1, movedClaims: 1 });
    expect(await decisionDue(inside)).toBe(insideBefore);

    const applied = await post(`/api/calendars/${calendar.id}/rules`, { version: 1, rule });
    expect(applied.statusCode).toBe(201);
    const result = applied.json<TCalendarChangeResult>();
    expect(result.recomputation).toMatchObject({ movedClocks: 1, movedClaims: 1 });
    expect(result.calendar.version).toBe(2);
    expect(await decisionDue(inside)).not.toBe(insideBefore);
    expect(await decisionDue(outside)).toBe(outsideBefore);
    const event = (await auditEvents(t.db, 'calendar.rule_added')).at(-1);
    expect(event).toMatchObject({ entity_id: calendar.id, actor_username: 'admin', details: { movedClaims: 1, rule: { source: rule.source } } });

    const explained = (await get(`/api/calendars/${calendar.id}/due-date?from=2026-10-30&workingDays=1`)).json<TDueDateExplanation>();
    expect(explained.due).toBe('2026-11-09');
    expect(explained.skipped).toContainEqual(expect.objectContaining({ kind: 'suspension', from: '2026-11-02', to: '2026-11-06', source: rule.source }));

    // A stale version: 409 with the current calendar; then the rule is removed and the claim moves back.
    const stale = await post(`/api/calendars/${calendar.id}/rules`, { version: 1, rule });
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT').current).toMatchObject({ id: calendar.id, version: 2 });
    const ruleId = result.calendar.rules.find((r) => !r.inherited)!.id;
    const removed = await call(t.app, 'DELETE', `/api/calendars/${calendar.id}/rules/${ruleId}?version=2`, { session: admin });
    expect(removed.statusCode).toBe(200);
    expect(removed.json<TCalendarChangeResult>().recomputation.movedClaims).toBe(1);
    expect(await decisionDue(inside)).toBe(insideBefore);
    expectProblem(await call(t.app, 'DELETE', `/api/calendars/${calendar.id}/rules/${ruleId}?version=3`, { session: admin }), 404, 'NOT_FOUND');
  });

  it('makes another calendar the default for claims, one at a time', async () => {
    const lft = (await get('/api/calendars')).json<TCalendarSummary[]>().find((c) => c.code === 'LFT_ART_74')!;
    const res = await call(t.app, 'PATCH', `/api/calendars/${lft.id}`, { session: admin, body: { version: lft.version, isDefaultForClaims: true } });
    expect(res.statusCode).toBe(200);
    const list = (await get('/api/calendars')).json<TCalendarSummary[]>();
    expect(list.filter((c) => c.isDefaultForClaims).map((c) => c.code)).toEqual(['LFT_ART_74']);
    const back = list.find((c) => c.code === 'LFPA_ART_28')!;
    expect((await call(t.app, 'PATCH', `/api/calendars/${back.id}`, { session: admin, body: { version: back.version, isDefaultForClaims: true } })).statusCode).toBe(200);
  });
});

describe('bad input answers 4xx problem+json with field errors', () => {
  it.each([
    ['missing from', '?workingDays=3', 'from'],
    ['impossible date', '?from=2026-02-30&workingDays=3', 'from'],
    ['date outside the materialized span', '?from=1990-01-01&workingDays=3', 'from'],
    ['negative count', '?from=2026-01-01&workingDays=-1', 'workingDays'],
    ['not a number', '?from=2026-01-01&workingDays=abc', 'workingDays'],
    ['unknown parameter', '?from=2026-01-01&workingDays=1&x=1', 'x'],
  ])('due-date: %s', async (_name, query, field) => {
    const res = await get(`/api/calendars/${lfpa.id}/due-date${query}`);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res).map((e) => e.field)).toContain(`querystring:${field}`);
  });

  it('due-date past the span names workingDays', async () => {
    const res = await get(`/api/calendars/${lfpa.id}/due-date?from=2050-12-01&workingDays=200`);
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toEqual([{ field: 'workingDays', code: 'validation.date_outside_calendar' }]);
  });

  it('unknown or malformed ids', async () => {
    expectProblem(await get(`/api/calendars/${randomUUID()}`), 404, 'NOT_FOUND');
    expectProblem(await get('/api/calendars/not-a-uuid'), 400, 'VALIDATION_FAILED');
    expectProblem(await get(`/api/calendars/${randomUUID()}/due-date?from=2026-01-01&workingDays=1`), 404, 'NOT_FOUND');
    expectProblem(await post(`/api/calendars/${randomUUID()}/rules/preview`, {
      rule: { kind: 'date_range', label: 'x', source: 'DOF', from: '2026-01-02', to: '2026-01-02' } }), 404, 'NOT_FOUND');
  });

  it.each([
    ['reversed range', { kind: 'suspension', label: 'x', source: 'DOF', from: '2026-03-10', to: '2026-03-01' }, 'rule.to', 'validation.range_reversed'],
    ['missing citation', { kind: 'suspension', label: 'x', from: '2026-03-01', to: '2026-03-10' }, 'rule.source', 'validation.required'],
    ['empty citation', { kind: 'suspension', label: 'x', source: ' ', from: '2026-03-01', to: '2026-03-10' }, 'rule.source', 'validation.required'],
    ['bad date', { kind: 'date_range', label: 'x', source: 'DOF', from: '2026-13-01', to: '2026-13-02' }, 'rule.from', 'validation.invalid_format'],
    ['unknown kind', { kind: 'eclipse', label: 'x', source: 'DOF' }, 'rule.kind', null],
    ['unknown field', { kind: 'date_range', label: 'x', source: 'DOF', from: '2026-01-02', to: '2026-01-02', color: 'red' }, 'rule.color', 'validation.unrecognized_key'],
    ['31 February', { kind: 'fixed_date', label: 'x', source: 'DOF', month: 2, day: 31 }, 'rule', 'validation.invalid_value'],
  ])('rules: %s', async (_name, rule, field, code) => {
    for (const url of [`/api/calendars/${lfpa.id}/rules/preview`, `/api/calendars/${lfpa.id}/rules`]) {
      const body = url.endsWith('preview') ? { rule } : { version: 1, rule };
      const res = await post(url, body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      if (code === null) expect(fieldErrors(res).map((e) => e.field)).toContain(field);
      else expect(fieldErrors(res)).toContainEqual({ field, code });
    }
  });

  it('calendar create: bad code, unknown parent, unknown office, duplicate code', async () => {
    const badCode = await post('/api/calendars', { code: 'a b', name: 'x', extendsId: lfpa.id });
    expect(fieldErrors(badCode)).toContainEqual({ field: 'code', code: 'validation.code_format' });
    const noParent = await post('/api/calendars', { code: 'NO_PARENT', name: 'x', extendsId: randomUUID() });
    expect(fieldErrors(noParent)).toEqual([{ field: 'extendsId', code: 'validation.unknown_reference' }]);
    const noOffice = await post('/api/calendars', { code: 'NO_OFFICE', name: 'x', extendsId: lfpa.id, officeIds: [randomUUID()] });
    expect(fieldErrors(noOffice)).toEqual([{ field: 'officeIds', code: 'validation.unknown_reference' }]);
    const dup = await post('/api/calendars', { code: 'LFT_ART_74', name: 'x', extendsId: lfpa.id });
    expectProblem(dup, 409, 'ALREADY_EXISTS');
    expect(fieldErrors(dup)).toEqual([{ field: 'code', code: 'validation.invalid_value' }]);
  });

  it('rule removal without a version, and a patch with nothing valid', async () => {
    const res = await call(t.app, 'DELETE', `/api/calendars/${lfpa.id}/rules/${randomUUID()}`, { session: admin });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toContainEqual({ field: 'querystring:version', code: 'validation.required' });
    const patch = await call(t.app, 'PATCH', `/api/calendars/${lfpa.id}`, { session: admin, body: { version: 1, isDefaultForClaims: false } });
    expectProblem(patch, 400, 'VALIDATION_FAILED');
  });
});
