/**
 * Demo history for the training coordinator's dashboard (ADR 049): sixteen eligibility officers
 * in four COMAR offices, eight of them trained in "Entrevista a niñas, niños y adolescentes" (ITC)
 * thirteen months ago by European experts, and about fourteen signed decisions each in the year
 * before and the year after — the trained ones faster, less often returned and revoked after it,
 * the others much as before — so the impact page has something to say on first start. Then the
 * good-practice evaluation of the action (the MIEUX case study "Mexico II", EASO training), with
 * a videoconference for INM first-line staff and a later session taught by a national trainer.
 *
 * Past decisions cannot be made through the use cases (they sign today): claims, clocks, signed
 * decisions, appeals and guarantees are written as rows, each decision carrying one PDF marked as
 * demonstration history. Not part of the test template.
 */
import { createHash, randomUUID } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Database, Queryable } from '@refugio/db';
import { generatePassword, hashPassword } from '../auth/server/index.ts';
import { claimCalendarForOffice } from '../calendars/server/index.ts';
import { ZEvaluationInput } from '../evaluations/index.ts';
import { createEvaluation } from '../evaluations/server/index.ts';
import { todayIn } from '../shared/time.ts';
import { demoContext } from './seed-demo-intake.ts';

const OFFICES = ['COMAR-CDMX', 'COMAR-PAL', 'COMAR-VHS', 'COMAR-ACA'];
const GIVEN = ['Alejandra', 'Bruno', 'Carmen', 'Diego', 'Elena', 'Fernando', 'Gabriela', 'Héctor', 'Irene', 'Javier', 'Karla', 'Luis', 'Mariana', 'Néstor', 'Olga', 'Pablo'];
const SURNAMES = ['Aguilar', 'Bravo', 'Cruz', 'Domínguez', 'Estrada', 'Flores', 'García', 'Herrera', 'Ibarra', 'Juárez', 'Lara', 'Morales', 'Navarro', 'Ortega', 'Pineda', 'Quintero'];
const NATIONALITIES = ['HND', 'HND', 'HND', 'CUB', 'HTI', 'SLV', 'GTM', 'VEN'];

