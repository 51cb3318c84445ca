// The authority's interview questionnaires (ADR 025): the shipped ones installed once for an
// institution that has none, each version immutable once published (an edit becomes the next
// version, a draft), one draft per code, and an interview keeps the version it was held on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClaim, TInterview, TInterviewTemplate, TTemplateSummary } from '@refugio/domain';
import { buildClaim, installQuestionnaires } from '../../testing/factories.ts';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestSession;
let supervisor: TestSession;
let registro: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t.app, 'admin');
  supervisor = await loginAs(t.app, 'supervisor');
  registro = await loginAs(t.app, 'registro');
});
afterAll(async () => {
  await t?.close();
});

const list = async (session: TestSession) => {
  const res = await call(t.app, 'GET', '/api/interview-templates', { session });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TTemplateSummary[]>();
};
const read = async (id: string) => (await call(t.app, 'GET', `/api/interview-templates/${id}`, { session: supervisor })).json<TInterviewTemplate>();
const edit = (template: TInterviewTemplate, changes: Partial<Pick<TInterviewTemplate, 'title' | 'content' | 'rowVersion'>>, headers: Record<string, string> = {}) =>
  call(t.app, 'PUT', `/api/interview-templates/${template.id}`, {
    session: supervisor, headers, body: { title: template.title, content: template.content, rowVersion: template.rowVersion, ...changes },
  });
const publish = (template: { id: string; rowVersion: number }) =>
  call(t.app, 'POST', `/api/interview-templates/${template.id}/publish`, { session: supervisor, body: { rowVersion: template.rowVersion } });

