// Good-practice evaluations of capacity-building actions (ADR 047, 048): the record and its ten
// criteria, the evidence the records give, the PDF report in three languages with small numbers
// suppressed, audit, version conflicts, scope and bad input.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, call, createTestApp, expectProblem, fieldErrors, loginAs, type TestApp, type TestSession } from '../../testing/test-app.ts';
import { addOfficer, trainedIn } from '../training-impact/decision-history.testing.ts';

let t: TestApp;
let coordinator: TestSession;
let sessionIds: string[];
let trainerSession: string;

const body = (overrides: Record<string, unknown> = {}) => ({
  title: 'México II: formación EASO', kind: 'eu_funded', funder: 'MIEUX (UE)',
  objectives: 'Reforzar la identificación y la entrevista de personas vulnerables.',
  partners: ['EASO', 'ACNUR México', 'INM'], startsOn: '2026-01-01', endsOn: '2026-06-30', sessionIds,
  criteria: [{ criterion: 'ownership', rating: 'met', assessment: 'La COMAR codificó su método de entrevista.', evidence: 'Guía publicada' }],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  const officers = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => addOfficer(t.db, `evaluacion.${n}`, 'COMAR-TAP')));
  const inm = await addOfficer(t.db, 'evaluacion.inm', 'INM-CHD');
  sessionIds = [
    await trainedIn(t.db, 'ITC', 'EV-ITC-1', '2026-02-10', [...officers, inm]),
    await trainedIn(t.db, 'IT', 'EV-IT-1', '2026-03-10', officers.slice(0, 2)),
  ];
  // One participant became a national trainer and taught a session after the action.
  const trainer = (await t.db.query<{ id: string }>(
    `INSERT INTO trainers (user_id, full_name, organisation, country_code) VALUES ($1, 'Formadora nacional', 'COMAR', 'MX') RETURNING id`, [officers[0]])).rows[0]!.id;
  const expert = (await t.db.query<{ id: string }>(
    `INSERT INTO trainers (full_name, organisation, country_code) VALUES ('Experta europea', 'EASO', 'SE') RETURNING id`)).rows[0]!.id;
  await t.db.query(`INSERT INTO training_session_trainers (session_id, trainer_id, lead) VALUES ($1, $2, true)`, [sessionIds[0], expert]);
  trainerSession = await trainedIn(t.db, 'ITC', 'EV-ITC-2', '2026-09-01', officers.slice(2, 4));
  await t.db.query(`INSERT INTO training_session_trainers (session_id, trainer_id, lead) VALUES ($1, $2, true)`, [trainerSession, trainer]);
});
afterAll(async () => {
  await t?.close();
});

