import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Database } from '@refugio/db';
import { recordAudit } from '../audit/server/index.ts';
import { addCalendarDays } from '../calendars/index.ts';
import { todayIn } from '../shared/time.ts';

/**
 * Two years of closed claims across the COMAR offices, so the results dashboards (ADR 042) show
 * something on first start: applications with their families, first decisions in COMAR's shapes
 * (domain.md §9: most claims end abandoned or withdrawn; about 70 % of decisions on the merits
 * protect), decision clocks, notifications, appeals and review rounds, and a few claims still open
 * at Palenque and Villahermosa, some overdue. Written in SQL because the use cases cannot date
 * events in the past; claim numbers start with "H-" so they never meet the offices' counters.
 * Deterministic, and marked in the audit trail as one synthetic load.
 */
export async function seedDemoResults(db: Database): Promise<void> {
  const today = todayIn();
  const rng = seeded(20_261_205);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rng() * items.length)]!;
  const weighted = <T>(pairs: ReadonlyArray<readonly [T, number]>): T => {
    let r = rng() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of pairs) if ((r -= w) < 0) return value;
    return pairs[0]![0];
  };
  const pdf = await placeholderPdf();
  const pdfHash = createHash('sha256').update(pdf).digest('hex');

  await db.transaction(async (tx) => {
    const offices = (await tx.query<{ id: string; code: string; calendar: string }>(
      `SELECT o.id, o.code, coalesce(o.calendar_id, (SELECT id FROM calendars WHERE is_default_for_claims)) AS calendar
         FROM offices o JOIN institutions i ON i.id = o.institution_id WHERE i.code = 'COMAR' ORDER BY o.code`)).rows;
    const officer = (await tx.query<{ id: string }>("SELECT id FROM users WHERE username = 'elegibilidad'")).rows[0]?.id ?? null;
    const reviewer = (await tx.query<{ id: string }>("SELECT id FROM users WHERE username = 'supervisor'")).rows[0]?.id ?? null;
    // Registered "by" the demo clerk, so the synthetic loader still recognises a demo database (whyNotSyntheticTarget).
    const clerk = (await tx.query<{ id: string }>("SELECT id FROM users WHERE username = 'registro'")).rows[0]?.id ?? null;
    const weights: Record<string, number> = { 'COMAR-TAP': 50, 'COMAR-CDMX': 18, 'COMAR-PAL': 12, 'COMAR-VHS': 10, 'COMAR-ACA': 10 };
    let claims = 0;
    for (let i = 0; i < 360; i++) {
      const office = weighted(offices.map((o) => [o, weights[o.code] ?? 5] as const));
      const open = i % 30 === 0 && office.code !== 'COMAR-TAP';
      const lodgedOn = addCalendarDays(today, -(open ? 40 + Math.floor(rng() * 80) : 45 + Math.floor(rng() * 690)));
      const nationality = weighted([['HND', 30], ['CUB', 20], ['HTI', 18], ['VEN', 10], ['SLV', 9], ['GTM', 8], ['NIC', 5]] as const);
      const size = weighted([[1, 60], [2, 25], [3, 15]] as const);
      const ended = open ? null : weighted([['abandoned', 50], ['withdrawn', 12], ['merits', 38]] as const);
      const outcome = ended === 'merits'
        ? weighted([['refugee_convention', 24], ['refugee_cartagena', 30], ['refugee_sur_place', 3], ['complementary_protection', 13], ['rejected', 27], ['excluded', 3]] as const)
        : ended;
      const decidedOn = addCalendarDays(lodgedOn, 25 + Math.floor(rng() * 70));
      if (!open && decidedOn >= today) continue;
      const number = `H-${office.code.slice(6)}-${lodgedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`;
      const persons: string[] = [];
      for (let m = 0; m < size; m++) {
        const adult = m === 0 || (m === 1 && rng() < 0.4);
        const birth = addCalendarDays(lodgedOn, -Math.floor((adult ? 18 + rng() * 45 : 1 + rng() * 16) * 365.25));
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO persons (given_names, first_surname, sex, birth_date, nationalities, created_at) VALUES ($1, $2, $3, $4, ARRAY[$5], $6) RETURNING id`,
          [pick(GIVEN_NAMES), pick(SURNAMES), m === 0 ? pick(['female', 'male'] as const) : pick(['female', 'male'] as const), birth, nationality, `${lodgedOn}T10:00:00-06:00`]);
        persons.push(rows[0]!.id);
      }
      const status = open ? pick(['admitted', 'interviewed', 'under_assessment'] as const)
        : ended === 'merits' ? (rng() < 0.8 ? 'notified' : 'decided') : ended!;
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, status, lodged_at, calendar_id, assigned_officer_id,
                             decision_due_on, closed_at, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, add_working_days($7, $9::date, 45), $10, $6, $11) RETURNING id`,
        [number, office.id, persons[0], rng() < 0.2 ? 'inm_referral' : 'comar_office', status, `${lodgedOn}T10:00:00-06:00`, office.calendar,
          office.code === 'COMAR-TAP' ? officer : null, lodgedOn, open ? null : `${decidedOn}T12:00:00-06:00`, clerk]);
      const claimId = rows[0]!.id;
      claims++;
      for (const [m, person] of persons.entries()) {
        await tx.query('INSERT INTO claim_members (claim_id, person_id, relation) VALUES ($1, $2, $3)', [claimId, person, m === 0 ? 'principal' : m === 1 ? 'spouse' : 'child']);
      }
      const extension = ended === 'merits' && rng() < 0.1 ? 45 : 0;
      await tx.query(
        `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, extension_days, due_on, state, stopped_at)
         VALUES ($1, 'decision', $2, $3, 45, $4, add_working_days($2, $3::date, 45 + $4), $5, $6)`,
        [claimId, office.calendar, lodgedOn, extension, open ? 'running' : 'stopped', open ? null : `${decidedOn}T12:00:00-06:00`]);
      if (office.code === 'COMAR-TAP' && officer) {
        await tx.query('INSERT INTO claim_assignments (claim_id, officer_id, assigned_at, reason) VALUES ($1, $2, $3, $4)',
          [claimId, officer, `${lodgedOn}T12:00:00-06:00`, 'Demostración']);
      }
      if (open || !outcome) continue;
      const merits = ended === 'merits';
      const round = merits ? (rng() < 0.25 ? 2 : 1) : 0;
      const { rows: decision } = await tx.query<{ id: string }>(
        `INSERT INTO decisions (claim_id, outcome, status, drafted_by, drafted_at, submitted_at, reviewer_id, review_round, signed_at,
                                pdf, pdf_sha256, verification_code, issued_office_id, outcome_text)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [claimId, outcome, merits ? 'signed' : 'recorded', officer, `${decidedOn}T09:00:00-06:00`, merits ? `${addCalendarDays(decidedOn, -7)}T10:00:00-06:00` : null,
          merits ? reviewer : null, round, `${decidedOn}T12:00:00-06:00`, merits ? pdf : null, merits ? pdfHash : null,
          merits ? `DEMO-${number}` : null, office.id, merits ? '' : 'Registro histórico de demostración']);
      await tx.query(`INSERT INTO decision_person_outcomes (decision_id, person_id, outcome, derivative)
        SELECT $1, person_id, $2, relation <> 'principal' FROM claim_members WHERE claim_id = $3`, [decision[0]!.id, outcome, claimId]);
      if (round === 2) {
        await tx.query(`INSERT INTO decision_review_comments (decision_id, section, comment, rating, author_id, round, created_at, resolved_at)
          VALUES ($1, $2, 'Observación de la revisión (demostración)', $3, $4, 1, $5, $5)`,
          [decision[0]!.id, pick(['credibility_findings', 'legal_analysis', 'risk_assessment', 'form'] as const), rng() < 0.4 ? 'significant_error' : 'minor_error',
            reviewer, `${addCalendarDays(decidedOn, -7)}T12:00:00-06:00`]);
      }
      if (status !== 'notified') continue;
      const notifiedOn = addCalendarDays(decidedOn, 3);
      await tx.query(`INSERT INTO decision_notifications (decision_id, claim_id, notified_at, place, method, language, acknowledged)
        VALUES ($1, $2, $3, 'Oficina de la COMAR', 'in_person', 'spa', true)`, [decision[0]!.id, claimId, `${notifiedOn}T10:00:00-06:00`]);
      if ((outcome === 'rejected' || outcome === 'excluded') && rng() < 0.5) {
        const lodged = addCalendarDays(notifiedOn, 5 + Math.floor(rng() * 20));
        const resolved = addCalendarDays(lodged, 40);
        const done = resolved < today;
        await tx.query(`INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, status, outcome, resolved_on)
          VALUES ($1, $2, $3, 'Recurso de revisión (demostración)', $4, $5, $6)`,
          [claimId, decision[0]!.id, lodged, done ? 'resolved' : 'lodged', done ? weighted([['confirmed', 70], ['revoked', 15], ['sent_back', 15]] as const) : null, done ? resolved : null]);
      }
    }
    await recordAudit(tx, { actor: null }, { action: 'synthetic.loaded', entityType: 'system', details: { phase: 'demo_results_history', claims } });
  });
}

/** One real PDF for every demo decision: it says what it is, so nobody mistakes it for a decision. */
async function placeholderPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Resolución histórica de demostración (Refugio).', { x: 56, y: 780, size: 13, font });
  page.drawText('Registro estadístico sin texto de resolución: no es un documento oficial.', { x: 56, y: 760, size: 11, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/** A small seeded generator (mulberry32): the same demo every first start. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GIVEN_NAMES = ['María José', 'Luis Alberto', 'Ana Lucía', 'José Manuel', 'Marie-Claire', 'Jean-Robert', 'Yusleidy', 'Carlos Eduardo', 'Daniela',
  'Wilmer', 'Génesis', 'Roberto', 'Keila', 'Frantz', 'Nathalie', 'Osmany', 'Brenda', 'Edwin'] as const;
const SURNAMES = ['Altamirano', 'Bautista', 'Cienfuegos', 'Duarte', 'Echeverría', 'Figueroa', 'Galindo', 'Hinojosa', 'Ibarra', 'Jaramillo',
  'Lacroix', 'Pierre-Louis', 'Valdés', 'Zelaya'] as const;