describe('installing the shipped questionnaires', () => {
  it('installs COMAR\'s two interviews once, published, in Spanish', async () => {
    expect(await list(admin)).toEqual([]);
    const res = await call(t.app, 'POST', '/api/interview-templates/install', { session: admin, headers: { 'idempotency-key': 'install-comar-1' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<TTemplateSummary[]>().map((x) => [x.code, x.version, x.status, x.audience, x.language])).toEqual([
      ['comar_elegibilidad', 1, 'published', 'eligibility', 'es-MX'],
      ['comar_nna', 1, 'published', 'child', 'es-MX'],
    ]);
    const replay = await call(t.app, 'POST', '/api/interview-templates/install', { session: admin, headers: { 'idempotency-key': 'install-comar-1' } });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(expectProblem(await call(t.app, 'POST', '/api/interview-templates/install', { session: admin }), 409, 'INVALID_STATE'))
      .toMatchObject({ reason: 'templates_installed' });
    expect((await auditEvents(t.db, 'interview_template.installed')).map((e) => e.details)).toEqual([{ codes: ['comar_elegibilidad', 'comar_nna'] }]);
  });

  it('follows the EUAA stages, with the guide\'s checklist items', async () => {
    const child = (await list(supervisor)).find((x) => x.code === 'comar_nna')!;
    const template = await read(child.id);
    expect(template.content.stages.map((s) => s.stage)).toEqual(['preparation', 'opening', 'conducting', 'substance', 'closing', 'after']);
    const items = template.content.stages.flatMap((s) => s.checklist.map((c) => c.text)).join(' | ');
    for (const expected of ['intérprete se entienden', 'confidencialidad', 'pausas', 'Relato libre primero', 'aclarar lo que no coincide', 'Leer el acta']) {
      expect(items).toContain(expected);
    }
    expect(template.questionCount).toBeGreaterThan(10);
  });

  it('keeps each institution\'s to itself; only their managers open them', async () => {
    await installQuestionnaires(t.db, 'INM');
    const inm = (await t.db.query<{ id: string }>(`SELECT t.id FROM interview_templates t JOIN institutions i ON i.id = t.institution_id WHERE i.code = 'INM'`)).rows;
    expect(inm.length).toBe(1);
    expect((await list(supervisor)).map((x) => x.code)).not.toContain('inm_primer_contacto');
    expectProblem(await call(t.app, 'GET', `/api/interview-templates/${inm[0]!.id}`, { session: supervisor }), 404, 'NOT_FOUND');
    expectProblem(await call(t.app, 'GET', '/api/interview-templates', { session: registro }), 403, 'FORBIDDEN');
  });
});

/** The questionnaire with its first substance question reworded. */
const withFirstQuestion = (template: TInterviewTemplate, text: string) => ({
  ...template.content,
  stages: template.content.stages.map((s) => (s.stage === 'substance' ? { ...s, questions: s.questions.map((q, i) => (i === 0 ? { ...q, text } : q)) } : s)),
});

describe('versions', () => {
  let v1: TInterviewTemplate;
  let claim: TClaim;
  let earlier: TInterview;

  beforeAll(async () => {
    v1 = await read((await list(supervisor)).find((x) => x.code === 'comar_elegibilidad')!.id);
    claim = await buildClaim(t.db, { status: 'interview_scheduled', by: 'supervisor' });
    const principal = claim.members.find((m) => m.relation === 'principal')!.person.id;
    const res = await call(t.app, 'POST', `/api/claims/${claim.id}/interviews`, { session: supervisor, body: { personId: principal, templateId: v1.id, language: 'es' } });
    expect(res.statusCode, res.body).toBe(201);
    earlier = res.json<TInterview>();
  });

  it('refuses content that breaks the method, naming each field', async () => {
    const stages = v1.content.stages;
    const bad = {
      stages: [stages[1]!, stages[0]!, { ...stages[3]!, questions: [
        { id: 'id_nombre', text: 'Repetida', type: 'text', help: null, options: [], sensitive: false },
        { id: 'rara', text: 'Elija', type: 'choice', help: null, options: [{ id: 'unica', label: 'Única' }], sensitive: false },
      ] }],
    };
    const res = await edit(v1, { content: bad as TInterviewTemplate['content'] });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(res)).toEqual([
      { field: 'content.stages.1.stage', code: 'interviews.validation.stageOrder' },
      { field: 'content.stages.2.questions.1.options', code: 'interviews.validation.choiceOptions' },
    ]);
  });

  it('turns an edit of the published version into the next version, a draft; one draft per code', async () => {
    const res = await edit(v1, { content: withFirstQuestion(v1, 'Nombre completo, como aparece en sus documentos') }, { 'idempotency-key': 'edit-eligibility-1' });
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json<TInterviewTemplate>();
    expect(v2).toMatchObject({ code: 'comar_elegibilidad', version: 2, status: 'draft', interviewCount: 0, rowVersion: 1 });
    expect(v2.id).not.toBe(v1.id);
    expect((await read(v1.id))).toMatchObject({ status: 'published', version: 1, interviewCount: 1 });
    expect((await edit(v1, { title: 'Otra' }, { 'idempotency-key': 'edit-eligibility-1' })).statusCode).toBe(422);
    expect(expectProblem(await edit(v1, { title: 'Otra' }), 409, 'INVALID_STATE')).toMatchObject({ reason: 'draft_exists', draftId: v2.id, draftVersion: 2 });

    const renamed = await edit(v2, { title: 'Entrevista de elegibilidad (COMAR), 2.ª edición' });
    expect(renamed.json<TInterviewTemplate>()).toMatchObject({ id: v2.id, version: 2, rowVersion: 2, status: 'draft' });
    expect(expectProblem(await edit(v2, { title: 'Tarde' }), 409, 'VERSION_CONFLICT').current).toMatchObject({ id: v2.id, rowVersion: 2 });
    expect((await auditEvents(t.db, 'interview_template.version_created')).at(-1)?.details).toEqual({ code: 'comar_elegibilidad', version: 2, basedOn: 1 });
  });

  it('publishes the draft and retires the version it supersedes; an earlier interview keeps its version', async () => {
    const v2 = (await list(supervisor)).find((x) => x.code === 'comar_elegibilidad' && x.version === 2)!;
    expectProblem(await publish({ id: v2.id, rowVersion: 1 }), 409, 'VERSION_CONFLICT');
    const res = await publish(v2);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TInterviewTemplate>()).toMatchObject({ version: 2, status: 'published' });
    expect(expectProblem(await publish(res.json<TInterviewTemplate>()), 409, 'INVALID_STATE')).toMatchObject({ reason: 'not_draft' });
    expect((await list(supervisor)).filter((x) => x.code === 'comar_elegibilidad').map((x) => [x.version, x.status])).toEqual([[2, 'published'], [1, 'retired']]);

    const held = (await call(t.app, 'GET', `/api/interviews/${earlier.id}`, { session: supervisor })).json<TInterview>();
    expect(held.template).toMatchObject({ id: v1.id, version: 1 });
    expect(held.template.content.stages.find((s) => s.stage === 'substance')!.questions[0]!.text).toBe('Nombre completo');
    const options = (await call(t.app, 'GET', `/api/claims/${claim.id}/interview-options`, { session: supervisor })).json<{ templates: Array<{ code: string; version: number }> }>();
    expect(options.templates.find((x) => x.code === 'comar_elegibilidad')?.version).toBe(2);
    expect((await auditEvents(t.db, 'interview_template.published')).at(-1)?.details).toEqual({ code: 'comar_elegibilidad', version: 2, retired: [1] });
  });
});
