// Curriculum, guides library and trainer roster (ADR 013): who may change what, field-named
// validation, version conflicts, guide versions per language, PDF uploads checked by their bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_MAX_BYTES, type TCompetency, type TCurriculumModule, type TGuide, type TTrainer, type TTrainingModule } from '@refugio/domain';
import { SESSION_COOKIE } from '../../plugins/access.ts';
import {
  auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession,
} from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestSession;
let officer: TestSession;
let itc: TTrainingModule;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  officer = await loginAs(t.app, 'elegibilidad');
  const modules = (await call(t.app, 'GET', '/api/training/modules', { session: officer })).json<TTrainingModule[]>();
  itc = modules.find((m) => m.code === 'ITC')!;
});
afterAll(async () => {
  await t?.close();
});

const newModule = (overrides: Record<string, unknown> = {}) => ({
  code: 'LGB',
  title: { 'es-MX': 'Entrevista a personas LGBTIQ', en: 'Interviewing LGBTIQ persons' },
  level: 'specialised', targetGroups: ['eligibility_officer'], formats: ['videoconference'],
  onlineHours: 0, faceToFaceDays: 0.5, validityMonths: 24,
  completionRule: { online: false, attendance: true, attendancePct: 80, passMark: null },
  competencies: ['gender_sogi'], prerequisites: ['interview_techniques'],
  ...overrides,
});