describe('evaluations', () => {
  let id: string;

  it('records an action with its sessions and criteria, audited', async () => {
    const res = await call(t.app, 'POST', '/api/evaluations', { session: coordinator, body: body() });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json<{ id: string }>().id;
    const events = await auditEvents(t.db, 'evaluation.created');
    expect(events.at(-1)).toMatchObject({ actor_username: 'capacitacion', entity_id: id, details: { sessions: 2, criteria: ['ownership'] } });
  });

  it('reads the action with its activities, participants and evidence from the records for three criteria', async () => {
    const res = await call(t.app, 'GET', `/api/evaluations/${id}`, { session: coordinator });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json<{ activities: Array<{ code: string; enrolled: number; completed: number; trainers: unknown[] }>; participants: unknown[];
      criteria: Array<{ criterion: string; rating: string; fromData: string[] | null; assessment: string }> }>();
    expect(e.activities.map((a) => [a.code, a.enrolled, a.completed])).toEqual([['EV-ITC-1', 7, 7], ['EV-IT-1', 2, 2]]);
    expect(e.participants).toEqual([
      { institution: 'Comisión Mexicana de Ayuda a Refugiados', enrolled: 6, completed: 6 },
      { institution: 'Instituto Nacional de Migración', enrolled: 1, completed: 1 },
    ]);
    expect(e.criteria).toHaveLength(10);
    expect(e.criteria[0]).toMatchObject({ criterion: 'ownership', rating: 'met', fromData: null });
    const data = Object.fromEntries(e.criteria.map((c) => [c.criterion, c.fromData]));
    expect(data.tangible_results![0]).toBe('7 personas concluyeron la capacitación en 2 sesiones de la acción.');
    expect(data.tangible_results).toContain('ITC, Días hábiles hasta la resolución: muy pocos datos para saberlo (0 resoluciones).');
    expect(data.replicability).toEqual(['1 formadores nacionales formados en la acción; impartieron después 1 sesiones que concluyeron 2 personas.']);
    expect(data.knowledge_exchange).toEqual([
      'Formadores de 1 organizaciones y de estos países: SE.',
      'Participaron personas de 2 instituciones: Comisión Mexicana de Ayuda a Refugiados, Instituto Nacional de Migración.',
      '1 de 2 sesiones reunieron a personal de más de una institución.',
    ]);
    expect(data.ownership).toBeNull();
  });

  it('exports the PDF report in Spanish, French and English with small numbers suppressed, audited', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'refugio-evaluation-'));
    const texts: Record<string, string> = {};
    for (const language of ['es-MX', 'fr', 'en']) {
      const res = await call(t.app, 'GET', `/api/evaluations/${id}/report?language=${language}`, { session: coordinator });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const file = path.join(dir, `${language}.pdf`);
      writeFileSync(file, res.rawPayload);
      texts[language] = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    }
    expect(texts['es-MX']).toContain('Informe de evaluación de buena práctica');
    expect(texts['es-MX']).toContain('Apropiación por el país socio — Se cumple');
    expect(texts.fr).toContain("Rapport d'évaluation de bonne pratique");
    expect(texts.en).toContain('Good-practice evaluation report');
    expect(texts.en).toContain('Tangible results — Not assessed');
    // The INM row (1 person) and the second session (2 people) are under 5: written "<5".
    expect(texts['es-MX']).toMatch(/Instituto Nacional de Migración\s+<5\s+<5/);
    expect(texts['es-MX']).toContain('<5 formadores nacionales');
    expect((await auditEvents(t.db, 'evaluation.report_exported')).map((e) => e.details.language)).toEqual(['es-MX', 'fr', 'en']);
  });

  it('replaces the record with its current version and answers 409 to a stale one', async () => {
    const criteria = [{ criterion: 'tangible_results', rating: 'partly_met', assessment: 'Menos días hasta la resolución.', evidence: '' }];
    const ok = await call(t.app, 'PUT', `/api/evaluations/${id}`, { session: coordinator, body: { ...body({ criteria, sessionIds: [sessionIds[0]] }), version: 1 } });
    expect(ok.statusCode, ok.body).toBe(200);
    const read = (await call(t.app, 'GET', `/api/evaluations/${id}`, { session: coordinator })).json<{ version: number; activities: unknown[]; criteria: Array<{ criterion: string; rating: string }> }>();
    expect(read.version).toBe(2);
    expect(read.activities).toHaveLength(1);
    expect(read.criteria.find((c) => c.criterion === 'tangible_results')!.rating).toBe('partly_met');
    expect(read.criteria.find((c) => c.criterion === 'ownership')!.rating).toBe('not_assessed');
    expectProblem(await call(t.app, 'PUT', `/api/evaluations/${id}`, { session: coordinator, body: { ...body(), version: 1 } }), 409, 'VERSION_CONFLICT');
  });

  it('names every bad field, saves nothing, and keeps writing to the coordinator', async () => {
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM capacity_actions')).rows[0]!.n;
    const bad = await call(t.app, 'POST', '/api/evaluations', { session: coordinator, body: body({ title: '', startsOn: '2026-07-01' }) });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(fieldErrors(bad).map((e) => e.field).toSorted()).toEqual(['endsOn', 'title']);
    const unknown = await call(t.app, 'POST', '/api/evaluations', { session: coordinator, body: body({ sessionIds: [sessionIds[0], '00000000-0000-4000-8000-000000000000'] }) });
    expect(fieldErrors(unknown)).toEqual([{ field: 'sessionIds.1', code: 'validation.unknown_reference' }]);
    expect((await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM capacity_actions')).rows[0]!.n).toBe(before);
    expectProblem(await call(t.app, 'POST', '/api/evaluations', { session: await loginAs(t.app, 'supervisor'), body: body() }), 403, 'FORBIDDEN');
  });

  it('lets the observer read the list and the action, small numbers suppressed', async () => {
    const observer = await loginAs(t.app, 'acnur');
    const list = await call(t.app, 'GET', '/api/evaluations', { session: observer });
    expect(list.json()).toEqual([{ id, title: 'México II: formación EASO', kind: 'eu_funded', startsOn: '2026-01-01', endsOn: '2026-06-30', sessions: 1 }]);
    const read = await call(t.app, 'GET', `/api/evaluations/${id}`, { session: observer });
    expect(read.statusCode).toBe(200);
    expect(read.json<{ participants: unknown[] }>().participants).toEqual([
      { institution: 'Comisión Mexicana de Ayuda a Refugiados', enrolled: 6, completed: 6 },
      { institution: 'Instituto Nacional de Migración', enrolled: null, completed: null },
    ]);
    expectProblem(await call(t.app, 'GET', '/api/evaluations/00000000-0000-4000-8000-000000000000', { session: observer }), 404, 'NOT_FOUND');
  });
});