/** A deterministic pseudo-random sequence, so every first start shows the same figures. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n, Math.min(d.getUTCDate(), 28));
  return d.toISOString().slice(0, 10);
}

async function demoDecisionPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Refugio - historial de demostracion', { x: 56, y: 780, size: 16, font });
  page.drawText('Resolucion historica sintetica para el tablero de capacitacion. Sin valor legal.', { x: 56, y: 752, size: 10, font });
  return doc.save();
}

async function addStaff(tx: Queryable, hash: string, people: Array<{ username: string; fullName: string; role: string; office: string }>): Promise<string[]> {
  const ids: string[] = [];
  for (const p of people) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (username, full_name, email, institution_id, password_hash)
       SELECT $1, $2, $1 || '@demo.refugio.example', institution_id, $3 FROM offices WHERE code = $4 RETURNING id`, [p.username, p.fullName, hash, p.office]);
    ids.push(rows[0]!.id);
    await tx.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = $2', [rows[0]!.id, p.role]);
    await tx.query('INSERT INTO user_offices (user_id, office_id) SELECT $1, id FROM offices WHERE code = $2', [rows[0]!.id, p.office]);
  }
  return ids;
}

/** A session of a module, its days, trainers and enrolled people, each granted the module's competencies on its last day. */
async function addSession(tx: Queryable, s: { code: string; module: string; format: string; days: string[]; status: string; trainerIds: string[]; userIds: string[] }): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO training_sessions (module_id, code, format, institution_id, capacity, status, venue, video_link)
     SELECT m.id, $2, $3, i.id, 150, $4, CASE WHEN $3 = 'in_person' THEN 'COMAR, Ciudad de México' END,
            CASE WHEN $3 = 'videoconference' THEN 'https://meet.jit.si/refugio-demo-acceso' END
       FROM training_modules m, institutions i WHERE m.code = $1 AND i.code = 'COMAR' RETURNING id`, [s.module, s.code, s.format, s.status]);
  const id = rows[0]!.id;
  await tx.query(`INSERT INTO training_session_days (session_id, day, starts_at, ends_at) SELECT $1, unnest($2::date[]), '09:00', '15:00'`, [id, s.days]);
  await tx.query('INSERT INTO training_session_trainers (session_id, trainer_id, lead) SELECT $1, t, o = 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(t, o)', [id, s.trainerIds]);
  await tx.query(
    `WITH e AS (INSERT INTO training_enrolments (session_id, user_id, status, decided_at) SELECT $1, unnest($2::uuid[]), 'enrolled', now() RETURNING id, user_id)
     INSERT INTO competency_grants (user_id, competency_code, source, module_id, enrolment_id, evidence, granted_on, expires_on)
     SELECT e.user_id, mc.competency_code, 'training', m.id, e.id, 'Sesión ' || $3, $4::date,
            CASE WHEN m.validity_months IS NOT NULL THEN ($4::date + make_interval(months => m.validity_months))::date END
       FROM e CROSS JOIN training_modules m JOIN training_module_competencies mc ON mc.module_id = m.id WHERE m.code = $5`,
    [id, s.userIds, s.code, s.days.at(-1), s.module]);
  return id;
}

interface Decision { officer: string; office: string; start: string; workingDays: number; returned: boolean; appeal: 'confirmed' | 'revoked' | null; guarantee: 'met' | 'pending' | null }

/** Decisions per officer and period, drawn around the means of their group and period. */
function drawDecisions(officers: Array<{ id: string; office: string; trained: boolean }>, windows: { before: [string, string]; after: [string, string] }): Decision[] {
  const next = rng(20_261_205);
  const out: Decision[] = [];
  for (const o of officers) {
    for (const period of ['before', 'after'] as const) {
      const improved = o.trained && period === 'after';
      const [from, to] = windows[period];
      const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 - 30;
      for (let i = 0; i < 12 + Math.floor(next() * 5); i++) {
        const mean = improved ? 39 : period === 'after' ? 45 : 46;
        const workingDays = Math.max(20, Math.round(mean + (next() + next() + next() - 1.5) * 8));
        const signedTarget = addDays(from, 10 + Math.floor(next() * span));
        out.push({
          officer: o.id, office: o.office, workingDays, start: addDays(signedTarget, -Math.round((workingDays * 7) / 5) - 2),
          returned: next() < (improved ? 0.12 : 0.3),
          appeal: next() < 0.45 ? (next() < (improved ? 0.12 : 0.3) ? 'revoked' : 'confirmed') : null,
          guarantee: next() < 0.5 ? (next() < (improved ? 0.92 : 0.62) ? 'met' : 'pending') : null,
        });
      }
    }
  }
  return out;
}

async function writeDecisions(tx: Queryable, decisions: Decision[], signer: string): Promise<void> {
  const pdf = Buffer.from(await demoDecisionPdf());
  const sha = createHash('sha256').update(pdf).digest('hex');
  const calendars = new Map<string, string>();
  for (const d of decisions) if (!calendars.has(d.office)) calendars.set(d.office, (await claimCalendarForOffice(tx, d.office)).id);
  const next = rng(7);
  const rows = decisions.map((d, i) => ({
    ...d, person: randomUUID(), claim: randomUUID(), decision: randomUUID(), calendar: calendars.get(d.office)!, number: `DEMO-H-${String(i + 1).padStart(4, '0')}`,
    nationality: NATIONALITIES[Math.floor(next() * NATIONALITIES.length)]!, given: GIVEN[Math.floor(next() * GIVEN.length)]!, surname: SURNAMES[Math.floor(next() * SURNAMES.length)]!,
  }));
  const col = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((r) => r[key]);
  await tx.query(
    `INSERT INTO persons (id, given_names, first_surname, sex, nationalities)
     SELECT id, g, s, CASE WHEN o % 2 = 0 THEN 'female' ELSE 'male' END, ARRAY[n] FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS x(id, g, s, n, o)`,
    [col('person'), col('given'), col('surname'), col('nationality')]);
  await tx.query(
    `INSERT INTO claims (id, claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id, decision_due_on, closed_at)
     SELECT c, num, o, p, 'comar_office', (st + time '10:00') AT TIME ZONE 'America/Mexico_City', cal, 'decided', officer, add_working_days(cal, st, 45),
            (add_working_days(cal, st, wd) + time '12:00') AT TIME ZONE 'America/Mexico_City'
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[], $5::date[], $6::uuid[], $7::uuid[], $8::int[]) AS x(c, num, o, p, st, cal, officer, wd)`,
    [col('claim'), col('number'), col('office'), col('person'), col('start'), col('calendar'), col('officer'), col('workingDays')]);
  await tx.query(`INSERT INTO claim_members (claim_id, person_id, relation) SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'principal'`, [col('claim'), col('person')]);
  await tx.query(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state, stopped_at)
     SELECT c, 'decision', cal, st, 45, add_working_days(cal, st, 45), 'stopped', (add_working_days(cal, st, wd) + time '12:00') AT TIME ZONE 'America/Mexico_City'
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::int[]) AS x(c, cal, st, wd)`, [col('claim'), col('calendar'), col('start'), col('workingDays')]);
  await tx.query(
    `INSERT INTO decisions (id, claim_id, outcome, status, drafted_by, submitted_by, reviewer_id, approved_by, signed_by, signed_at, approved_at, submitted_at,
                            review_round, pdf, pdf_sha256, verification_code, issued_office_id, drafted_at)
     SELECT d, c, CASE WHEN o % 4 = 0 THEN 'rejected' WHEN o % 7 = 0 THEN 'complementary_protection' ELSE 'refugee_convention' END, 'signed',
            officer, officer, $9::uuid, $9::uuid, $9::uuid, s, s - interval '1 day', s - interval '3 days', CASE WHEN r THEN 2 ELSE 1 END, $10, $11, num, office, s - interval '5 days'
       FROM (SELECT *, (add_working_days(cal, st, wd) + time '12:00') AT TIME ZONE 'America/Mexico_City' AS s
               FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::int[], $7::boolean[], $8::text[])
                    WITH ORDINALITY AS x(d, c, officer, cal, st, wd, r, num, o)) y
       JOIN claims cl ON cl.id = y.c CROSS JOIN LATERAL (SELECT cl.office_id AS office) z`,
    [col('decision'), col('claim'), col('officer'), col('calendar'), col('start'), col('workingDays'), col('returned'), col('number'), signer, pdf, sha]);
  const appealed = rows.filter((r) => r.appeal);
  await tx.query(
    `INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, status, outcome, resolved_on, resolution)
     SELECT d.claim_id, d.id, (d.signed_at AT TIME ZONE 'America/Mexico_City')::date + 7, 'Recurso de revisión (demostración)', 'resolved', a,
            (d.signed_at AT TIME ZONE 'America/Mexico_City')::date + 60, 'Resuelto (demostración)'
       FROM unnest($1::uuid[], $2::text[]) AS x(id, a) JOIN decisions d ON d.id = x.id`, [appealed.map((r) => r.decision), appealed.map((r) => r.appeal)]);
  const guaranteed = rows.filter((r) => r.guarantee);
  await tx.query(
    `INSERT INTO claim_guarantees (claim_id, person_id, guarantee_code, need_codes, sensitive, status, evidence, decided_at)
     SELECT d.claim_id, p, 'trained_interviewer_children', '{child}', false, g, CASE WHEN g = 'met' THEN 'Entrevista con personal capacitado (demostración)' END,
            CASE WHEN g = 'met' THEN d.signed_at - interval '20 days' END
       FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(id, p, g) JOIN decisions d ON d.id = x.id`,
    [guaranteed.map((r) => r.decision), guaranteed.map((r) => r.person), guaranteed.map((r) => r.guarantee)]);
}

