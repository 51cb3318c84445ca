import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { appointmentScopeCondition } from '../../shared/policies/appointment.policy.ts';
import type { TAppointment } from '../scheduling.schemas.ts';
import { APPOINTMENT_SELECT } from './appointment-view.ts';

/** One appointment the reader reaches (appointment policy); NOT_FOUND otherwise, another office's included. */
export async function readableAppointment(db: Queryable, actor: Actor, id: string): Promise<TAppointment> {
  const params: unknown[] = [id];
  const condition = appointmentScopeCondition(actor, params);
  const row = (await db.query<TAppointment>(`${APPOINTMENT_SELECT} WHERE a.id = $1 AND ${condition}`, params)).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
