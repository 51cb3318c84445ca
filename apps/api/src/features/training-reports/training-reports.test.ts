// Training reports (ADR 017): the competent-assignment indicator from assignments as they were,
// coverage per office, exports that spreadsheets open safely, and report scope.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestSession;
let supervisor: TestSession;

const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric' }).format(new Date()));
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Mexico_City', year: 'numeric', month: '2-digit' }).format(new Date());
const period = `from=${year}-01-01&to=${year}-12-31`;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await loginAs(t.app, 'capacitacion');
  supervisor = await loginAs(t.app, 'supervisor');
  const registro = await loginAs(t.app, 'registro');
  const tapachula = (await t.db.query<{ id: string }>("SELECT id FROM offices WHERE code = 'COMAR-TAP'")).rows[0]!.id;
  const elegibilidad = await userIdOf(t.db, 'elegibilidad');
  // Three children's claims: one assigned to a competent officer, one by override, one (unflagged) adult.
  for (const [name, child, body] of [
    ['Kevin', true, { overrideGating: true, reason: 'Única oficial con intérprete de mam esta semana' }],
    ['=HYPERLINK("x")', true, { reason: null }],
    ['Adulto', false, { reason: null }],
  ] as const) {
    const created = await call(t.app, 'POST', '/api/claims', {
      session: registro,
      body: {
        officeId: tapachula, channel: 'comar_office', enteredMexicoOn: `${year}-01-05`,
        members: [{ relation: 'principal', unaccompanied: child, person: { givenNames: name, firstSurname: 'Rivas', birthDate: `${year - (child ? 15 : 30)}-02-01` } }],
        flags: child ? [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Viaja solo' }] : [],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const claim = created.json<{ id: string; version: number }>();
    if (name === '=HYPERLINK("x")') {
      await t.db.query(`INSERT INTO competency_grants (user_id, competency_code, source, granted_on)
        VALUES ($1, 'interviewing_children', 'external_certificate', DATE '2020-01-01')`, [elegibilidad]);
    }
    const assigned = await call(t.app, 'POST', `/api/claims/${claim.id}/assignment`, {
      session: supervisor, body: { version: claim.version, officerId: elegibilidad, ...body },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

const report = (name: string, query: string, session = coordinator) => call(t.app, 'GET', `/api/training/reports/${name}?${query}`, { session });

describe('training reports', () => {
  it('measures the indicator from each assignment as it was: one competent, one overridden, of two flagged', async () => {
    const res = await report('indicator', period);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      headers: ['Mes', 'Asignaciones de solicitudes con necesidades', 'A oficial con la competencia', 'Porcentaje', 'Excepciones autorizadas'],
      rows: [[month, 2, 1, 50, 1]],
    });
  });

  it('shows today\'s coverage of the required competencies per office', async () => {
    const rows = (await report('coverage', period)).json<{ rows: unknown[][] }>().rows;
    expect(rows).toContainEqual(['COMAR Tapachula', 'Entrevista a niñas, niños y adolescentes', 1, 1, 100]);
    expect(rows).toContainEqual(['COMAR Tapachula', 'Género, identidad de género y orientación sexual', 1, 0, 0]);
  });

  it('exports CSV that Excel opens with accents and without running formulas, and XLSX with the same rows', async () => {
    const csv = await report('coverage', `${period}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="refugio-coverage-${year}-01-01-${year}-12-31.csv"`);
    expect(csv.body.startsWith('\uFEFFOficina,Competencia,')).toBe(true);
    expect(csv.body).toContain('\r\nCOMAR Tapachula,"Entrevista a niñas, niños y adolescentes",1,1,100\r\n');
    const xlsx = await report('coverage', `${period}&format=xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Oficina', 'Competencia', 'Oficiales de elegibilidad', 'Con la competencia vigente', 'Porcentaje']);
    expect(sheet.rowCount).toBe((await report('coverage', period)).json<{ rows: unknown[] }>().rows.length + 1);
  });

  it('keeps a cell that starts like a formula as text', async () => {
    const { toCsv } = await import('@refugio/domain/server');
    expect(toCsv({ title: 'x', headers: ['a'], rows: [['=HYPERLINK("x")'], ['-3'], [-3]] })).toBe('\uFEFFa\r\n"\'=HYPERLINK(""x"")"\r\n\'-3\r\n-3\r\n');
  });

  it('counts people trained per module, format, institution and office, with the hours delivered to them', async () => {
    // Both parts done: a competency granted by training, from an enrolment in a blended session of one 8-hour day.
    await t.db.query(
      `WITH s AS (
         INSERT INTO training_sessions (module_id, code, format, institution_id, online_starts_on, capacity, status)
         SELECT m.id, 'ITC-REPORT', 'blended', i.id, DATE '${year}-02-02', 30, 'completed'
           FROM training_modules m, institutions i WHERE m.code = 'ITC' AND i.code = 'COMAR' RETURNING id),
       d AS (INSERT INTO training_session_days (session_id, day, starts_at, ends_at) SELECT id, DATE '${year}-03-02', '09:00', '17:00' FROM s),
       e AS (INSERT INTO training_enrolments (session_id, user_id, status)
             SELECT s.id, u.id, 'enrolled' FROM s, users u WHERE u.username = 'registro' RETURNING id, user_id)
       INSERT INTO competency_grants (user_id, competency_code, source, enrolment_id, granted_on, expires_on)
       SELECT user_id, 'interviewing_children', 'training', id, DATE '${year}-03-03', DATE '${year + 3}-03-03' FROM e`);
    const res = (await report('trained', period)).json<{ headers: string[]; rows: unknown[][] }>();
    expect(res.headers).toEqual(['Módulo', 'Modalidad', 'Institución', 'Oficina', 'Personas', 'Horas impartidas']);
    expect(res.rows).toEqual([['ITC · Entrevista a niñas, niños y adolescentes', 'Mixta (en línea y presencial)',
      'Comisión Mexicana de Ayuda a Refugiados', 'COMAR Tapachula', 1, 28]]);
  });

  it('answers bad periods per field, and only to report readers', async () => {
    expect(fieldErrors(await report('trained', `from=${year}-12-31&to=${year}-01-01`))).toEqual([{ field: 'querystring:to', code: 'validation.range_reversed' }]);
    expectProblem(await report('trained', period, await loginAs(t.app, 'elegibilidad')), 403, 'FORBIDDEN');
    expect((await report('trainers', period, supervisor)).statusCode).toBe(200);
  });
});