/** Seeds the impact history and the evaluated action; returns the action's id. */
export async function seedDemoImpact(db: Database): Promise<string> {
  const today = todayIn();
  // The action: two days of ITC thirteen months ago, so a full year after it has ended a month ago.
  const first = addMonths(today, -13);
  const last = addDays(first, 1);
  const hash = await hashPassword(generatePassword());
  const sessionIds = await db.transaction(async (tx) => {
    const officers = OFFICES.flatMap((office, i) => [0, 1, 2, 3].map((j) => ({ office, n: i * 4 + j })));
    const ids = await addStaff(tx, hash, officers.map((o) => ({
      username: `oficial.${o.n + 1}`, fullName: `${GIVEN[o.n]} ${SURNAMES[(o.n * 7) % 16]} (demostración)`, role: 'eligibility_officer', office: o.office })));
    const inm = await addStaff(tx, hash, [1, 2, 3, 4, 5, 6].map((n) => ({
      username: `inm.agente${n}`, fullName: `Agente de primer contacto ${n} (demostración)`, role: 'first_contact_officer', office: n % 2 ? 'INM-CHD' : 'INM-TAP-EM' })));
    const experts = [];
    for (const [name, organisation, country] of [['Lucía Fernández', 'EASO (experta de España)', 'ES'], ['Anna Lindqvist', 'EASO (experta de Suecia)', 'SE'],
      ['Pieter de Vries', 'EASO (experto de los Países Bajos)', 'NL'], ['João Pereira', 'EASO (experto de Portugal)', 'PT']] as const) {
      experts.push((await tx.query<{ id: string }>(`INSERT INTO trainers (full_name, organisation, country_code, languages) VALUES ($1, $2, $3, '{es,en}') RETURNING id`,
        [name, organisation, country])).rows[0]!.id);
    }
    // Even-numbered officers in each office are trained: both groups in every office.
    const trained = ids.filter((_, i) => i % 2 === 0);
    const itc = await addSession(tx, { code: `ITC-MIEUX-${first.slice(0, 7)}`, module: 'ITC', format: 'in_person', days: [first, last], status: 'completed',
      trainerIds: experts.slice(0, 2), userIds: trained });
    const access = await addSession(tx, { code: `ACC-MIEUX-${first.slice(0, 7)}`, module: 'ACC', format: 'videoconference', days: [addDays(first, 14)], status: 'completed',
      trainerIds: experts.slice(2), userIds: [...inm, ...trained.slice(0, 2)] });
    // One trained officer became a national trainer; the session she taught last month trains three colleagues.
    const national = (await tx.query<{ id: string }>(
      `INSERT INTO trainers (user_id, full_name, organisation, country_code, languages, email) SELECT id, full_name, 'COMAR', 'MX', '{es}', email FROM users WHERE id = $1 RETURNING id`,
      [trained[0]])).rows[0]!.id;
    await addSession(tx, { code: `ITC-NAL-${addDays(today, -20).slice(0, 7)}`, module: 'ITC', format: 'in_person', days: [addDays(today, -20)], status: 'completed',
      trainerIds: [national], userIds: ids.filter((_, i) => i % 2 === 1).slice(0, 3) });
    const signer = (await tx.query<{ id: string }>("SELECT id FROM users WHERE username = 'supervisor'")).rows[0]!.id;
    const windows = { before: [addMonths(first, -12), addDays(first, -1)] as [string, string], after: [addDays(last, 1), addMonths(last, 12)] as [string, string] };
    const officeIds = new Map((await tx.query<{ id: string; code: string }>('SELECT id, code FROM offices WHERE code = ANY($1)', [OFFICES])).rows.map((r) => [r.code, r.id]));
    await writeDecisions(tx, drawDecisions(ids.map((id, i) => ({ id, office: officeIds.get(officers[i]!.office)!, trained: i % 2 === 0 })), windows), signer);
    return [itc, access];
  });
  const coordinator = await demoContext(db, 'capacitacion');
  const { id } = await createEvaluation(db, coordinator, { input: ZEvaluationInput.parse({
    title: 'México II: fortalecimiento de capacidades con el programa de formación de la EASO',
    kind: 'eu_funded', funder: 'Unión Europea, iniciativa MIEUX (ICMPD)',
    objectives: 'Integrar en la COMAR y el INM un procedimiento de asilo completo y centrado en la protección, con atención particular a las personas vulnerables: '
      + 'identificación y canalización en frontera, entrevista personal y evaluación de los hechos para decidir dentro de los 45 días hábiles.',
    partners: ['Oficina Europea de Apoyo al Asilo (EASO)', 'ICMPD, iniciativa MIEUX', 'ACNUR México', 'Instituto Nacional de Migración'],
    startsOn: addDays(first, -30), endsOn: addDays(first, 45), sessionIds,
    criteria: [
      { criterion: 'ownership', rating: 'met', assessment: 'La COMAR codificó su método de entrevista personal y publicó una guía práctica de técnicas de entrevista.', evidence: 'Guía práctica de la COMAR' },
      { criterion: 'innovation', rating: 'met', assessment: 'Primera formación conjunta de oficiales de la COMAR y agentes de primer contacto del INM; videoconferencia para las oficinas locales.', evidence: '' },
      { criterion: 'replicability', rating: 'partly_met', assessment: 'Una oficial formada imparte ya el módulo; falta un plan para certificar más formadores nacionales.', evidence: '' },
      { criterion: 'tangible_results', rating: 'met', assessment: 'Los oficiales formados resuelven antes y con menos devoluciones que sus colegas (véase la evidencia de los registros).', evidence: '' },
      { criterion: 'high_level_approval', rating: 'met', assessment: 'Solicitada por la COMAR y el INM y aprobada por la Secretaría de Gobernación.', evidence: 'Solicitud oficial de apoyo' },
      { criterion: 'fit_with_priorities', rating: 'met', assessment: 'Responde a la evaluación de necesidades hecha por y para la COMAR ante el aumento de solicitudes.', evidence: '' },
      { criterion: 'highest_expertise', rating: 'met', assessment: 'Formadores certificados por la EASO de España, los Países Bajos, Portugal y Suecia.', evidence: '' },
      { criterion: 'complementarity', rating: 'met', assessment: 'Coordinada con ACNUR para evitar duplicidades; la actividad de información de países de origen se reorientó porque Canadá ya la apoyaba.', evidence: '' },
      { criterion: 'eu_added_value', rating: 'partly_met', assessment: 'Transfirió herramientas y prácticas del sistema europeo de asilo adaptadas al marco mexicano.', evidence: '' },
      { criterion: 'knowledge_exchange', rating: 'met', assessment: 'Intercambio entre pares mexicanos y europeos; visita de estudio a una estación migratoria en la frontera con Guatemala.', evidence: '' },
    ],
  }) });
  return id;
}
