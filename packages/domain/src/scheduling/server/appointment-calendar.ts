import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { translate } from '../../i18n/catalogs.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { calendarFile } from '../scheduling.rules.ts';
import { LANGUAGE_NAME_KEYS } from '../language-names.ts';
import type { LanguageCode } from '../scheduling.rules.ts';
import { readableAppointment } from './readable-appointment.ts';

export interface AppointmentCalendarOptions {
  appointmentId: string;
}

/**
 * The appointment as an `.ics` event for staff calendars (RFC 5545). Calendar servers are
 * outside the authority's control, so the event carries the claim number, place, officer and
 * interpreter but never the applicant's name or anything of the file. Audited.
 */
export async function appointmentCalendar(db: Database, ctx: RequestContext, options: AppointmentCalendarOptions): Promise<{ fileName: string; ics: string }> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const a = await readableAppointment(tx, actor, options.appointmentId);
    const t = (key: string, params: Record<string, string | number> = {}) => translate(actor.language, key, params);
    const language = LANGUAGE_NAME_KEYS[a.language as LanguageCode];
    const ics = calendarFile({
      uid: `${a.id}@refugio`, stamp: new Date().toISOString(), startsAt: a.startsAt, endsAt: a.endsAt, sequence: a.version,
      cancelled: a.status !== 'scheduled' && a.status !== 'held',
      summary: t('scheduling.ics.summary', { claim: a.claimNumber }),
      location: a.modality === 'video' ? (a.videoLink ?? '') : [a.officeName, a.room].filter(Boolean).join(' — '),
      description: t('scheduling.ics.description', {
        officer: a.officerName, interpreter: a.interpreterName ?? '—', language: language ? t(language) : a.language,
      }),
    });
    await recordAudit(tx, ctx, {
      action: 'appointment.calendar_exported', entityType: 'interview_appointment', entityId: a.id, officeId: a.officeId, details: { claimId: a.claimId },
    });
    return { fileName: `entrevista-${a.claimNumber}-${a.localStart.slice(0, 10)}.ics`, ics };
  });
}
