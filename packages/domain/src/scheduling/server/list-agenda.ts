import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { requireAgendaReach } from '../../shared/policies/appointment.policy.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/time.ts';
import { agendaRange, type AgendaView } from '../scheduling.rules.ts';
import type { TAgenda } from '../scheduling.schemas.ts';
import { localSql, utcSql } from './appointment-view.ts';

export interface ListAgendaOptions {
  view: AgendaView;
  /** A civil day the view shows (its week or month). */
  date: string;
  /** Another officer of the reader's offices; the reader by default. */
  officerId?: string | undefined;
}

/**
 * An officer's appointments for a day, a week or a month, every status, in the zone of their
 * (first) office. One index range scan (officer_id, starts_at): bounds are computed as instants
 * from the office's civil days so the index is used. Audited: an agenda names claims.
 */
export async function listAgenda(db: Database, ctx: RequestContext, options: ListAgendaOptions): Promise<TAgenda> {
  const actor = actorOf(ctx);
  const officerId = options.officerId ?? actor.userId;
  return db.transaction(async (tx) => {
    const officer = (await tx.query<{ full_name: string; time_zone: string | null; offices: string[] }>(
      `SELECT u.full_name,
              (SELECT o.time_zone FROM user_offices uo JOIN offices o ON o.id = uo.office_id WHERE uo.user_id = u.id ORDER BY o.code LIMIT 1) AS time_zone,
              ARRAY(SELECT office_id FROM user_offices WHERE user_id = u.id) AS offices
         FROM users u WHERE u.id = $1`, [officerId])).rows[0];
    if (!officer) throw new AppError('NOT_FOUND');
    await requireAgendaReach(actor, officerId, async () => officer.offices);
    const zone = officer.time_zone ?? DEFAULT_TIME_ZONE;
    const { from, to } = agendaRange(options.view, options.date);
    const { rows } = await tx.query<TAgenda['items'][number]>(
      `SELECT a.id, a.claim_id AS "claimId", c.claim_number AS "claimNumber", ${utcSql('a.starts_at')} AS "startsAt", ${utcSql('a.ends_at')} AS "endsAt",
              ${localSql('a.starts_at')} AS "localStart", ${localSql('a.ends_at')} AS "localEnd", a.status, a.modality, a.room, a.language,
              i.full_name AS "interpreterName"
         FROM interview_appointments a
         JOIN claims c ON c.id = a.claim_id
         JOIN offices o ON o.id = a.office_id
         LEFT JOIN interpreters i ON i.id = a.interpreter_id
        WHERE a.officer_id = $1 AND a.starts_at >= ($2::timestamp AT TIME ZONE $4) AND a.starts_at < ($3::timestamp AT TIME ZONE $4)
        ORDER BY a.starts_at`,
      [officerId, from, to, zone]);
    await recordAudit(tx, ctx, {
      action: 'appointment.agenda_viewed', entityType: 'user', entityId: officerId,
      details: { officerId, from, to, count: rows.length, claimIds: [...new Set(rows.map((r) => r.claimId))] },
    });
    return { officerId, officerName: officer.full_name, timeZone: zone, from, to, items: rows };
  });
}
