/**
 * Test fixtures for the impact comparison (ADR 045): officers, a training session that granted
 * its module's competencies, and signed decisions whose working days to decision are fixed by
 * construction (signed on add_working_days(start, n) of the office's calendar). History of this
 * kind cannot be made through the use cases (they sign today), so it is written as rows.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '@refugio/db';

export async function officeId(db: Queryable, code: string): Promise<string> {
  return (await db.query<{ id: string }>('SELECT id FROM offices WHERE code = $1', [code])).rows[0]!.id;
}

export async function addOfficer(db: Queryable, username: string, officeCode: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (username, full_name, institution_id, password_hash)
     SELECT $1, $1, institution_id, 'no-sign-in' FROM offices WHERE code = $2 RETURNING id`, [username, officeCode]);
  const id = rows[0]!.id;
  await db.query(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = 'eligibility_officer'`, [id]);
  await db.query('INSERT INTO user_offices (user_id, office_id) SELECT $1, id FROM offices WHERE code = $2', [id, officeCode]);
  return id;
}

/** A completed session of the module dated `day`, whose enrolled officers were granted its competencies that day. */
export async function trainedIn(db: Queryable, moduleCode: string, sessionCode: string, day: string, userIds: string[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO training_sessions (module_id, code, format, institution_id, capacity, status)
     SELECT m.id, $2, 'in_person', i.id, 30, 'completed' FROM training_modules m, institutions i WHERE m.code = $1 AND i.code = 'COMAR' RETURNING id`,
    [moduleCode, sessionCode]);
  const sessionId = rows[0]!.id;
  await db.query(`INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, $2, '09:00', '14:00')`, [sessionId, day]);
  for (const userId of userIds) {
    const enrolment = (await db.query<{ id: string }>(
      `INSERT INTO training_enrolments (session_id, user_id, status) VALUES ($1, $2, 'enrolled') RETURNING id`, [sessionId, userId])).rows[0]!.id;
    await db.query(
      `INSERT INTO competency_grants (user_id, competency_code, source, module_id, enrolment_id, granted_on)
       SELECT $1, mc.competency_code, 'training', mc.module_id, $2, $3 FROM training_module_competencies mc
         JOIN training_modules m ON m.id = mc.module_id WHERE m.code = $4`, [userId, enrolment, day, moduleCode]);
  }
  return sessionId;
}

export interface HistoricDecision {
  officer: string;
  officeId: string;
  /** The decision clock's start (the claim's lodging day). */
  start: string;
  /** Working days from the start to the signature. */
  workingDays: number;
  /** Submitted for review this many times (more than 1: returned at least once). */
  reviewRounds?: number;
  appeal?: 'confirmed' | 'revoked' | 'sent_back' | 'lodged';
  /** The claim's guarantees: met by the signature, met after it, pending, not applicable. */
  guarantees?: Array<'met' | 'met_late' | 'pending' | 'not_applicable'>;
  outcome?: 'refugee_convention' | 'rejected' | 'abandoned';
}

let serial = 0;

/** Writes one claim with its decision clock, its signed decision and what followed; returns the signature day. */
export async function addDecision(db: Queryable, d: HistoricDecision): Promise<string> {
  serial += 1;
  const calendar = (await db.query<{ id: string }>(`SELECT id FROM calendars WHERE is_default_for_claims`)).rows[0]!.id;
  const person = (await db.query<{ id: string }>(`INSERT INTO persons (given_names, first_surname) VALUES ('Persona', $1) RETURNING id`, [`Historia ${serial}`])).rows[0]!.id;
  const claim = (await db.query<{ id: string; signed: string }>(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id, decision_due_on)
     VALUES ($1, $2, $3, 'comar_office', ($4::date + time '10:00') AT TIME ZONE 'America/Mexico_City', $5, 'decided', $6, add_working_days($5, $4::date, 45))
     RETURNING id, add_working_days($5, $4::date, $7)::text AS signed`,
    [`HIST-${serial}-${Date.now()}`, d.officeId, person, d.start, calendar, d.officer, d.workingDays])).rows[0]!;
  await db.query('INSERT INTO claim_members (claim_id, person_id, relation) VALUES ($1, $2, \'principal\')', [claim.id, person]);
  await db.query(
    `INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on, state)
     VALUES ($1, 'decision', $2, $3, 45, add_working_days($2, $3::date, 45), 'stopped')`, [claim.id, calendar, d.start]);
  const outcome = d.outcome ?? 'refugee_convention';
  const recorded = outcome === 'abandoned';
  const pdf = Buffer.from(`%PDF-1.4 historic decision ${serial}`);
  const decision = (await db.query<{ id: string }>(
    `INSERT INTO decisions (claim_id, outcome, status, drafted_by, signed_by, signed_at, review_round, pdf, pdf_sha256, verification_code)
     VALUES ($1, $2, $3, $4, $4, ($5::date + time '12:00') AT TIME ZONE 'America/Mexico_City', $6, $7, $8, $9) RETURNING id`,
    [claim.id, outcome, recorded ? 'recorded' : 'signed', d.officer, claim.signed, d.reviewRounds ?? 1, recorded ? null : pdf,
      recorded ? null : createHash('sha256').update(pdf).digest('hex'), recorded ? null : `HIST-${serial}`])).rows[0]!.id;
  if (d.appeal) {
    const resolved = d.appeal !== 'lodged';
    await db.query(
      `INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, status, outcome, resolved_on)
       VALUES ($1, $2, $3::date + 5, 'Agravios', $4, $5, CASE WHEN $6 THEN $3::date + 40 END)`,
      [claim.id, decision, claim.signed, resolved ? 'resolved' : 'lodged', resolved ? d.appeal : null, resolved]);
  }
  const codes = ['prioritised_examination', 'representative_present', 'trained_interviewer_children', 'best_interests_assessment'];
  for (const [i, g] of (d.guarantees ?? []).entries()) {
    const status = g === 'met_late' ? 'met' : g;
    await db.query(
      `INSERT INTO claim_guarantees (claim_id, person_id, guarantee_code, need_codes, sensitive, status, evidence, reason, decided_at)
       VALUES ($1, $2, $3, '{child}', false, $4, $5, $6,
               CASE $7 WHEN 'met' THEN ($8::date + time '09:00') AT TIME ZONE 'America/Mexico_City'
                       WHEN 'met_late' THEN ($8::date + 3 + time '09:00') AT TIME ZONE 'America/Mexico_City'
                       WHEN 'not_applicable' THEN ($8::date + time '09:00') AT TIME ZONE 'America/Mexico_City' END)`,
      [claim.id, person, codes[i], status, status === 'met' ? 'Constancia en el expediente' : null, status === 'not_applicable' ? 'No aplica' : null, g, claim.signed]);
  }
  return claim.signed;
}
