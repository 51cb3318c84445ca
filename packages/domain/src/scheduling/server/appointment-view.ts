import type { Queryable } from '@refugio/db';
import { AppError } from '../../shared/errors.ts';
import type { TAppointment } from '../scheduling.schemas.ts';

/** An instant as ISO text in UTC, the same from both drivers. */
export const utcSql = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** An instant as the office's wall-clock time, to the minute. */
export const localSql = (column: string, zone = 'o.time_zone') => `to_char(${column} AT TIME ZONE ${zone}, 'YYYY-MM-DD"T"HH24:MI')`;

/** The appointment as the claim's page shows it (presenter); joined to its claim, office, officer and interpreter. */
export const APPOINTMENT_SELECT = `
  SELECT a.id, a.claim_id AS "claimId", c.claim_number AS "claimNumber", a.office_id AS "officeId", o.name AS "officeName",
         o.time_zone AS "timeZone", a.person_id AS "personId", a.officer_id AS "officerId", u.full_name AS "officerName",
         a.interpreter_id AS "interpreterId", i.full_name AS "interpreterName", a.language, a.modality, a.room,
         a.video_link AS "videoLink", ${utcSql('a.starts_at')} AS "startsAt", ${utcSql('a.ends_at')} AS "endsAt",
         ${localSql('a.starts_at')} AS "localStart", ${localSql('a.ends_at')} AS "localEnd", a.status,
         a.status_reason AS "statusReason", a.postponed_for AS "postponedFor", a.clock_paused AS "clockPaused",
         a.clock_legal_basis AS "clockLegalBasis", a.rescheduled_from_id AS "rescheduledFromId",
         a.applicant_requests AS requests, a.notice_language AS "noticeLanguage", a.version
    FROM interview_appointments a
    JOIN claims c ON c.id = a.claim_id
    JOIN offices o ON o.id = a.office_id
    JOIN users u ON u.id = a.officer_id
    LEFT JOIN interpreters i ON i.id = a.interpreter_id`;

/** One appointment by id, unaudited (the caller has checked access and audits). */
export async function appointmentById(db: Queryable, id: string): Promise<TAppointment> {
  const row = (await db.query<TAppointment>(`${APPOINTMENT_SELECT} WHERE a.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
