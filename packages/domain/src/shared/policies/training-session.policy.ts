/**
 * Who may read or change a training session and its records (ADRs 015, 016), in one place.
 * - read: everyone holding `read:training:all` (the catalogue is public inside the operation);
 * - manage (edit, enrol, approve requests, pre-reading, records, certificates): the training
 *   coordinator of the organising institution (`manage:training:institution`);
 * - record (attendance and assessment results): also the session's own trainers (`teach:training:own`).
 */
import type { Actor } from '../context.ts';

export function mayManageTraining(actor: Actor, institutionId: string): boolean {
  return actor.permissions.has('manage:training:institution') && actor.institutionId === institutionId;
}

/** Whether a trainer may record results: they teach this session (the caller checked that they do). */
export function mayRecordAsTrainer(actor: Actor, teachesSession: boolean): boolean {
  return teachesSession && actor.permissions.has('teach:training:own');
}
