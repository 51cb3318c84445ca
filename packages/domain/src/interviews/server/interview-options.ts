import type { Queryable } from '@refugio/db';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import type { TInterviewOptions } from '../interviews.schemas.ts';
import { ISO } from './template-rows.ts';

/**
 * What an officer chooses from to start an interview on a claim they may change: its people,
 * the published questionnaires of the claim's authority, the active interpreters of that
 * authority who work at the claim's office (or at any of its offices), the claim's appointments.
 */
export async function listInterviewOptions(db: Queryable, ctx: RequestContext, claimId: string): Promise<TInterviewOptions> {
  const claim = await loadClaimFor(db, actorOf(ctx), claimId, 'update');
  const persons = await db.query<TInterviewOptions['persons'][number]>(
    `SELECT p.id, concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS name, m.relation,
            COALESCE(p.birth_date > (now() AT TIME ZONE $2)::date - interval '18 years', false) AS "isChild", p.languages
       FROM claim_members m JOIN persons p ON p.id = m.person_id
      WHERE m.claim_id = $1 ORDER BY m.relation <> 'principal', p.birth_date NULLS LAST`, [claimId, claim.time_zone]);
  const templates = await db.query<TInterviewOptions['templates'][number]>(
    `SELECT id, code, version, title, audience FROM interview_templates WHERE institution_id = $1 AND status = 'published' ORDER BY title`,
    [claim.institution_id]);
  const interpreters = await db.query<TInterviewOptions['interpreters'][number]>(
    `SELECT id, full_name AS "fullName", languages, kind FROM interpreters
      WHERE institution_id = $1 AND active AND (cardinality(office_ids) = 0 OR $2 = ANY(office_ids)) ORDER BY full_name`,
    [claim.institution_id, claim.office_id]);
  const appointments = await db.query<TInterviewOptions['appointments'][number]>(
    `SELECT a.id, ${ISO('a.starts_at')} AS "startsAt", ${ISO('a.ends_at')} AS "endsAt", a.language, a.interpreter_id AS "interpreterId",
            u.full_name AS "officerName", a.status
       FROM interview_appointments a JOIN users u ON u.id = a.officer_id
      WHERE a.claim_id = $1 AND a.status IN ('scheduled', 'held') ORDER BY a.starts_at DESC`, [claimId]);
  return { persons: persons.rows, templates: templates.rows, interpreters: interpreters.rows, appointments: appointments.rows };
}
