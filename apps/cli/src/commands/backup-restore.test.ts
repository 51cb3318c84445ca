import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditActions, backend, emptyTarget, seededTarget, snapshotTables, type CliTarget,
} from '../testing/cli-harness.ts';
import type { Queryable } from '@refugio/db';
import { loadAuditSigningKey, writeAuditCheckpoint } from '@refugio/domain/server';

let files: string;
beforeAll(async () => {
  files = await mkdtemp(path.join(os.tmpdir(), 'refugio-cli-backups-'));
});
afterAll(async () => {
  await rm(files, { recursive: true, force: true });
});

/** Puts at least one row in every table, with values that are easy to get wrong in a dump. */
async function addAwkwardContent(target: CliTarget): Promise<void> {
  const created = await target.run([
    'user', 'create', '--username', 'zoe', '--full-name', 'Zoë "Z" O\'Brien \\ 東京\nsegunda línea', '--institution', 'COMAR',
    '--roles', 'eligibility_officer', '--offices', 'COMAR-TAP', '--email', 'zoe@example.org', '--language', 'fr',
  ]);
  expect(created.code, created.stderr).toBe(0);
  await target.withDb(async (db) => {
    await db.query(`UPDATE offices SET served_state_codes = ARRAY['MX-CHP', 'a,b "c"', NULL] WHERE code = 'OSC-TAP'`);
    await db.query(`INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
      SELECT 'session-digest', id, 'csrf-token', now() + interval '1 hour', '203.0.113.7', NULL FROM users WHERE username = 'zoe'`);
    await db.query(`INSERT INTO login_challenges (id, user_id, attempts, expires_at)
      SELECT 'challenge-digest', id, 2, now() + interval '5 minutes' FROM users WHERE username = 'admin'`);
    await db.query(`INSERT INTO idempotency_keys (user_id, key, route, request_hash, status_code, response)
      SELECT id, 'key-1', 'POST /api/users', 'abc', 201, $1::jsonb FROM users WHERE username = 'admin'`,
    [JSON.stringify({ nested: { emoji: '🙂', quote: '"', backslash: '\\', newline: '\n', list: [1, 2.5, null, true] } })]);
    await addIntakeContent(db);
    await addTrainingContent(db);
    // Sign-in throttling, recovery codes and a signed audit checkpoint (ADR 021, ADR 022).
    await db.query(`INSERT INTO login_throttles (username, address, failures, holds, held_until, last_failed_at)
      VALUES ('zoe', '203.0.113.7', 2, 1, now() + interval '15 minutes', now())`);
    await db.query(`INSERT INTO login_addresses (address, failures, spray_alerted_at) VALUES ('203.0.113.7', 12, now())`);
    await db.query(`INSERT INTO rate_limits (bucket, key, window_started_at, hits) VALUES ('login', '203.0.113.7', now(), 3)`);
    await db.query(`INSERT INTO totp_recovery_codes (user_id, salt, digest, used_at)
      SELECT id, 'salt', 'digest', now() FROM users WHERE username = 'admin'`);
    const key = await loadAuditSigningKey({
      env: { REFUGIO_AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
      dataDir: os.tmpdir(), create: false,
    });
    expect(await writeAuditCheckpoint(db, key!)).toMatchObject({ status: 'written' });
    await addInterviewContent(db);
    await addCaseWorkContent(db);
    await addResultsContent(db);
  });
}

/** One row in every results summary (ADR 040) and in the evaluation of a capacity-building action (ADR 047). */
async function addResultsContent(db: Queryable): Promise<void> {
  const office = `(SELECT id FROM offices WHERE code = 'COMAR-TAP')`;
  const admin = `(SELECT id FROM users WHERE username = 'admin')`;
  const month = `DATE '2026-09-01'`;
  await db.query(`INSERT INTO results_refreshes (name, refreshed_at, duration_ms, row_count) VALUES ('applications', now(), 12, 1)`);
  await db.query(`INSERT INTO results_applications (month, office_id, origin, sex, age_group, count_type, n) VALUES (${month}, ${office}, 'HND', 'female', '18-59', 'P', 3)`);
  await db.query(`INSERT INTO results_first_decisions (month, office_id, origin, sex, age_group, count_type, outcome, n)
    VALUES (${month}, ${office}, 'HND', 'female', '18-59', 'C', 'refugee_cartagena', 1)`);
  await db.query(`INSERT INTO results_decision_times (month, office_id, days, term, extension, n) VALUES (${month}, ${office}, 45, 45, 0, 1)`);
  await db.query(`INSERT INTO results_open_claims (office_id, officer_id, age_band, risk_band, overdue, n)
    VALUES (${office}, (SELECT id FROM users WHERE username = 'elegibilidad'), '0-15', 'on_track', false, 2)`);
  await db.query(`INSERT INTO results_inm_notices (month, office_id, state, n) VALUES (${month}, ${office}, 'in_time', 1)`);
  await db.query(`INSERT INTO results_appeal_windows (month, office_id, opened, lodged, lodged_in_time, still_open) VALUES (${month}, ${office}, 1, 1, 1, 0)`);
  await db.query(`INSERT INTO results_appeal_outcomes (month, office_id, cohort, outcome, n) VALUES (${month}, ${office}, '2025', 'pending', 1)`);
  await db.query(`INSERT INTO results_reviews (month, office_id, cohort, reviewed, returned) VALUES (${month}, ${office}, '2025', 2, 1)`);
  await db.query(`INSERT INTO results_review_reasons (month, office_id, section, rating, n) VALUES (${month}, ${office}, 'legal_analysis', 'minor_error', 1)`);
  await db.query(`INSERT INTO results_interviews (month, office_id, interviews, checklist_complete, with_guarantees, guarantees_met_before)
    VALUES (${month}, ${office}, 1, 1, 1, 1)`);
  const action = await db.query<{ id: string }>(`INSERT INTO capacity_actions (institution_id, title, kind, funder, objectives, partners, starts_on, ends_on, created_by)
    VALUES ((SELECT id FROM institutions WHERE code = 'COMAR'), 'México II', 'eu_funded', 'UE (MIEUX)', 'Fortalecer la entrevista', ARRAY['EUAA', 'ACNUR'],
            DATE '2026-01-01', DATE '2026-06-30', ${admin}) RETURNING id`);
  await db.query(`INSERT INTO capacity_action_sessions (action_id, session_id) SELECT $1, id FROM training_sessions WHERE code = 'BK-2026-01'`, [action.rows[0]!.id]);
  await db.query(`INSERT INTO capacity_action_criteria (action_id, criterion, rating, assessment, evidence, updated_by)
    VALUES ($1, 'ownership', 'met', 'La COMAR dirigió el programa', 'Minutas', ${admin})`, [action.rows[0]!.id]);
}

/** A calendar, two persons (one merged into the other), a claim with members and clocks. */
async function addIntakeContent(db: Queryable): Promise<void> {
  await db.query(`INSERT INTO calendars (code, name, weekend_days, weekend_source)
    VALUES ('BACKUP-CAL', 'Calendario «prueba»', '{6,7}', 'LFPA art. 28')`);
  await db.query(`INSERT INTO calendar_rules (calendar_id, rule_key, kind, label, source, params, valid_from)
    SELECT id, 'sep16', 'fixed_date', '16 de septiembre', 'LFPA art. 28', '{"month": 9, "day": 16}', 2020 FROM calendars WHERE code = 'BACKUP-CAL'`);
  await db.query(`INSERT INTO calendar_days (calendar_id, day, ordinal, is_working)
    SELECT id, DATE '2026-09-16', 0, false FROM calendars WHERE code = 'BACKUP-CAL'`);
  const persons = await db.query<{ id: string }>(`INSERT INTO persons (given_names, first_surname, second_surname, other_names, birth_date,
      birth_date_estimated, nationalities, languages, documents, address)
    VALUES ('José Ángel', 'Núñez', 'O''Higgins', '{"Ángel","J. A."}', DATE '1990-02-28', false, '{HND}', '{es}',
            '[{"type": "passport", "number": "G-123 456", "issuingCountry": "HND"}]', '{"city": "Tapachula"}'),
           ('Jose Angel', 'Nunez', NULL, '{}', DATE '1990-03-01', true, '{HND,GTM}', '{es,mam}', '[]', '{}')
    RETURNING id`);
  const [survivor, merged] = persons.rows.map((r) => r.id).toSorted();
  await db.query(`INSERT INTO claims (claim_number, office_id, principal_person_id, channel, entered_mexico_on, lodged_at, calendar_id, decision_due_on)
    SELECT 'TAP-2026-000001', o.id, $1, 'comar_office', DATE '2026-09-01', '2026-09-15T10:30:00-06:00', c.id, DATE '2026-11-20'
      FROM offices o, calendars c WHERE o.code = 'COMAR-TAP' AND c.code = 'BACKUP-CAL'`, [survivor]);
  await db.query(`INSERT INTO claim_members (claim_id, person_id, relation) SELECT id, $1, 'principal' FROM claims WHERE claim_number = 'TAP-2026-000001'`, [survivor]);
  await db.query(`INSERT INTO claim_clocks (claim_id, kind, calendar_id, started_on, working_days, due_on)
    SELECT id, 'decision', calendar_id, DATE '2026-09-15', 45, DATE '2026-11-20' FROM claims WHERE claim_number = 'TAP-2026-000001'`);
  await db.query(`INSERT INTO claim_clocks (claim_id, kind, started_at, hours, due_at)
    SELECT id, 'inm_notice', '2026-09-15T10:30:00-06:00', 72, '2026-09-18T10:30:00-06:00' FROM claims WHERE claim_number = 'TAP-2026-000001'`);
  await db.query('INSERT INTO person_non_duplicates (person_a_id, person_b_id, reason) VALUES ($1, $2, $3)', [survivor, merged, 'Hermanos, no la misma persona']);
  await db.query(`INSERT INTO person_merges (survivor_id, merged_id, reason, snapshot) VALUES ($1, $2, 'Duplicado', '{"claims": []}')`, [survivor, merged]);
  await db.query('UPDATE persons SET merged_into_id = $1 WHERE id = $2', [survivor, merged]);
  await db.query(`INSERT INTO claim_number_counters (office_id, year, counter) SELECT id, 2026, 1 FROM offices WHERE code = 'COMAR-TAP'
    ON CONFLICT (office_id, year) DO UPDATE SET counter = claim_number_counters.counter + 1`);
  const claim = `(SELECT id FROM claims WHERE claim_number = 'TAP-2026-000001')`;
  const admin = `(SELECT id FROM users WHERE username = 'admin')`;
  await db.query(`INSERT INTO claim_events (claim_id, kind, to_status, details, actor_user_id)
    SELECT ${claim}, 'registered', 'registered', '{"note": "línea 1\\nlínea 2"}', ${admin}`);
  await db.query(`INSERT INTO claim_assignments (claim_id, officer_id, assigned_by, reason)
    SELECT ${claim}, u.id, ${admin}, 'Reparto' FROM users u WHERE u.username = 'elegibilidad'`);
  await db.query(`INSERT INTO vulnerability_flags (claim_id, person_id, category, indicator, sensitive, recorded_by)
    SELECT ${claim}, $1, 'lgbtiq', 'Refiere persecución por su orientación', true, ${admin}`, [survivor]);
  await db.query(`INSERT INTO referrals (source_office_id, target_office_id, members, principal_name, expressed_at, expressed_place,
      expressed_state_code, channel, identified, informed, referred, indicators, notice_due_at, status, claim_id)
    SELECT s.id, t.id, '[{"relation": "principal", "person": {"givenNames": "José"}}]', 'José Núñez', '2026-09-14T08:00:00-06:00',
           'Puente Ciudad Hidalgo', 'MX-CHP', 'inm_referral', true, true, true, '[]', '2026-09-17T08:00:00-06:00', 'accepted', ${claim}
      FROM offices s, offices t WHERE s.code = 'INM-CHD' AND t.code = 'COMAR-TAP'`);
  const change = await db.query<{ id: string }>(`INSERT INTO calendar_changes (calendar_id, action, rule_key, rule_kind, rule_label, rule_source,
      moved_clocks, moved_claims) SELECT id, 'rule_added', 'sep16', 'fixed_date', '16 de septiembre', 'LFPA art. 28', 1, 1
      FROM calendars WHERE code = 'BACKUP-CAL' RETURNING id`);
  await db.query(`INSERT INTO claim_clock_moves (change_id, clock_id, claim_id, kind, old_due_on, new_due_on)
    SELECT $1, k.id, k.claim_id, k.kind, DATE '2026-11-19', k.due_on FROM claim_clocks k WHERE k.kind = 'decision' AND k.claim_id = ${claim}`,
  [change.rows[0]?.id]);
}

/**
 * One row in every table of the claim's work after registration: the procedure's switches,
 * screening and guarantees, interpreters, appointments and signatures, questionnaires and the
 * interview, the assessment with COI, the decision, its notification and the appeal.
 */
async function addCaseWorkContent(db: Queryable): Promise<void> {
  const admin = `(SELECT id FROM users WHERE username = 'admin')`;
  const officer = `(SELECT id FROM users WHERE username = 'elegibilidad')`;
  const claim = `(SELECT id FROM claims WHERE claim_number = 'TAP-2026-000001')`;
  const person = `(SELECT principal_person_id FROM claims WHERE claim_number = 'TAP-2026-000001')`;
  const office = `(SELECT id FROM offices WHERE code = 'COMAR-TAP')`;
  const comar = `(SELECT id FROM institutions WHERE code = 'COMAR')`;
  await db.query(`INSERT INTO procedure_safeguard_settings (institution_id, safeguard_code, enabled, reason, changed_by)
    SELECT i.id, 'competency_gate', false, 'Prueba «respaldo»: sin oficiales capacitados', ${admin} FROM institutions i WHERE i.code = 'INM'`);
  const flag = `(SELECT id FROM vulnerability_flags WHERE claim_id = ${claim} LIMIT 1)`;
  await db.query(`INSERT INTO vulnerability_indicators (claim_id, person_id, flag_id, category, kind, description, sensitive, observed_by,
      observed_at, observed_place, recorded_by)
    VALUES (${claim}, ${person}, ${flag}, 'lgbtiq', 'statement', 'Lo dice en la entrevista: «me amenazaron»', true, 'Ana "Ely" Torres',
      '2026-09-15T10:00:00-06:00', 'Oficina de Tapachula\nventanilla 2', ${admin})`);
  await db.query(`INSERT INTO specialist_referrals (claim_id, person_id, specialist, sensitive, reason, referred_by, status, outcome)
    VALUES (${claim}, ${person}, 'psychologist', true, 'Crisis de ansiedad', ${admin}, 'completed', 'Apta para entrevista')`);
  await db.query(`INSERT INTO best_interests_assessments (claim_id, person_id, assessed_on, assessed_by, summary, recommendations, recorded_by)
    VALUES (${claim}, ${person}, DATE '2026-09-20', 'DIF Chiapas', 'Resumen', 'Pausas', ${admin})`);
  await db.query(`INSERT INTO claim_guarantees (claim_id, person_id, guarantee_code, need_codes, sensitive, status, evidence, decided_by)
    VALUES (${claim}, ${person}, 'confidentiality_reinforced', '{lgbtiq}', true, 'met', 'Sala privada', ${admin})`);
  const interpreter = `(SELECT id FROM interpreters LIMIT 1)`;
  await db.query(`UPDATE interpreters SET availability = '[{"weekday": 1, "from": "09:00", "to": "14:00"}]'`);
  await db.query(`INSERT INTO scheduling_settings (institution_id, missed_signatures_threshold) VALUES (${comar}, 4)`);
  await db.query(`INSERT INTO signature_records (claim_id, office_id, signed_on, recorded_by) VALUES (${claim}, ${office}, DATE '2026-09-22', ${admin})`);
  await db.query(`INSERT INTO abandonment_decisions (claim_id, office_id, decision, streak_from, missed_weeks, reason, decided_by)
    VALUES (${claim}, ${office}, 'dismissed', DATE '2026-09-22', 3, 'Hospitalizada', ${admin})`);
  await db.query(`INSERT INTO coi_sources (title, publisher, published_on, accessed_on, language, countries, topics, excerpt, content, sha256)
    VALUES ('Honduras: maras', 'ACNUR', DATE '2025-01-10', DATE '2026-09-01', 'es', '{HND}', '{gangs}', 'Resumen', '\x255044462d'::bytea, 'abc')`);
  await db.query(`INSERT INTO coi_settings (institution_id, max_age_years, updated_by) VALUES (${comar}, 5, ${admin})`);
  await db.query(`INSERT INTO claim_assessments (claim_id, convention_grounds, cartagena_circumstances, created_by)
    VALUES (${claim}, '{political_opinion}', '{generalized_violence}', ${officer})`);
  await db.query(`INSERT INTO material_facts (assessment_id, position, kind, statement, conclusion, reasons, created_by)
    SELECT id, 1, 'past_event', 'Amenazas de la mara', 'accepted', 'Detallado y coherente', ${officer} FROM claim_assessments`);
  await db.query(`INSERT INTO fact_evidence (fact_id, kind, description, coi_source_id, coi_passage, created_by)
    SELECT f.id, 'coi', 'Informe', s.id, 'párrafo 12', ${officer} FROM material_facts f, coi_sources s`);
  await db.query(`INSERT INTO decisions (claim_id, outcome, status, introduction, drafted_by, verification_code, pdf, pdf_sha256, signed_at)
    VALUES (${claim}, 'refugee_cartagena', 'signed', 'Introducción', ${officer}, 'BK-DEC-0001', '\x255044462d'::bytea, 'def', TIMESTAMPTZ '2026-10-01 12:00:00+00')`);
  const decision = `(SELECT id FROM decisions WHERE verification_code = 'BK-DEC-0001')`;
  await db.query(`INSERT INTO decision_person_outcomes (decision_id, person_id, outcome) VALUES (${decision}, ${person}, 'refugee_cartagena')`);
  await db.query(`INSERT INTO decision_review_comments (decision_id, section, comment, author_id) VALUES (${decision}, 'legal_analysis', 'Citar el art. 13-II', ${admin})`);
  await db.query(`INSERT INTO decision_notifications (decision_id, claim_id, notified_at, place, method, language, interpreter_id, acknowledged, recorded_by)
    VALUES (${decision}, ${claim}, '2026-11-02T10:00:00-06:00', 'Tapachula', 'in_person', 'quc', ${interpreter}, true, ${admin})`);
  await db.query(`INSERT INTO appeals (claim_id, decision_id, lodged_on, grounds, recorded_by) VALUES (${claim}, ${decision}, DATE '2026-11-10', 'Agravios', ${admin})`);
}

/** One row in every training table (competencies and gating rules come from the migrations). */
async function addTrainingContent(db: Queryable): Promise<void> {
  const admin = `(SELECT id FROM users WHERE username = 'admin')`;
  const officer = `(SELECT id FROM users WHERE username = 'elegibilidad')`;
  const module = `(SELECT id FROM training_modules WHERE code = 'BK-ITC')`;
  const session = `(SELECT id FROM training_sessions WHERE code = 'BK-2026-01')`;
  const enrolment = `(SELECT id FROM training_enrolments WHERE session_id = ${session})`;
  await db.query(`INSERT INTO training_modules (code, title, level, formats, online_hours, face_to_face_days, validity_months, completion_rule)
    VALUES ('BK-ITC', '{"es-MX": "Entrevista a niñas, niños y adolescentes", "en": "Interviewing children", "fr": "Entretien avec l''enfant"}',
            'advanced', '{blended}', 25.5, 2, 36, '{"online": true, "attendance": true, "attendancePct": 80, "passMark": 70}')`);
  await db.query(`INSERT INTO training_module_competencies VALUES (${module}, 'interviewing_children')`);
  await db.query(`INSERT INTO training_module_prerequisites VALUES (${module}, 'interview_techniques')`);
  await db.query(`INSERT INTO training_guides (code, language, version, title, kind, file_name, content_type, content, sha256, created_by)
    VALUES ('GUIA-NNA', 'es-MX', 1, 'Guía práctica: entrevista a NNA', 'file', 'guía ñ.pdf', 'application/pdf', '\\x255044462d00ff'::bytea, 'abc', ${admin})`);
  await db.query(`INSERT INTO training_guide_modules (guide_code, module_id) VALUES ('GUIA-NNA', ${module})`);
  await db.query(`INSERT INTO trainers (user_id, full_name, organisation, country_code, languages)
    VALUES (${admin}, 'Ana María O''Neill', 'EUAA', 'MT', '{es,en}')`);
  await db.query(`INSERT INTO trainer_certifications SELECT id, ${module}, DATE '2025-05-01', NULL FROM trainers`);
  await db.query(`INSERT INTO training_campaigns (institution_id, title, opens_on, closes_on, created_by)
    SELECT id, 'Diagnóstico 2026', DATE '2026-01-10', DATE '2026-02-10', ${admin} FROM institutions WHERE code = 'COMAR'`);
  await db.query(`INSERT INTO training_needs_responses (campaign_id, user_id, role_code, years_experience, self_levels, preferred_format, languages)
    SELECT c.id, ${officer}, 'eligibility_officer', 1.5, '{"interviewing_children": 0}', 'blended', '{es}' FROM training_campaigns c`);
  await db.query(`INSERT INTO training_sessions (module_id, code, format, institution_id, office_id, venue, online_starts_on, capacity)
    SELECT ${module}, 'BK-2026-01', 'blended', i.id, o.id, 'Sala 2, Tapachula', DATE '2026-03-02', 25
      FROM institutions i, offices o WHERE i.code = 'COMAR' AND o.code = 'COMAR-TAP'`);
  await db.query(`INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES (${session}, DATE '2026-03-23', '09:00', '17:30')`);
  await db.query(`INSERT INTO training_session_trainers SELECT ${session}, id, true FROM trainers`);
  await db.query(`INSERT INTO training_session_guides (session_id, guide_code) VALUES (${session}, 'GUIA-NNA')`);
  await db.query(`INSERT INTO training_enrolments (session_id, user_id, status, requested_by) VALUES (${session}, ${officer}, 'enrolled', ${admin})`);
  await db.query(`INSERT INTO training_guide_acknowledgements (enrolment_id, guide_id) SELECT ${enrolment}, id FROM training_guides`);
  await db.query(`INSERT INTO training_imports (session_id, kind, file_name, sha256, row_count, accepted, status, errors, unmatched, resolutions, imported_by)
    VALUES (${session}, 'videoconference_attendance', 'participantes.csv', 'def', 2, false, 'needs_review', '[]',
            '[{"key": "name:invitada", "name": "Invitada «ACNUR»", "lines": [3]}]', '[{"key": "name:x", "enrolmentId": null}]', ${admin})`);
  await db.query(`INSERT INTO training_online_completions (enrolment_id, completed_on, score, source, recorded_by)
    VALUES (${enrolment}, DATE '2026-03-20', 88.5, 'manual', ${admin})`);
  await db.query(`INSERT INTO training_attendance (enrolment_id, session_day_id, minutes_attended, source, recorded_by)
    SELECT ${enrolment}, id, 480, 'manual', ${admin} FROM training_session_days`);
  await db.query(`INSERT INTO training_assessments (enrolment_id, score, assessed_by) VALUES (${enrolment}, 91, ${admin})`);
  await db.query(`INSERT INTO training_certificates (enrolment_id, user_id, module_id, verification_code, language, completed_on, valid_until, issued_by)
    VALUES (${enrolment}, ${officer}, ${module}, 'K7Q2-M9XZ-44TD', 'es-MX', DATE '2026-03-24', DATE '2029-03-24', ${admin})`);
  await db.query(`INSERT INTO competency_grants (user_id, competency_code, source, module_id, enrolment_id, granted_on, expires_on, recorded_by)
    VALUES (${officer}, 'interviewing_children', 'training', ${module}, ${enrolment}, DATE '2026-03-24', DATE '2029-03-24', ${admin})`);
}

/** The interview's shared tables (ADR 024) and its record (ADR 025): a signed interview with everything in it. */
async function addInterviewContent(db: Queryable): Promise<void> {
  const admin = `(SELECT id FROM users WHERE username = 'admin')`;
  const claim = `(SELECT id FROM claims WHERE claim_number = 'TAP-2026-000001')`;
  const interview = `(SELECT id FROM interviews WHERE claim_id = ${claim})`;
  await db.query(`INSERT INTO interpreters (institution_id, user_id, full_name, kind, sex, languages, modalities, office_ids)
    SELECT i.id, u.id, 'Nadia «Joseph»', 'staff', 'female', '{hat,fra}', '{in_person,video}', ARRAY[o.id]
      FROM institutions i, users u, offices o WHERE i.code = 'COMAR' AND u.username = 'interprete' AND o.code = 'COMAR-TAP'`);
  await db.query(`INSERT INTO interview_appointments (claim_id, office_id, officer_id, interpreter_id, language, modality, room, starts_at, ends_at, created_by)
    SELECT ${claim}, o.id, ${admin}, (SELECT id FROM interpreters), 'hat', 'in_person', 'Sala "B"', '2026-10-01T09:00:00-06:00', '2026-10-01T12:00:00-06:00', ${admin}
      FROM offices o WHERE o.code = 'COMAR-TAP'`);
  await db.query(`INSERT INTO interview_templates (institution_id, code, version, title, audience, status, content, published_at, created_by)
    SELECT id, 'bk_entrevista', 1, 'Entrevista «respaldo»', 'eligibility', 'published', $1, now(), ${admin} FROM institutions WHERE code = 'COMAR'`,
  [JSON.stringify({ stages: [{ stage: 'substance', guidance: 'Línea 1\nlínea 2', checklist: [{ id: 'bk_item', text: 'Comprobar que se entienden' }],
    questions: [{ id: 'bk_temor', text: '¿Qué teme?', type: 'text', help: null, options: [], sensitive: false }] }] })]);
  await db.query(`INSERT INTO interviews (claim_id, person_id, appointment_id, template_id, officer_id, interpreter_id, language, status, narrative,
      narrative_version, read_back_at, read_back_by, signed_at, record_sha256)
    SELECT c.id, c.principal_person_id, (SELECT id FROM interview_appointments), (SELECT id FROM interview_templates WHERE code = 'bk_entrevista'),
           ${admin}, (SELECT id FROM interpreters), 'hat', 'signed', 'Relato con "comillas", \\ y 東京', 3, now(), ${admin}, now(), 'abc123'
      FROM claims c WHERE c.id = ${claim}`);
  await db.query(`INSERT INTO interview_participants (interview_id, role, full_name, organisation, interpreter_id)
    SELECT ${interview}, 'interpreter', 'Nadia «Joseph»', NULL, id FROM interpreters`);
  await db.query(`INSERT INTO interview_checklist (interview_id, item_id, done, note, updated_by) VALUES (${interview}, 'bk_item', true, 'Sí, en criollo', ${admin})`);
  await db.query(`INSERT INTO interview_answers (interview_id, question_id, value, updated_by) VALUES (${interview}, 'bk_temor', $1, ${admin})`,
    [JSON.stringify({ text: 'Que me maten «por hablar»\n' })]);
  await db.query(`INSERT INTO interview_breaks (interview_id, started_at, ended_at, reason)
    VALUES (${interview}, '2026-10-01T10:00:00-06:00', '2026-10-01T10:15:00-06:00', 'Agua')`);
  await db.query(`INSERT INTO interview_corrections (interview_id, target, before_value, after_value, requested_by_role, note, recorded_by)
    VALUES (${interview}, 'bk_temor', '{"text": "antes"}', '{"text": "después"}', 'applicant', 'Pidió precisar', ${admin})`);
  await db.query(`INSERT INTO interview_signatures (interview_id, role, method, signer_name, image, image_sha256, recorded_by)
    VALUES (${interview}, 'applicant', 'drawn', 'José Ángel Núñez', '\\x89504e470d0a1a0a00ff'::bytea, 'def456', ${admin})`);
  await db.query(`INSERT INTO interview_annexes (interview_id, text, added_by) VALUES (${interview}, 'Anexo: constancia médica', ${admin})`);
  await db.query(`INSERT INTO interview_audio (interview_id, content_type, byte_size, sha256, content, uploaded_by)
    VALUES (${interview}, 'audio/ogg', 4, 'aud789', '\\x4f676753'::bytea, ${admin})`);
  await db.query(`INSERT INTO interview_editors (interview_id, editor_id, user_id) VALUES (${interview}, gen_random_uuid(), ${admin})`);
}

/** Equal data in every table, except the one system.restored event the restore appends. */
function expectSameData(source: Map<string, string[]>, restored: Map<string, string[]>): void {
  expect([...restored.keys()]).toEqual([...source.keys()]);
  for (const [table, rows] of source) {
    expect(rows.length, `${table} has rows to compare`).toBeGreaterThan(0);
    let restoredRows = restored.get(table) ?? [];
    if (table === 'audit_events') {
      const seqs = restoredRows.map((r) => (JSON.parse(r) as { seq: number }).seq);
      const last = Math.max(...seqs);
      const appended = restoredRows.filter((r) => (JSON.parse(r) as { seq: number }).seq === last);
      expect(appended.map((r) => JSON.parse(r) as { action: string; actor_username: string })).toEqual([
        expect.objectContaining({ action: 'system.restored', actor_username: 'cli' }),
      ]);
      restoredRows = restoredRows.filter((r) => !appended.includes(r));
    }
    expect(restoredRows, table).toEqual(rows);
  }
}

async function snapshot(target: CliTarget): Promise<Map<string, string[]>> {
  return target.withDb((db) => snapshotTables(db));
}

async function backupTo(target: CliTarget, name: string): Promise<string> {
  const file = path.join(files, name);
  const result = await target.run(['backup', '--out', file]);
  expect(result.code, result.stderr).toBe(0);
  return file;
}

// Each case backs up and restores whole databases (the materialized calendars are ~37,000 rows).
describe(`refugio backup and restore (${backend})`, { timeout: 120_000 }, () => {
  let source: CliTarget;
  let restoredInto: CliTarget;
  let file: string;
  beforeAll(async () => {
    source = await seededTarget();
    restoredInto = await emptyTarget();
    await addAwkwardContent(source);
  });
  afterAll(async () => {
    await source?.destroy();
    await restoredInto?.destroy();
  });

  it('writes one owner-only file with a header, and refuses to overwrite it without --force', async () => {
    file = await backupTo(source, 'full.jsonl.gz');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as { format: string; version: number; database: { kind: string }; migrations: unknown[]; createdAt: string };
    expect(header).toMatchObject({ format: 'refugio-backup', version: 1, database: { kind: backend } });
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ '@': 'end' });

    const again = await source.run(['backup', '--out', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists (use --force to overwrite it)');
    expect((await source.run(['backup', '--out', file, '--force'])).code).toBe(0);
  });

  it('refuses a file that is not a backup, and an incomplete one, restoring nothing', async () => {
    const notBackup = path.join(files, 'notes.txt');
    await writeFile(notBackup, 'hello\n');
    const wrong = await restoredInto.run(['restore', notBackup]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('is not a Refugio backup');

    // Cut before the end marker, and stored uncompressed (restore reads both).
    const lines = gunzipSync(await readFile(file)).toString('utf8').trimEnd().split('\n');
    const truncated = path.join(files, 'truncated.jsonl');
    await writeFile(truncated, `${lines.slice(0, -3).join('\n')}\n`);
    const cut = await restoredInto.run(['restore', truncated]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('incomplete');
    const leftBehind = await restoredInto.withDb(async (db) =>
      (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema()")).rows[0]?.n);
    expect(leftBehind).toBe(0);
  });

  it('round trip: a restore into an empty target loses nothing, and its audit chain verifies', async () => {
    const restored = await restoredInto.run(['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    const events = await source.withDb(async (db) => (await auditActions(db)).length);
    expect(restored.stdout).toContain(`audit chain ok: ${events + 1} events`);
    expectSameData(await snapshot(source), await snapshot(restoredInto));

    const verified = await restoredInto.run(['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout.trim()).toMatch(new RegExp(`^audit chain ok: ${events + 1} events; no signed checkpoint checked; 1 checkpoints signed by a key not given here were not checked$`));
    // The restored database keeps working: a new event chains onto the restored ones.
    expect((await restoredInto.run(['user', 'reset-password', 'zoe'])).code).toBe(0);
    expect((await restoredInto.run(['audit', 'verify'])).stdout.trim()).toMatch(new RegExp(`^audit chain ok: ${events + 2} events;`));
  });

  it('keeps identity ids, sequences and self-references, recomputes generated columns, into a migrated empty database', async () => {
    // No Refugio table has these yet; a table both sides share stands in for the ones to come.
    const probe = `CREATE TABLE cli_probe (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id integer REFERENCES cli_probe (id),
      label text NOT NULL, doubled integer GENERATED ALWAYS AS (id * 2) STORED)`;
    await source.withDb(async (db) => {
      await db.exec(probe);
      await db.query("INSERT INTO cli_probe (label) VALUES ('one'), ('two'), ('three')");
      await db.query("DELETE FROM cli_probe WHERE label = 'two'");
      await db.query("INSERT INTO cli_probe (parent_id, label) VALUES (3, 'child of three')");
      await db.query("UPDATE cli_probe SET parent_id = 4 WHERE id = 1");
    });
    const migrated = await emptyTarget();
    try {
      expect((await migrated.run(['migrate'])).code).toBe(0);
      await migrated.withDb((db) => db.exec(probe));
      const result = await migrated.run(['restore', await backupTo(source, 'with-probe.jsonl.gz')]);
      expect(result.code, result.stderr).toBe(0);
      expectSameData(await snapshot(source), await snapshot(migrated));
      const next = await migrated.withDb(async (db) =>
        (await db.query<{ id: number; doubled: number }>("INSERT INTO cli_probe (label) VALUES ('new') RETURNING id, doubled")).rows[0]);
      expect(next).toEqual({ id: 5, doubled: 10 });
    } finally {
      await migrated.destroy();
    }
  });

  it('refuses to restore into a database that is not empty, and leaves it untouched', async () => {
    const before = await snapshot(source);
    const refused = await source.run(['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Refusing to restore: the target is not empty \(audit_events has \d+ rows, users has 12 rows, institutions has 4 rows\)/);
    expect(await snapshot(source)).toEqual(before);
  });
});

// With a PostgreSQL server at hand, both directions between the two back ends.
// Two demo seeds, two backups and two restores across engines: minutes on a loaded 2-core runner.
describe.runIf(backend === 'postgres')('restore across back ends', { timeout: 300_000 }, () => {
  const targets: CliTarget[] = [];
  afterAll(async () => {
    for (const t of targets) await t.destroy();
  });
  const track = async (t: Promise<CliTarget>) => {
    const opened = await t;
    targets.push(opened);
    return opened;
  };

  it('PGlite → PostgreSQL → PGlite loses nothing', async () => {
    const embedded = await track(emptyTarget('pglite'));
    expect((await embedded.run(['seed-demo', '--password', 'cross-backend-password'])).code).toBe(0);
    await addAwkwardContent(embedded);
    const server = await track(emptyTarget('postgres'));
    const first = await server.run(['restore', await backupTo(embedded, 'from-pglite.jsonl.gz')]);
    expect(first.code, first.stderr).toBe(0);
    expectSameData(await snapshot(embedded), await snapshot(server));

    const back = await track(emptyTarget('pglite'));
    const second = await back.run(['restore', await backupTo(server, 'from-postgres.jsonl.gz')]);
    expect(second.code, second.stderr).toBe(0);
    expectSameData(await snapshot(server), await snapshot(back));
    expect((await back.run(['audit', 'verify'])).code).toBe(0);
  });
});