/** A minimal well-formed PDF (the header is what is checked). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function upload(session: TestSession, query: Record<string, string>, body: Buffer, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST', url: `/api/training/guides/files?${new URLSearchParams(query).toString()}`, payload: body,
    headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken, 'content-type': 'application/pdf', ...headers },
  });
}

describe('the curriculum', () => {
  it('reads a seeded module with every language, its competencies and its completion rule', async () => {
    const res = await call(t.app, 'GET', `/api/training/modules/${itc.id}`, { session: officer });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TCurriculumModule>()).toMatchObject({
      code: 'ITC', level: 'advanced', title: { 'es-MX': 'Entrevista a niñas, niños y adolescentes', en: 'Interviewing children', fr: 'Entretien avec les enfants' },
      competencies: ['interviewing_children'], prerequisites: ['interview_techniques'], validityMonths: 36,
      completionRule: { online: true, attendance: true, attendancePct: 80, passMark: 70 },
      experienceRoute: { roles: ['eligibility_officer'], months: 6 }, version: 1,
    });
  });

  it('lists the competencies with titles in the reader\'s language', async () => {
    const competencies = (await call(t.app, 'GET', '/api/training/competencies', { session: officer })).json<TCompetency[]>();
    expect(competencies).toHaveLength(17);
    expect(competencies.find((c) => c.code === 'interviewing_children')?.title).toBe('Entrevista a niñas, niños y adolescentes');
  });

  it('only the coordinator changes it; an officer reads but gets 403', async () => {
    expectProblem(await call(t.app, 'POST', '/api/training/modules', { session: officer, body: newModule() }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'PUT', `/api/training/modules/${itc.id}`, { session: officer, body: { ...newModule(), version: 1 } }), 403, 'FORBIDDEN');
    expectProblem(await call(t.app, 'GET', `/api/training/modules/${itc.id}`), 401, 'UNAUTHENTICATED');
  });

  it('creates a module once per Idempotency-Key, audited, and it joins the catalogue', async () => {
    const headers = { 'idempotency-key': 'module-lgb-0001' };
    const first = await call(t.app, 'POST', '/api/training/modules', { session: coordinator, body: newModule(), headers });
    expect(first.statusCode, first.body).toBe(201);
    const again = await call(t.app, 'POST', '/api/training/modules', { session: coordinator, body: newModule(), headers });
    expect(again.json<TCurriculumModule>().id).toBe(first.json<TCurriculumModule>().id);
    expect(first.json<TCurriculumModule>()).toMatchObject({
      code: 'LGB', title: { 'es-MX': 'Entrevista a personas LGBTIQ', en: 'Interviewing LGBTIQ persons', fr: '' }, faceToFaceDays: 0.5,
      competencies: ['gender_sogi'], prerequisites: ['interview_techniques'], experienceRoute: null, active: true, version: 1,
    });
    const catalogue = (await call(t.app, 'GET', '/api/training/modules', { session: officer })).json<TTrainingModule[]>();
    expect(catalogue.find((m) => m.code === 'LGB')?.competencies).toEqual([{ code: 'gender_sogi', title: 'Género, identidad de género y orientación sexual' }]);
    expect((await auditEvents(t.db, 'training.module_created')).map((e) => e.details.code)).toEqual(['LGB']);
  });

  it('refuses a taken code and bad fields, naming each one, and writes nothing', async () => {
    expectProblem(await call(t.app, 'POST', '/api/training/modules', { session: coordinator, body: newModule() }), 409, 'ALREADY_EXISTS');
    const bad = await call(t.app, 'POST', '/api/training/modules', {
      session: coordinator,
      body: newModule({ code: 'lgb2', formats: [], title: { 'es-MX': '' }, completionRule: { online: false, attendance: true, attendancePct: 120, passMark: null } }),
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(bad)).toEqual(expect.arrayContaining([
      { field: 'code', code: 'validation.module_code' },
      { field: 'formats', code: 'validation.too_few_items' },
      expect.objectContaining({ field: 'title.es-MX' }),
      expect.objectContaining({ field: 'completionRule.attendancePct' }),
    ]));
    const empty = await call(t.app, 'POST', '/api/training/modules', {
      session: coordinator, body: newModule({ code: 'NOP', completionRule: { online: false, attendance: false, attendancePct: 0, passMark: null } }),
    });
    expect(fieldErrors(empty)).toContainEqual({ field: 'completionRule.online', code: 'validation.completion_rule_empty' });
    const unknown = await call(t.app, 'POST', '/api/training/modules', { session: coordinator, body: newModule({ code: 'UNK', competencies: ['gender_sogi', 'astrology'] }) });
    expect(fieldErrors(unknown)).toEqual([{ field: 'competencies.1', code: 'validation.unknown_reference' }]);
    const circular = await call(t.app, 'POST', '/api/training/modules', { session: coordinator, body: newModule({ code: 'CIR', prerequisites: ['gender_sogi'] }) });
    expect(fieldErrors(circular)).toEqual([{ field: 'prerequisites', code: 'validation.prerequisite_conferred' }]);
    const { rows } = await t.db.query(`SELECT 1 FROM training_modules WHERE code IN ('UNK', 'CIR', 'NOP')`);
    expect(rows).toEqual([]);
  });

  it('updates with the version; a stale version gets 409 with the current module', async () => {
    const current = (await call(t.app, 'GET', `/api/training/modules/${itc.id}`, { session: coordinator })).json<TCurriculumModule>();
    const { id: _id, guideCodes: _g, updatedAt: _u, ...editable } = current;
    const res = await call(t.app, 'PUT', `/api/training/modules/${itc.id}`, {
      session: coordinator, body: { ...editable, validityMonths: 48, formats: ['blended', 'videoconference'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TCurriculumModule>()).toMatchObject({ validityMonths: 48, formats: ['blended', 'videoconference'], version: 2 });
    const stale = await call(t.app, 'PUT', `/api/training/modules/${itc.id}`, { session: coordinator, body: { ...editable, validityMonths: 12 } });
    const problem = expectProblem(stale, 409, 'VERSION_CONFLICT');
    expect(problem.current).toMatchObject({ validityMonths: 48, version: 2 });
    const renamed = await call(t.app, 'PUT', `/api/training/modules/${itc.id}`, { session: coordinator, body: { ...editable, code: 'NNA', version: 2 } });
    expect(fieldErrors(renamed)).toEqual([{ field: 'code', code: 'validation.module_code_fixed' }]);
    const [event] = await auditEvents(t.db, 'training.module_updated');
    expect(event?.details).toEqual({ code: 'ITC', changed: ['formats', 'validityMonths'] });
  });
});

const link = (overrides: Record<string, unknown> = {}) => ({
  code: 'euaa-personal-interview', language: 'en', title: 'EUAA Practical guide: Personal interview',
  url: 'https://euaa.europa.eu/publications/practical-guide-personal-interview', ...overrides,
});

describe('the guides library', () => {
  it('adds versions per language; the library shows the latest, the history keeps every one', async () => {
    const first = await call(t.app, 'POST', '/api/training/guides/links', { session: coordinator, body: link() });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<TGuide>()).toMatchObject({ version: 1, kind: 'link', latest: true });
    const spanish = await upload(coordinator, { code: 'euaa-personal-interview', language: 'es-MX', title: 'Guía práctica: la entrevista personal', fileName: 'Guía entrevista.pdf' }, PDF);
    expect(spanish.statusCode, spanish.body).toBe(201);
    expect(spanish.json<TGuide>()).toMatchObject({ version: 1, kind: 'file', fileName: 'Guía entrevista.pdf', sizeBytes: PDF.length, url: null });
    const second = await call(t.app, 'POST', '/api/training/guides/links', { session: coordinator, body: link({ title: 'Personal interview (2024 edition)' }) });
    expect(second.json<TGuide>()).toMatchObject({ version: 2, latest: true });

    const library = (await call(t.app, 'GET', '/api/training/guides?code=euaa-personal-interview', { session: officer })).json<TGuide[]>();
    expect(library.map((g) => [g.language, g.version])).toEqual([['en', 2], ['es-MX', 1]]);
    const history = (await call(t.app, 'GET', '/api/training/guides?code=euaa-personal-interview&language=en&history=true', { session: officer })).json<TGuide[]>();
    expect(history.map((g) => [g.version, g.latest, g.title])).toEqual([[2, true, 'Personal interview (2024 edition)'], [1, false, 'EUAA Practical guide: Personal interview']]);
    expect((await auditEvents(t.db, 'training.guide_version_added')).map((e) => [e.details.language, e.details.version])).toEqual([['en', 1], ['es-MX', 1], ['en', 2]]);
  });

  it('downloads a PDF version as it was uploaded, with its name', async () => {
    const [spanish] = (await call(t.app, 'GET', '/api/training/guides?code=euaa-personal-interview&language=es-MX', { session: officer })).json<TGuide[]>();
    const res = await call(t.app, 'GET', `/api/training/guides/${spanish!.id}/file`, { session: officer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Guia entrevista.pdf"; filename*=UTF-8''Gu%C3%ADa%20entrevista.pdf`);
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const [english] = (await call(t.app, 'GET', '/api/training/guides?code=euaa-personal-interview&language=en', { session: officer })).json<TGuide[]>();
    expectProblem(await call(t.app, 'GET', `/api/training/guides/${english!.id}/file`, { session: officer }), 404, 'NOT_FOUND');
  });

  it('refuses what is not a PDF, an oversized file and a bad description, storing nothing', async () => {
    const meta = { code: 'unhcr-credibility', language: 'es-MX', title: 'Credibilidad', fileName: 'credibilidad.pdf' };
    const docx = await upload(coordinator, meta, Buffer.from('PK\u0003\u0004 word/document.xml'));
    expectProblem(docx, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(docx)).toEqual([{ field: 'file', code: 'validation.not_pdf' }]);
    const huge = Buffer.concat([PDF, Buffer.alloc(GUIDE_MAX_BYTES)]);
    expectProblem(await upload(coordinator, meta, huge), 413, 'PAYLOAD_TOO_LARGE');
    const badMeta = await upload(coordinator, { ...meta, code: 'Credibilidad UNHCR', language: 'pt' }, PDF);
    expect(fieldErrors(badMeta).map((e) => e.field).toSorted()).toEqual(['querystring:code', 'querystring:language']);
    const badLink = await call(t.app, 'POST', '/api/training/guides/links', { session: coordinator, body: link({ url: 'javascript:alert(1)' }) });
    expect(fieldErrors(badLink)).toEqual([{ field: 'url', code: 'validation.invalid_url' }]);
    expectProblem(await upload(officer, meta, PDF), 403, 'FORBIDDEN');
    const { rows } = await t.db.query(`SELECT 1 FROM training_guides WHERE code = 'unhcr-credibility'`);
    expect(rows).toEqual([]);
  });

  it('replays a retried upload with the same Idempotency-Key instead of adding a version', async () => {
    const meta = { code: 'euaa-evidence', language: 'es-MX', title: 'Evaluación de pruebas', fileName: 'pruebas.pdf' };
    const headers = { 'idempotency-key': 'guide-upload-0001' };
    const first = await upload(coordinator, meta, PDF, headers);
    const retry = await upload(coordinator, meta, PDF, headers);
    expect(retry.json<TGuide>().id).toBe(first.json<TGuide>().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const other = await upload(coordinator, meta, Buffer.concat([PDF, Buffer.from('% v2')]), headers);
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('links a guide to modules (every language follows), unlinks, and filters the library by module', async () => {
    const linked = await call(t.app, 'PUT', `/api/training/guides/euaa-personal-interview/modules/${itc.id}`, { session: coordinator });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<TGuide[]>().map((g) => g.modules)).toEqual([[{ id: itc.id, code: 'ITC' }], [{ id: itc.id, code: 'ITC' }]]);
    await call(t.app, 'PUT', `/api/training/guides/euaa-personal-interview/modules/${itc.id}`, { session: coordinator });
    expect(await auditEvents(t.db, 'training.guide_linked')).toHaveLength(1);
    const forItc = (await call(t.app, 'GET', `/api/training/guides?moduleId=${itc.id}`, { session: officer })).json<TGuide[]>();
    expect(forItc.map((g) => g.code)).toEqual(['euaa-personal-interview', 'euaa-personal-interview']);
    expect((await call(t.app, 'GET', `/api/training/modules/${itc.id}`, { session: officer })).json<TCurriculumModule>().guideCodes).toEqual(['euaa-personal-interview']);
    expectProblem(await call(t.app, 'PUT', `/api/training/guides/no-such-guide/modules/${itc.id}`, { session: coordinator }), 404, 'NOT_FOUND');
    const unlinked = await call(t.app, 'DELETE', `/api/training/guides/euaa-personal-interview/modules/${itc.id}`, { session: coordinator });
    expect(unlinked.json<TGuide[]>().every((g) => g.modules.length === 0)).toBe(true);
    expect(await auditEvents(t.db, 'training.guide_unlinked')).toHaveLength(1);
  });
});

describe('the trainer roster', () => {
  let expert: TTrainer;

  beforeAll(async () => {
    const res = await call(t.app, 'POST', '/api/training/trainers', {
      session: coordinator, body: { fullName: 'Marie Dubois', organisation: 'EUAA', countryCode: 'MT', languages: ['fr', 'en'], email: null },
    });
    expert = res.json<TTrainer>();
  });

  it('edits an entry with its version; a stale version gets 409 with the current entry', async () => {
    const body = { userId: null, fullName: 'Marie Dubois', organisation: 'EUAA (Malta)', countryCode: 'MT', languages: ['fr', 'en', 'es'], email: 'marie.dubois@example.org', active: true, version: expert.version };
    const res = await call(t.app, 'PUT', `/api/training/trainers/${expert.id}`, { session: coordinator, body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TTrainer>()).toMatchObject({ organisation: 'EUAA (Malta)', languages: ['fr', 'en', 'es'], version: expert.version + 1 });
    const stale = expectProblem(await call(t.app, 'PUT', `/api/training/trainers/${expert.id}`, { session: coordinator, body: { ...body, active: false } }), 409, 'VERSION_CONFLICT');
    expect(stale.current).toMatchObject({ organisation: 'EUAA (Malta)', active: true });
    const bad = await call(t.app, 'PUT', `/api/training/trainers/${expert.id}`, { session: coordinator, body: { ...body, countryCode: 'MLT', version: expert.version + 1 } });
    expect(fieldErrors(bad)).toEqual([{ field: 'countryCode', code: 'validation.country_code_alpha2' }]);
    expectProblem(await call(t.app, 'PUT', `/api/training/trainers/${expert.id}`, { session: officer, body }), 403, 'FORBIDDEN');
    expect(await auditEvents(t.db, 'training.trainer_updated')).toHaveLength(1);
  });

  it('certifies for a module with an expiry, then withdraws the certification', async () => {
    const certified = await call(t.app, 'PUT', `/api/training/trainers/${expert.id}/certifications/${itc.id}`, {
      session: coordinator, body: { certifiedOn: '2025-03-01', expiresOn: '2028-03-01' },
    });
    expect(certified.json<TTrainer>().certifications).toEqual([{ moduleId: itc.id, moduleCode: 'ITC', certifiedOn: '2025-03-01', expiresOn: '2028-03-01' }]);
    const removed = await call(t.app, 'DELETE', `/api/training/trainers/${expert.id}/certifications/${itc.id}`, { session: coordinator });
    expect(removed.json<TTrainer>().certifications).toEqual([]);
    expectProblem(await call(t.app, 'DELETE', `/api/training/trainers/${expert.id}/certifications/${itc.id}`, { session: coordinator }), 404, 'NOT_FOUND');
    expect((await auditEvents(t.db, 'training.trainer_certification_removed')).map((e) => e.details)).toEqual([{ moduleId: itc.id, certifiedOn: '2025-03-01' }]);
  });
});
