import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { ZAuditAction } from './audit.actions.ts';

export const ZAuditQuery = z.strictObject({
  action: ZAuditAction.optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(128).optional(),
  actor: z.string().max(LIMITS.usernameMax).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** Keyset cursor: events with a smaller id than this (the previous page's nextBefore). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.number(),
  /** Its place in the hash chain; null until the sealer has chained it, within seconds (ADR 032). */
  seq: z.number().nullable(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  officeId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z.object({
  items: z.array(ZAuditEvent),
  nextBefore: z.number().nullable(),
  /**
   * What the page's records and the ids in their details are called (a person's name, an office,
   * a claim number, a session code), so an entry reads as a sentence, never as a uuid.
   */
  names: z.record(z.string(), z.string()).default({}),
});
