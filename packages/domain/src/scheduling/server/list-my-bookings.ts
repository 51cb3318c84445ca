import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { requireOwnBookings } from '../../shared/policies/appointment.policy.ts';
import type { TMyBookings } from '../scheduling.schemas.ts';
import { localSql, utcSql } from './appointment-view.ts';

/** How far back an interpreter's past bookings are listed. */
const PAST_DAYS = 90;

/**
 * An interpreter's own bookings (the last 90 days and every later one) and the interviews they
 * took part in (ADR 024: `read:interview:own` reaches these and nothing else of the claim: no
 * applicant's name, no claim number). Audited like every read of appointments.
 */
export async function listMyBookings(db: Database, ctx: RequestContext): Promise<TMyBookings> {
  const actor = actorOf(ctx);
  requireOwnBookings(actor);
  return db.transaction(async (tx) => {
    const interpreter = (await tx.query<{ id: string; full_name: string }>('SELECT id, full_name FROM interpreters WHERE user_id = $1', [actor.userId])).rows[0];
    if (!interpreter) return { interpreterName: null, bookings: [], interviews: [] };
    const bookings = (await tx.query<TMyBookings['bookings'][number]>(
      `SELECT a.id, o.name AS "officeName", o.time_zone AS "timeZone", ${utcSql('a.starts_at')} AS "startsAt", ${utcSql('a.ends_at')} AS "endsAt",
              ${localSql('a.starts_at')} AS "localStart", ${localSql('a.ends_at')} AS "localEnd", a.language, a.modality, a.room,
              a.video_link AS "videoLink", u.full_name AS "officerName", a.status
         FROM interview_appointments a JOIN offices o ON o.id = a.office_id JOIN users u ON u.id = a.officer_id
        WHERE a.interpreter_id = $1 AND a.starts_at >= now() - make_interval(days => $2)
        ORDER BY a.starts_at`, [interpreter.id, PAST_DAYS])).rows;
    const interviews = (await tx.query<TMyBookings['interviews'][number]>(
      `SELECT v.id, o.name AS "officeName", v.language, ${utcSql('v.started_at')} AS "startedAt", v.status
         FROM interviews v JOIN claims c ON c.id = v.claim_id JOIN offices o ON o.id = c.office_id
        WHERE v.interpreter_id = $1 ORDER BY v.started_at DESC`, [interpreter.id])).rows;
    await recordAudit(tx, ctx, {
      action: 'appointment.bookings_viewed', entityType: 'interpreter', entityId: interpreter.id,
      details: { count: bookings.length, interviews: interviews.length },
    });
    return { interpreterName: interpreter.full_name, bookings, interviews };
  });
}
