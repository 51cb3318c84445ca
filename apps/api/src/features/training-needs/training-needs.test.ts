// Needs assessment (ADR 018): a campaign per institution or office, one questionnaire per
// staff member, and the gap analysis that turns answers, role requirements and the office's
// caseload into a proposed plan, exported as CSV or XLSX.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCampaign, TMyCampaign, TNeedsResponse, TTrainingPlan } from '@refugio/domain';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestSession;
let elegibilidad: TestSession;
let registro: TestSession;
let tapachula: string;

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City' }).format(new Date());
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  elegibilidad = await loginAs(t.app, 'elegibilidad');
  registro = await loginAs(t.app, 'registro');
  tapachula = (await t.db.query<{ id: string }>("SELECT id FROM offices WHERE code = 'COMAR-TAP'")).rows[0]!.id;
  // Tapachula's caseload: two claims of four concern an unaccompanied child, one an LGBTIQ applicant.
  for (const [name, flag] of [['Kevin', 'unaccompanied_child'], ['Brenda', 'unaccompanied_child'], ['Alex', 'lgbtiq'], ['Rosa', null]] as const) {
    const created = await call(t.app, 'POST', '/api/claims', {
      session: registro,
      body: {
        officeId: tapachula, channel: 'comar_office', enteredMexicoOn: today,
        members: [{ relation: 'principal', unaccompanied: flag === 'unaccompanied_child',
          person: { givenNames: name, firstSurname: 'Rivas', birthDate: `${year - (flag === 'unaccompanied_child' ? 15 : 30)}-02-01` } }],
        flags: flag ? [{ memberIndex: 0, category: flag, indicator: 'Identificado en el registro' }] : [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

const draft = (overrides: Record<string, unknown> = {}) => ({
  title: 'Diagnóstico de necesidades COMAR', description: 'Antes del ciclo de capacitación', officeId: null,
  opensOn: `${year - 1}-12-01`, closesOn: `${year + 1}-01-31`, caseloadMonths: 12, ...overrides,
});
const update = (campaign: TCampaign, overrides: Record<string, unknown>) => call(t.app, 'PUT', `/api/training/campaigns/${campaign.id}`, {
  session: coordinator,
  body: { title: campaign.title, description: campaign.description, officeId: campaign.officeId, opensOn: campaign.opensOn,
    closesOn: campaign.closesOn, caseloadMonths: campaign.caseloadMonths, status: campaign.status, version: campaign.version, ...overrides },
});
const answer = (session: TestSession, id: string, body: Record<string, unknown>) =>
  call(t.app, 'PUT', `/api/training/me/campaigns/${id}/response`, { session, body });
const anAnswer = (overrides: Record<string, unknown> = {}) => ({
  yearsExperience: 3, selfLevels: { interviewing_children: 1, gender_sogi: 0 }, preferredFormat: 'videoconference', languages: ['es-MX', 'en'],
  comments: 'Me interesa la entrevista a niñas y niños', ...overrides,
});

describe('a needs-assessment campaign', () => {
  let campaign: TCampaign;

  it('names each bad field and writes nothing; only a coordinator creates one', async () => {
    const inm = (await t.db.query<{ id: string }>("SELECT id FROM offices WHERE code = 'INM-CHD'")).rows[0]!.id;
    const bad = await call(t.app, 'POST', '/api/training/campaigns', { session: coordinator, body: draft({ title: '', closesOn: `${year - 2}-01-01` }) });
    expect(fieldErrors(bad)).toEqual([{ field: 'title', code: 'validation.required' }, { field: 'closesOn', code: 'validation.range_reversed' }]);
    // An office of another institution is not the coordinator's to assess.
    expect(fieldErrors(await call(t.app, 'POST', '/api/training/campaigns', { session: coordinator, body: draft({ officeId: inm }) })))
      .toEqual([{ field: 'officeId', code: 'validation.unknown_reference' }]);
    expectProblem(await call(t.app, 'POST', '/api/training/campaigns', { session: elegibilidad, body: draft() }), 403, 'FORBIDDEN');
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_campaigns')).rows[0]!.n).toBe(0);
  });

  it('starts as a draft addressed to the institution\'s staff in trained roles; a retry creates nothing twice', async () => {
    const once = await call(t.app, 'POST', '/api/training/campaigns', { session: coordinator, body: draft(), headers: { 'idempotency-key': 'campaign-0001' } });
    expect(once.statusCode, once.body).toBe(201);
    campaign = once.json<TCampaign>();
    const twice = await call(t.app, 'POST', '/api/training/campaigns', { session: coordinator, body: draft(), headers: { 'idempotency-key': 'campaign-0001' } });
    expect(twice.json<TCampaign>().id).toBe(campaign.id);
    // COMAR's supervisor, registration clerk, eligibility officer and trainer; not the coordinator, the admin or the interpreter.
    expect(campaign).toMatchObject({ status: 'draft', institutionName: 'Comisión Mexicana de Ayuda a Refugiados', staffCount: 4, responseCount: 0 });
    expect((await auditEvents(t.db, 'training.campaign_created')).at(-1)).toMatchObject({ entity_id: campaign.id });
  });

  it('takes no answers while a draft, and shows nothing to staff', async () => {
    expect((await call(t.app, 'GET', '/api/training/me/campaigns', { session: elegibilidad })).json()).toEqual([]);
    expectProblem(await answer(elegibilidad, campaign.id, anAnswer()), 409, 'CAMPAIGN_NOT_OPEN');
  });

  it('opens, and a stale edit gets the current campaign', async () => {
    const opened = await update(campaign, { status: 'open' });
    expect(opened.statusCode, opened.body).toBe(200);
    const stale = await update(campaign, { title: 'Otro título' });
    expect(expectProblem(stale, 409, 'VERSION_CONFLICT')).toMatchObject({ current: { status: 'open', version: campaign.version + 1 } });
    campaign = opened.json<TCampaign>();
    expect((await auditEvents(t.db, 'training.campaign_updated')).at(-1)).toMatchObject({ details: { changed: ['status'], status: 'open' } });
  });

  it('shows a staff member the competencies to rate, those their role requires first', async () => {
    const mine = (await call(t.app, 'GET', '/api/training/me/campaigns', { session: elegibilidad })).json<TMyCampaign[]>();
    expect(mine).toHaveLength(1);
    expect(mine[0]!.response).toBeNull();
    expect(mine[0]!.competencies.filter((c) => c.required).map((c) => c.code).toSorted()).toEqual(['evidence_assessment', 'inclusion', 'interview_techniques']);
    expect(mine[0]!.competencies).toHaveLength(17);
    // The coordinator (no trained role) is not addressed.
    expect((await call(t.app, 'GET', '/api/training/me/campaigns', { session: coordinator })).json()).toEqual([]);
  });

  it('names a bad answer\'s fields and saves nothing', async () => {
    const res = await answer(elegibilidad, campaign.id, anAnswer({ yearsExperience: -1, selfLevels: { interviewing_children: 5 }, preferredFormat: 'carrier_pigeon', languages: [] }));
    expect(fieldErrors(res).map((e) => e.field)).toEqual(['yearsExperience', 'selfLevels.interviewing_children', 'preferredFormat', 'languages']);
    expect(fieldErrors(await answer(elegibilidad, campaign.id, anAnswer({ selfLevels: { astrology: 2 } }))))
      .toEqual([{ field: 'selfLevels.astrology', code: 'validation.unknown_reference' }]);
    // Nothing saved blank by accident: no competency rated is refused, with its sentence.
    const blank = expectProblem(await answer(elegibilidad, campaign.id, anAnswer({ selfLevels: {} })), 400, 'VALIDATION_FAILED');
    expect(blank.errors).toMatchObject([{ field: 'selfLevels', code: 'validation.needs_levels_blank', message: expect.stringContaining('al menos una competencia') }]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM training_needs_responses')).rows[0]!.n).toBe(0);
  });

  it('records an answer with the role on the account, changes it with its version, never twice', async () => {
    const first = await answer(elegibilidad, campaign.id, anAnswer());
    expect(first.statusCode, first.body).toBe(200);
    const response = first.json<TNeedsResponse>();
    expect(response).toMatchObject({ roleCode: 'eligibility_officer', yearsExperience: 3, preferredFormat: 'videoconference', version: 1 });
    // A first answer sent again without a version is a conflict carrying the saved answer.
    expect(expectProblem(await answer(elegibilidad, campaign.id, anAnswer()), 409, 'VERSION_CONFLICT')).toMatchObject({ current: { version: 1 } });
    const changed = await answer(elegibilidad, campaign.id, anAnswer({ yearsExperience: 3.5, version: 1 }));
    expect(changed.json<TNeedsResponse>()).toMatchObject({ yearsExperience: 3.5, version: 2 });
    expect(await auditEvents(t.db, 'training.needs_answered')).toHaveLength(2);
    const responses = (await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}/responses`, { session: coordinator })).json<{
      responses: TNeedsResponse[]; pending: Array<{ fullName: string }> }>();
    expect(responses.responses.map((r) => r.fullName)).toEqual(['Ana Elegibilidad Torres']);
    expect(responses.pending.map((p) => p.fullName)).toEqual(['Carlos Formador Vega', 'Jorge Registro López', 'Marta Supervisora Gómez']);
  });

  it('proposes a plan from role requirements, the caseload and the answers, each proposal explained', async () => {
    const res = await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}/plan`, { session: coordinator });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<TTrainingPlan>();
    expect(plan.basis).toMatchObject({ staff: 4, responded: 1 });
    const tap = plan.basis.offices.find((o) => o.officeId === tapachula)!;
    expect(tap.claims).toBe(4);
    expect(tap.shares.map((s) => [s.competencyCode, s.claims, s.share])).toEqual([['gender_sogi', 1, 0.25], ['interviewing_children', 2, 0.5]]);

    const row = (name: string, module: string) => plan.items.find((i) => i.fullName === name && i.moduleCode === module);
    // The only eligibility officer at Tapachula holds the core but neither caseload competency: both proposed, high, in her format where offered.
    expect(row('Ana Elegibilidad Torres', 'ITC')).toMatchObject({ priority: 'high', step: 1, level: 'advanced', reasons: [{ code: 'caseload', share: 0.5 }] });
    expect(row('Ana Elegibilidad Torres', 'GEN')).toMatchObject({ priority: 'high', reasons: [{ code: 'caseload', share: 0.25 }] });
    expect(plan.items.filter((i) => i.fullName === 'Ana Elegibilidad Torres')).toHaveLength(2);
    // The registration clerk (no answer yet) needs the first-line module; the supervisor holds IT and EA but not decision drafting.
    expect(row('Jorge Registro López', 'ACC')).toMatchObject({ priority: 'medium', level: 'first_line', reasons: [{ code: 'role_required' }, { code: 'no_response' }] });
    expect(row('Marta Supervisora Gómez', 'DDM')).toMatchObject({ reasons: [{ code: 'role_required' }, { code: 'no_response' }] });
    expect(row('Marta Supervisora Gómez', 'EA')).toBeUndefined();
    expect(row('Carlos Formador Vega', 'TTT')).toBeUndefined();
    expect(plan.summary.find((s) => s.moduleCode === 'ITC')).toMatchObject({ people: 1, suggestedSessions: 1 });
  });

  it('exports the plan as CSV and XLSX in the reader\'s language, audited', async () => {
    const csv = await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}/plan?format=csv`, { session: coordinator });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Prioridad,Oficina,Persona,Módulo,Nivel,Modalidad,Etapa,Competencias,Motivos');
    expect(lines.some((l) => l.startsWith('Alta,') && l.includes('ITC') && l.includes('50 %'))).toBe(true);
    const xlsx = await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}/plan?format=xlsx`, { session: coordinator });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(lines.length);
    expect((await auditEvents(t.db, 'training.plan_exported')).map((e) => (e.details as { format: string }).format)).toEqual(['csv', 'xlsx']);
    expectProblem(await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}/plan?format=pdf`, { session: coordinator }), 400, 'VALIDATION_FAILED');
  });

  it('stays within the coordinator\'s institution and closes to answers', async () => {
    const inmCoordinator = await t.db.query<{ id: string }>(`SELECT id FROM institutions WHERE code = 'INM'`);
    await t.db.query('UPDATE training_campaigns SET institution_id = $2 WHERE id = $1', [campaign.id, inmCoordinator.rows[0]!.id]);
    expectProblem(await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}`, { session: coordinator }), 404, 'NOT_FOUND');
    await t.db.query("UPDATE training_campaigns SET institution_id = (SELECT id FROM institutions WHERE code = 'COMAR') WHERE id = $1", [campaign.id]);
    const current = (await call(t.app, 'GET', `/api/training/campaigns/${campaign.id}`, { session: coordinator })).json<TCampaign>();
    expect((await update(current, { status: 'closed' })).statusCode).toBe(200);
    expectProblem(await answer(elegibilidad, campaign.id, anAnswer({ version: 2 })), 409, 'CAMPAIGN_NOT_OPEN');
  });
});
