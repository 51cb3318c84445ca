import type { Database } from '@refugio/db';
import { installShippedTemplates } from './install-templates.ts';

/**
 * The demo's questionnaires: COMAR's eligibility and child-adapted interviews and INM's
 * first-contact questionnaire, as each authority would install them (ADR 025).
 */
export async function seedDemoInterviews(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(`SELECT id FROM institutions WHERE code IN ('COMAR', 'INM') ORDER BY code`);
    for (const institution of rows) await installShippedTemplates(tx, { institutionId: institution.id, createdBy: null });
  });
}
