// Results (ADR 040–042): a small data set written by hand, with its UNHCR table, rates and deadline
// shares computed by hand below, matched exactly through the API after a refresh; the observer's
// suppressed aggregates; scope; exports; bad periods.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshResults } from '@refugio/domain/server';
import { call, createTestApp, expectProblem, fieldErrors, loginAs, userIdOf, type TestApp, type TestSession } from '../../testing/test-app.ts';

let t: TestApp;
let head: TestSession;

interface Member { relation: string; sex: string; birth: string; nat: string }
interface Decision {
  outcome: string;
  status: 'signed' | 'superseded' | 'recorded';
  signedAt: string;
  submittedAt?: string;
  reviewRound?: number;
  comments?: Array<{ section: string; rating: string }>;
  notifiedAt?: string;
  appeal?: { lodgedOn: string; outcome: string; resolvedOn: string };
}
interface Claim {
  number: string;
  office: 'COMAR-TAP' | 'COMAR-PAL';
  lodgedAt: string;
  status: string;
  members: Member[];
  extension?: number;
  decisions?: Decision[];
  inmNotice?: { startedAt: string; stoppedAt: string };
}

// The data set (calendar: LFPA art. 28, whose only non-working days here are weekends and the
// listed holidays; every date below is checked against it by hand).
const CLAIMS: Claim[] = [
  // A: lodged Mon 2 June 2025 (day 0); its 45th working day is Mon 4 August (June 3–6: 4, then
  // five full weeks to 4 July: 24, three more weeks to 25 July: 39, 28 July–1 August: 44, 4 August: 45).
  // Convention refugee, mother and son; returned once at review.
  { number: 'TAP-A', office: 'COMAR-TAP', lodgedAt: '2025-06-02T10:00:00-06:00', status: 'decided',
    members: [{ relation: 'principal', sex: 'female', birth: '1990-03-10', nat: 'HND' }, { relation: 'child', sex: 'male', birth: '2015-01-01', nat: 'HND' }],
    decisions: [{ outcome: 'refugee_convention', status: 'signed', signedAt: '2025-08-04T12:00:00-06:00', submittedAt: '2025-07-20T10:00:00-06:00',
      reviewRound: 2, comments: [{ section: 'credibility_findings', rating: 'significant_error' }, { section: 'form', rating: 'minor_error' }] }] },
  // B: same day 0, rejected on the 46th working day (5 August), after the one-time extension of 45 was granted.
  { number: 'TAP-B', office: 'COMAR-TAP', lodgedAt: '2025-06-02T11:00:00-06:00', status: 'decided', extension: 45,
    members: [{ relation: 'principal', sex: 'male', birth: '1980-07-01', nat: 'HND' }],
    decisions: [{ outcome: 'rejected', status: 'signed', signedAt: '2025-08-05T12:00:00-06:00', submittedAt: '2025-07-25T10:00:00-06:00', reviewRound: 1 }] },
  // C: a 17-year-old girl; abandoned (otherwise closed).
  { number: 'TAP-C', office: 'COMAR-TAP', lodgedAt: '2025-07-01T09:00:00-06:00', status: 'abandoned',
    members: [{ relation: 'principal', sex: 'female', birth: '2008-05-01', nat: 'GTM' }],
    decisions: [{ outcome: 'abandoned', status: 'recorded', signedAt: '2025-09-15T12:00:00-06:00' }] },
  // D: lodged 4 November 2024 (pending at the start of 2025); complementary protection on 10 February
  // 2025, working day 66 (skipping 20 Nov, 25 Dec, 1 Jan and 5 Feb).
  { number: 'TAP-D', office: 'COMAR-TAP', lodgedAt: '2024-11-04T10:00:00-06:00', status: 'decided',
    members: [{ relation: 'principal', sex: 'male', birth: '1970-01-15', nat: 'CUB' }],
    decisions: [{ outcome: 'complementary_protection', status: 'signed', signedAt: '2025-02-10T12:00:00-06:00' }] },
  // G: sur place refugee, lodged Wed 1 October 2025, signed 28 November: working day 41 (20 November skipped).
  { number: 'TAP-G', office: 'COMAR-TAP', lodgedAt: '2025-10-01T10:00:00-06:00', status: 'decided',
    members: [{ relation: 'principal', sex: 'female', birth: '2000-02-02', nat: 'HTI' }],
    decisions: [{ outcome: 'refugee_sur_place', status: 'signed', signedAt: '2025-11-28T12:00:00-06:00' }],
    inmNotice: { startedAt: '2025-09-29T10:00:00-06:00', stoppedAt: '2025-10-01T10:00:00-06:00' } },
  // H: lodged 15 December 2025, withdrawn in 2026: pending at the end of 2025.
  { number: 'TAP-H', office: 'COMAR-TAP', lodgedAt: '2025-12-15T10:00:00-06:00', status: 'withdrawn',
    members: [{ relation: 'principal', sex: 'male', birth: '1985-05-05', nat: 'HND' }],
    decisions: [{ outcome: 'withdrawn', status: 'recorded', signedAt: '2026-01-20T12:00:00-06:00' }] },
  // E: an elderly couple at Palenque, still open.
  { number: 'PAL-E', office: 'COMAR-PAL', lodgedAt: '2025-03-03T10:00:00-06:00', status: 'under_assessment',
    members: [{ relation: 'principal', sex: 'male', birth: '1950-01-01', nat: 'VEN' }, { relation: 'spouse', sex: 'female', birth: '1955-01-01', nat: 'VEN' }],
    inmNotice: { startedAt: '2025-03-01T10:00:00-06:00', stoppedAt: '2025-03-05T10:00:00-06:00' } },
  // F: rejected on working day 33 (20 May; 1 and 5 May skipped), notified 22 May, appealed 5 June
  // (the window closes 12 June), revoked; decided again (Cartagena) in July: an appeal-stage outcome,
  // so the first-instance table keeps the rejection.
  { number: 'PAL-F', office: 'COMAR-PAL', lodgedAt: '2025-04-01T10:00:00-06:00', status: 'decided',
    members: [{ relation: 'principal', sex: 'male', birth: '1995-09-09', nat: 'SLV' }],
    decisions: [
      { outcome: 'rejected', status: 'superseded', signedAt: '2025-05-20T12:00:00-06:00', notifiedAt: '2025-05-22T10:00:00-06:00',
        appeal: { lodgedOn: '2025-06-05', outcome: 'revoked', resolvedOn: '2025-07-01' } },
      { outcome: 'refugee_cartagena', status: 'signed', signedAt: '2025-07-15T12:00:00-06:00' },
    ] },
];

