import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { noticeLanguageFor } from '../scheduling.rules.ts';
import { THIRD_PARTY_LABEL_KEYS } from '../labels.ts';
import { translate } from '../../i18n/catalogs.ts';
import { appointmentById } from './appointment-view.ts';
import { renderNoticePdf } from './render-notice-pdf.ts';

export interface AppointmentNoticeOptions {
  appointmentId: string;
}

/**
 * The applicant's notice of their appointment as PDF, in their language when the notice is
 * translated into it (Spanish, English, French), else in Spanish saying which language they
 * speak, to be read to them by an interpreter (LRPCPAP art. 23). Readers of the claim only
 * (claim policy `read`); audited with the language used.
 */
export async function appointmentNotice(db: Database, ctx: RequestContext, options: AppointmentNoticeOptions): Promise<{ fileName: string; pdf: Uint8Array }> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const found = (await tx.query<{ claim_id: string }>('SELECT claim_id FROM interview_appointments WHERE id = $1', [options.appointmentId])).rows[0];
    const claim = await loadClaimFor(tx, actor, found?.claim_id ?? '00000000-0000-0000-0000-000000000000', 'read');
    const a = await appointmentById(tx, options.appointmentId);
    const person = (await tx.query<{ name: string; languages: string[] }>(
      `SELECT concat_ws(' ', given_names, first_surname, second_surname) AS name, languages FROM persons
        WHERE id = COALESCE($1, (SELECT principal_person_id FROM claims WHERE id = $2))`, [a.personId, claim.id])).rows[0]!;
    const notice = noticeLanguageFor([...person.languages, a.language]);
    const pdf = await renderNoticePdf({
      language: notice.language, fallback: notice.fallback, applicantName: person.name, claimNumber: a.claimNumber, officeName: a.officeName,
      timeZone: a.timeZone, startsAt: a.startsAt, endsAt: a.endsAt, modality: a.modality, room: a.room, videoLink: a.videoLink,
      interviewLanguage: a.language, withInterpreter: a.interpreterId !== null,
      thirdParties: a.requests.filter((r) => r.kind === 'third_party' && r.honoured)
        .map((r) => `${translate(notice.language, THIRD_PARTY_LABEL_KEYS[r.role as keyof typeof THIRD_PARTY_LABEL_KEYS] ?? THIRD_PARTY_LABEL_KEYS.other)}${r.name ? ` (${r.name})` : ''}`),
    });
    await recordAudit(tx, ctx, {
      action: 'appointment.notice_printed', entityType: 'interview_appointment', entityId: a.id, officeId: claim.office_id,
      details: { claimId: claim.id, language: notice.language, fallback: notice.fallback },
    });
    return { fileName: `citatorio-${a.claimNumber}-${a.localStart.slice(0, 10)}.pdf`, pdf };
  });
}
