/**
 * A demo needs assessment under way, so the campaign, its answers and the proposed plan can be
 * seen at once: COMAR's campaign opened two weeks before the demo was seeded, for two months,
 * answered by the supervisor and the registration clerk (the eligibility officer has not
 * answered yet; e2e/training/needs.spec.ts answers another campaign as her).
 */
import type { Database } from '@refugio/db';

export const DEMO_CAMPAIGN_ID = '5e551017-0000-4000-8000-0000000ca3a1';

export async function seedDemoNeedsAssessment(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO training_campaigns (id, institution_id, title, description, opens_on, closes_on, status, created_by)
       SELECT $1, i.id, 'Diagnóstico de necesidades de capacitación COMAR',
              'Antes de programar el siguiente ciclo: módulos básicos o avanzados según la experiencia de cada persona.',
              (now() AT TIME ZONE 'America/Mexico_City')::date - 14, (now() AT TIME ZONE 'America/Mexico_City')::date + 45, 'open',
              (SELECT id FROM users WHERE username = 'capacitacion')
         FROM institutions i WHERE i.code = 'COMAR'`, [DEMO_CAMPAIGN_ID]);
    await tx.query(
      `INSERT INTO training_needs_responses (campaign_id, user_id, role_code, years_experience, self_levels, preferred_format, languages, comments)
       SELECT $1, u.id, a.role_code, a.years, a.levels::jsonb, a.format, a.languages::text[], a.comments
         FROM (VALUES
           ('supervisor', 'supervisor', 7.5, '{"evidence_assessment": 3, "drafting_decisions": 1, "interviewing_children": 2}', 'in_person', '{es-MX,en}',
            'Necesito reforzar la redacción de resoluciones para la revisión.'),
           ('registro', 'registration_clerk', 1, '{"access_procedure": 1, "reception": 2}', 'videoconference', '{es-MX}', NULL)
         ) AS a(username, role_code, years, levels, format, languages, comments)
         JOIN users u ON u.username = a.username`, [DEMO_CAMPAIGN_ID]);
  });
}