async function insertClaim(claim: Claim, officer: string): Promise<void> {
  const { rows } = await t.db.query<{ office: string; calendar: string }>(
    `SELECT o.id AS office, (SELECT id FROM calendars WHERE code = 'LFPA_ART_28') AS calendar FROM offices o WHERE o.code = $1`, [claim.office]);
  const { office, calendar } = rows[0]!;
  const persons: string[] = [];
  for (const m of claim.members) {
    const p = await t.db.query<{ id: string }>(
      `INSERT INTO persons (given_names, first_surname, sex, birth_date, nationalities) VALUES ($1, 'Prueba', $2, $3, ARRAY[$4]) RETURNING id`,
      [`${claim.number}-${m.relation}`, m.sex, m.birth, m.nat]);
    persons.push(p.rows[0]!.id);
  }
  const c = await t.db.query<{ id: string }>(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, status, lodged_at, calendar_id, assigned_officer_id)
     VALUES ($1, $2, $3, 'comar_office', $4, $5, $6, $7) RETURNING id`, [claim.number, office, persons[0], claim.status, claim.lodgedAt, calendar, officer]);
  const claimId = c.rows[0]!.id;
  for (const [i, m] of claim.members.entries()) {
    await t.db.query('INSERT INTO claim_members (claim_id, person_id, relation) VALUES ($1, $2, $3)', [claimId, persons[i], m.relation]);
  }
  const day0 = claim.lodgedAt.slice(0, 10);
  await t.db.query(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, extension_days, due_on, state)
     VALUES ($1, 'decision', $2, $3, 45, $4, add_working_days($2, $3, 45 + $4), $5)`,
    [claimId, calendar, day0, claim.extension ?? 0, claim.decisions ? 'stopped' : 'running']);
  await t.db.query(`UPDATE claims SET decision_due_on = (SELECT due_on FROM claim_clocks WHERE claim_id = $1 AND kind = 'decision') WHERE id = $1`, [claimId]);
  if (claim.inmNotice) {
    await t.db.query(`INSERT INTO claim_clocks (claim_id, kind, started_at, hours, due_at, state, stopped_at)
      VALUES ($1, 'inm_notice', $2, 72, $2::timestamptz + interval '72 hours', 'stopped', $3)`, [claimId, claim.inmNotice.startedAt, claim.inmNotice.stoppedAt]);
  }
  for (const [i, d] of (claim.decisions ?? []).entries()) {
    const signed = d.status !== 'recorded';
    const dec = await t.db.query<{ id: string }>(
      `INSERT INTO decisions (claim_id, outcome, status, drafted_by, signed_at, submitted_at, review_round, pdf, pdf_sha256, verification_code, issued_office_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [claimId, d.outcome, d.status, officer, d.signedAt, d.submittedAt ?? null, d.reviewRound ?? 0, signed ? Buffer.from('%PDF') : null,
        signed ? 'hash' : null, signed ? `${claim.number}-${i}` : null, office]);
    const decisionId = dec.rows[0]!.id;
    await t.db.query(`INSERT INTO decision_person_outcomes (decision_id, person_id, outcome, derivative)
      SELECT $1, person_id, $2, relation <> 'principal' FROM claim_members WHERE claim_id = $3`, [decisionId, d.outcome, claimId]);
    for (const comment of d.comments ?? []) {
      await t.db.query(`INSERT INTO decision_review_comments (decision_id, section, comment, rating, round, created_at)
        VALUES ($1, $2, 'Observación', $3, 1, $4)`, [decisionId, comment.section, comment.rating, d.submittedAt]);
    }
    if (d.notifiedAt) {
      await t.db.query(`INSERT INTO decision_notifications (decision_id, claim_id, notified_at, place, method, language, acknowledged)
        VALUES ($1, $2, $3, 'Oficina', 'in_person', 'spa', true)`, [decisionId, claimId, d.notifiedAt]);
    }
    if (d.appeal) {
      await t.db.query(`INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, status, outcome, resolved_on)
        VALUES ($1, $2, $3, 'Agravios', 'resolved', $4, $5)`, [claimId, decisionId, d.appeal.lodgedOn, d.appeal.outcome, d.appeal.resolvedOn]);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  head = await loginAs(t.app, 'jefatura');
  const officer = await userIdOf(t.db, 'elegibilidad');
  for (const claim of CLAIMS) await insertClaim(claim, officer);
  // The officer's cohort: first assigned a claim in 2024 (claim D).
  await t.db.query(`INSERT INTO claim_assignments (claim_id, officer_id, assigned_at) SELECT id, $1, '2024-11-05T10:00:00-06:00' FROM claims WHERE claim_number = 'TAP-D'`, [officer]);
  // Two signed interviews at Tapachula: A's with its checklist complete and the guarantee that governs the
  // interview met before it began; G's with one item unticked and the guarantee met only afterwards.
  const template = await t.db.query<{ id: string }>(
    `INSERT INTO interview_templates (institution_id, code, version, title, audience, status, content)
     SELECT id, 'RES-T', 1, 'Prueba', 'eligibility', 'published', $1 FROM institutions WHERE code = 'COMAR' RETURNING id`,
    [JSON.stringify({ stages: [{ stage: 'opening', checklist: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], questions: [] }] })]);
  for (const [number, startedAt, ticked, metAt] of [
    ['TAP-A', '2025-07-01T10:00:00-06:00', ['a', 'b'], '2025-06-20T10:00:00-06:00'],
    ['TAP-G', '2025-10-15T10:00:00-06:00', ['a'], '2025-10-20T10:00:00-06:00'],
  ] as const) {
    const { rows } = await t.db.query<{ id: string }>(
      `INSERT INTO interviews (claim_id, person_id, template_id, officer_id, language, status, started_at, signed_at)
       SELECT id, principal_person_id, $2, $3, 'spa', 'signed', $4, $4 FROM claims WHERE claim_number = $1 RETURNING id`,
      [number, template.rows[0]!.id, officer, startedAt]);
    for (const item of ticked) await t.db.query('INSERT INTO interview_checklist (interview_id, item_id, done) VALUES ($1, $2, true)', [rows[0]!.id, item]);
    await t.db.query(
      `INSERT INTO claim_guarantees (claim_id, person_id, guarantee_code, need_codes, sensitive, status, evidence, decided_at, created_at)
       SELECT id, principal_person_id, 'representative_present', ARRAY['child'], false, 'met', 'Tutora presente', $2, lodged_at FROM claims WHERE claim_number = $1`,
      [number, metAt]);
  }
  await refreshResults(t.db);
});
afterAll(async () => {
  await t?.close();
});

const view = (name: string, query: string, session = head) => call(t.app, 'GET', `/api/results/${name}?${query}`, { session });
type View = { asOf: string | null; suppressed: boolean; tables: Array<{ key: string; headers: string[]; rows: unknown[][] }> };
const tableOf = async (name: string, query: string, key: string, session = head) => {
  const res = await view(name, query, session);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<View>().tables.find((x) => x.key === key)!;
};

describe('UNHCR RSD statistics of the hand-made data set, 2025', () => {
  it('matches the table computed by hand: first decisions only, otherwise closed apart, pending carried', async () => {
    const rsd = await tableOf('rsd', 'period=2025&by=office,origin', 'rsd');
    expect(rsd.headers).toEqual(['Oficina', 'País de origen', 'Tipo de cómputo', 'Pendientes al inicio del periodo', 'Solicitudes presentadas',
      'Reconocidas: Convención (art. 13-I)', 'Reconocidas: Cartagena (art. 13-II)', 'Reconocidas: sur place (art. 13-III)', 'Reconocidas (total)',
      'Protección complementaria', 'Rechazadas', 'Cerradas por otro motivo', 'Total de decisiones', 'Pendientes al final del periodo',
      'Tasa de reconocimiento (%)', 'Tasa de protección total (%)']);
    // office, origin, type, pending start, applied, conv, cart, sur place, recognised, compl, rejected, otherwise closed, decisions, pending end, RR, TPR
    expect(rsd.rows).toEqual([
      ['COMAR Palenque', 'SLV', 'P (personas)', 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0],
      ['COMAR Palenque', 'SLV', 'C (casos)', 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0],
      ['COMAR Palenque', 'VEN', 'P (personas)', 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2, null, null],
      ['COMAR Palenque', 'VEN', 'C (casos)', 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, null, null],
      ['COMAR Tapachula', 'CUB', 'P (personas)', 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 100],
      ['COMAR Tapachula', 'CUB', 'C (casos)', 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 100],
      ['COMAR Tapachula', 'GTM', 'P (personas)', 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, null, null],
      ['COMAR Tapachula', 'GTM', 'C (casos)', 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, null, null],
      ['COMAR Tapachula', 'HND', 'P (personas)', 0, 4, 2, 0, 0, 2, 0, 1, 0, 3, 1, 66.7, 66.7],
      ['COMAR Tapachula', 'HND', 'C (casos)', 0, 3, 1, 0, 0, 1, 0, 1, 0, 2, 1, 50, 50],
      ['COMAR Tapachula', 'HTI', 'P (personas)', 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 100, 100],
      ['COMAR Tapachula', 'HTI', 'C (casos)', 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 100, 100],
      // Totals: persons 1 + 9 − 7 = 3 pending at the end; recognition 3 ÷ (3 + 1 + 2), total protection 4 ÷ 6.
      ['Total', 'Total', 'P (personas)', 1, 9, 2, 0, 1, 3, 1, 2, 1, 7, 3, 50, 66.7],
      // Cases: 1 + 7 − 6 = 2; recognition 2 ÷ 5, total protection 3 ÷ 5.
      ['Total', 'Total', 'C (casos)', 1, 7, 1, 0, 1, 2, 1, 2, 1, 6, 2, 40, 60],
    ]);
  });

  it('breaks persons down by sex and UNHCR age group on the day of lodging', async () => {
    const rsd = await tableOf('rsd', 'period=2025&by=sex,age_group', 'rsd');
    const persons = rsd.rows.filter((r) => r[2] === 'P (personas)').map((r) => [r[0], r[1], r[4], r[12], r[13]]);
    expect(persons).toEqual([
      // sex, age group, applied, decisions, pending end
      ['Mujeres', '12-17', 1, 1, 0], // C, aged 17
      ['Mujeres', '18-59', 2, 2, 0], // A, G
      ['Mujeres', '60+', 1, 0, 1], // E's wife
      ['Hombres', '18-59', 3, 3, 1], // B, H and F applied; B, D (pending from 2024) and F decided; H pending
      ['Hombres', '5-11', 1, 1, 0], // A's son, aged 10
      ['Hombres', '60+', 1, 0, 1], // E
      ['Total', 'Total', 9, 7, 3],
    ]);
  });

  it('a quarter and a month cut the same data: pending at the start of Q3 is what Q1–Q2 left', async () => {
    const q3 = await tableOf('rsd', 'period=2025-Q3&by=office', 'rsd');
    // By 30 June: A (2), B, E (2), F and D from 2024 = 7 persons applied; D and F decided → 5 pending (C came on 1 July).
    expect(q3.rows.find((r) => r[0] === 'Total' && r[1] === 'P (personas)')).toEqual(
      ['Total', 'P (personas)', 5, 1, 2, 0, 0, 2, 0, 1, 1, 4, 2, 66.7, 66.7]);
    const august = await tableOf('rsd', 'period=2025-08&by=office', 'rsd');
    expect(august.rows.find((r) => r[0] === 'COMAR Tapachula' && r[1] === 'P (personas)')).toEqual(
      ['COMAR Tapachula', 'P (personas)', 4, 0, 2, 0, 0, 2, 0, 1, 0, 3, 1, 66.7, 66.7]);
  });
});

describe('deadlines of the hand-made data set', () => {
  it('counts the claim decided on its 45th working day as within the term, the 46th as within the extension only', async () => {
    const byOffice = await tableOf('deadlines', 'period=2025', 'decision_times_by_office');
    expect(byOffice.rows).toEqual([
      // office, decisions, within 45, %, within extension, %, median, p90
      ['COMAR Palenque', 1, 1, 100, 1, 100, 33, 33],
      // A 45 (in), B 46 (extension of 45), D 66 (neither), G 41 (in): nearest-rank median of 41, 45, 46, 66 is 45, p90 66.
      ['COMAR Tapachula', 4, 2, 50, 3, 75, 45, 66],
    ]);
    const byMonth = await tableOf('deadlines', 'period=2025', 'decision_times_by_month');
    expect(byMonth.rows).toEqual([
      ['COMAR Palenque', '2025-05', 1, 1, 100, 1, 100, 33, 33],
      ['COMAR Tapachula', '2025-02', 1, 0, 0, 0, 0, 66, 66],
      ['COMAR Tapachula', '2025-08', 2, 1, 50, 2, 100, 45, 46],
      ['COMAR Tapachula', '2025-11', 1, 1, 100, 1, 100, 41, 41],
    ]);
  });

  it('tracks the 72-hour INM notice and the 15-working-day appeal window', async () => {
    const notices = await tableOf('deadlines', 'period=2025', 'inm_notices');
    expect(notices.rows).toEqual([
      ['COMAR Palenque', '2025-03', 1, 0, 1, 0, 0, 0],
      ['COMAR Tapachula', '2025-09', 1, 1, 0, 0, 0, 100],
    ]);
    const windows = await tableOf('deadlines', 'period=2025', 'appeal_windows');
    expect(windows.rows).toEqual([['COMAR Palenque', '2025-05', 1, 1, 1, 0]]);
  });

  it('shows open claims by working days elapsed and overdue', async () => {
    const open = await tableOf('deadlines', 'period=2025', 'open_by_age');
    expect(open.rows).toEqual([['COMAR Palenque', 0, 0, 0, 0, 1, 1, 1]]);
  });
});

describe('quality of the hand-made data set', () => {
  it('counts decisions returned at review, why, and appeals by outcome and cohort', async () => {
    expect((await tableOf('quality', 'period=2025', 'reviews')).rows).toEqual([['COMAR Tapachula', '2024', 2, 1, 50]]);
    expect((await tableOf('quality', 'period=2025', 'review_reasons')).rows).toEqual([
      ['Valoración de la credibilidad', 0, 1],
      ['Forma', 1, 0],
    ]);
    expect((await tableOf('quality', 'period=2025', 'appeal_outcomes')).rows).toEqual([['COMAR Palenque', '2024', 1, 0, 1, 0, 0, 100]]);
  });

  it('counts interviews with a complete checklist and with the guarantees that govern them met before they began', async () => {
    // office, interviews, complete, %, with guarantees, met before, %
    expect((await tableOf('quality', 'period=2025', 'interviews')).rows).toEqual([['COMAR Tapachula', 2, 1, 50, 2, 1, 50]]);
  });
});

describe('who sees what', () => {
  it('suppresses small numbers and rates for the observer, and says so', async () => {
    const observer = await loginAs(t.app, 'acnur');
    const res = await view('rsd', 'period=2025&by=office,origin', observer);
    const body = res.json<View>();
    expect(body.suppressed).toBe(true);
    const rows = body.tables[0]!.rows;
    expect(rows.find((r) => r[1] === 'HND' && r[2] === 'P (personas)')).toEqual(
      ['COMAR Tapachula', 'HND', 'P (personas)', 0, '<5', '<5', 0, 0, '<5', 0, '<5', 0, '<5', '<5', '<5', '<5']);
    expect(rows.at(-2)).toEqual(['Total', 'Total', 'P (personas)', '<5', 9, '<5', 0, '<5', '<5', '<5', '<5', '<5', 7, '<5', 50, 66.7]);
    // No officer names in the observer's office view.
    const office = (await view('office', 'period=2025', observer)).json<View>();
    expect(office.tables.map((x) => x.key)).not.toContain('workload');
  });

  it('suppresses an export for outside use whoever downloads it, and keeps exact figures inside', async () => {
    const outside = await view('rsd', 'period=2025&format=xlsx&audience=outside');
    expect(outside.headers['content-disposition']).toBe('attachment; filename="refugio-rsd-2025-publica.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(outside.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tabla', 'Definiciones']);
    const sheet = workbook.worksheets[0]!;
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('Estadísticas de determinación de la condición de refugiado (norma ACNUR), 2025');
    expect(String(sheet.getRow(3).getCell(1).value)).toMatch(/«<5»/);
    expect(sheet.getRow(5).getCell(1).value).toBe('Oficina');
    expect(sheet.getRow(6).values).toEqual([undefined, 'COMAR Palenque', 'SLV', 'P (personas)', 0, '<5', 0, 0, 0, 0, 0, '<5', 0, '<5', 0, '<5', '<5']);
    const definitions = workbook.worksheets[1]!;
    expect(definitions.getColumn(1).values).toContain('Tasa de reconocimiento');
    const csv = await view('rsd', 'period=2025&format=csv');
    expect(csv.body.startsWith('\uFEFFOficina,País de origen,Tipo de cómputo,')).toBe(true);
    expect(csv.body).toContain('\r\nTotal,Total,P (personas),1,9,2,0,1,3,1,2,1,7,3,50,66.7\r\n');
  });

  it('keeps the supervisor to their office, with the per-officer workload', async () => {
    const supervisor = await loginAs(t.app, 'supervisor');
    const trend = await tableOf('office', 'period=2025', 'decision_times_trend', supervisor);
    expect(trend.rows).toEqual([['2025-02', 1, 0, 0, 0, 0, 66, 66], ['2025-08', 2, 1, 50, 2, 100, 45, 46], ['2025-11', 1, 1, 100, 1, 100, 41, 41]]);
    const offices = await tableOf('national', 'period=2025', 'offices_compared', supervisor);
    expect(offices.rows.map((r) => r[0])).toEqual(['COMAR Tapachula']);
  });

  it('compares the offices for the national head', async () => {
    const offices = await tableOf('national', 'period=2025', 'offices_compared');
    expect(offices.rows).toEqual([
      // office, applied, decisions, RR, TPR, % within 45, median, pending end, overdue now
      ['COMAR Palenque', 3, 1, 0, 0, 100, 33, 2, 1],
      ['COMAR Tapachula', 6, 6, 60, 80, 50, 45, 1, 0],
    ]);
  });

  it('answers a bad period or breakdown per field, and refuses those without report access', async () => {
    expect(fieldErrors(await view('rsd', 'period=2025-13&by=office,planet'))).toEqual([
      { field: 'querystring:period', code: 'validation.results_period' },
      { field: 'querystring:by', code: 'validation.results_dimensions' },
    ]);
    expectProblem(await view('rsd', 'period=2025', await loginAs(t.app, 'elegibilidad')), 403, 'FORBIDDEN');
    expect((await view('rsd', 'period=2025&format=csv&table=nope')).statusCode).toBe(400);
  });
});
