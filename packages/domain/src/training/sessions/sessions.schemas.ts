import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../../shared/limits.ts';

export const SESSION_FORMATS = ['in_person', 'videoconference', 'online', 'blended'] as const;
export const SESSION_STATUSES = ['planned', 'open', 'in_progress', 'completed', 'cancelled'] as const;
export const MODULE_LEVELS = ['first_line', 'core', 'advanced', 'specialised', 'trainer'] as const;
export const ENROLMENT_STATUSES = ['requested', 'enrolled', 'waitlisted', 'rejected', 'cancelled'] as const;

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalid_time' });
const ZVersion = z.number().int().positive();

/** A curriculum module as the catalogue and the session form show it (titles in the caller's language). */
export const ZTrainingModule = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  level: z.enum(MODULE_LEVELS),
  targetGroups: z.array(z.string()),
  formats: z.array(z.enum(SESSION_FORMATS)),
  onlineHours: z.number(),
  faceToFaceDays: z.number(),
  validityMonths: z.number().nullable(),
  competencies: z.array(z.object({ code: z.string(), title: z.string() })),
  prerequisites: z.array(z.object({ code: z.string(), title: z.string() })),
  experienceRoute: z.object({ roles: z.array(z.string()), months: z.number() }).nullable(),
  completionRule: z.object({ online: z.boolean(), attendance: z.boolean(), attendancePct: z.number(), passMark: z.number().nullable() }),
  /** Retired modules are listed only on request (the coordinator brings one back from the catalogue). */
  active: z.boolean(),
});
export type TTrainingModule = z.infer<typeof ZTrainingModule>;

export const ZTrainingModuleQuery = z.strictObject({
  includeInactive: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

export const ZTrainingSessionDayInput = z.strictObject({ day: ZIsoDate, startsAt: ZTime, endsAt: ZTime });

const ZTrainingSessionFields = z.strictObject({
  moduleId: z.uuid(),
  /** Generated from the module and the first date when left out (`ITC-2026-03-01`). */
  code: z.string().trim().min(2).max(40).regex(/^[A-Za-z0-9-]+$/, { message: 'validation.invalid_format' }).nullable().default(null),
  format: z.enum(SESSION_FORMATS),
  officeId: z.uuid().nullable().default(null),
  venue: z.string().trim().max(LIMITS.placeMax).nullable().default(null),
  videoLink: z.url({ message: 'validation.invalid_url' }).max(500).nullable().default(null),
  onlineStartsOn: ZIsoDate.nullable().default(null),
  onlineEndsOn: ZIsoDate.nullable().default(null),
  capacity: z.number().int().min(1).max(1000),
  selfEnrolment: z.boolean().default(false),
  language: z.enum(LANGUAGES).default('es-MX'),
  days: z.array(ZTrainingSessionDayInput).max(20).default([]),
  trainerIds: z.array(z.uuid()).max(10).default([]),
});

type SessionSchedule = { onlineStartsOn?: string | null; onlineEndsOn?: string | null; days?: ReadonlyArray<{ day: string }> };

/**
 * The dates of a session that cannot all be true: an online part that ends before it starts, or
 * that starts after the in-person day (a blended module's online part prepares the classroom,
 * EUAA training methodology). Shared by the form and the API (the same issues in both).
 */
export function sessionScheduleIssues(value: SessionSchedule): Array<{ path: string; code: string }> {
  const issues: Array<{ path: string; code: string }> = [];
  const { onlineStartsOn, onlineEndsOn } = value;
  if (onlineStartsOn && onlineEndsOn && onlineEndsOn < onlineStartsOn) issues.push({ path: 'onlineEndsOn', code: 'validation.range_reversed' });
  const firstDay = (value.days ?? []).map((d) => d.day).toSorted()[0];
  if (onlineStartsOn && firstDay && onlineStartsOn > firstDay) issues.push({ path: 'onlineStartsOn', code: 'validation.online_after_in_person' });
  return issues;
}

function refineSchedule(value: SessionSchedule, ctx: z.RefinementCtx): void {
  for (const issue of sessionScheduleIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.code });
}

export const ZTrainingSessionInput = ZTrainingSessionFields.superRefine(refineSchedule);
export type TTrainingSessionInput = z.infer<typeof ZTrainingSessionInput>;

/**
 * A session changed after creation: its place, dates, capacity, self-enrolment, language and
 * trainers. The module, format, code and office stay as created.
 */
export const ZTrainingSessionUpdate = ZTrainingSessionFields.pick({
  venue: true, videoLink: true, onlineStartsOn: true, onlineEndsOn: true, capacity: true, selfEnrolment: true, language: true, days: true,
  trainerIds: true,
}).extend({ version: ZVersion }).superRefine(refineSchedule);
export type TTrainingSessionUpdate = z.infer<typeof ZTrainingSessionUpdate>;

export const ZTrainingSessionStatusInput = z.strictObject({ version: ZVersion, status: z.enum(SESSION_STATUSES) });

export const ZTrainingSessionSummary = z.object({
  id: z.string(),
  code: z.string(),
  /** The organising institution: only its coordinators enrol. */
  institutionId: z.string(),
  moduleId: z.string(),
  moduleCode: z.string(),
  moduleTitle: z.string(),
  format: z.enum(SESSION_FORMATS),
  status: z.enum(SESSION_STATUSES),
  officeName: z.string().nullable(),
  firstDay: z.string().nullable(),
  lastDay: z.string().nullable(),
  onlineStartsOn: z.string().nullable(),
  capacity: z.number(),
  enrolled: z.number(),
  waitlisted: z.number(),
});
export type TTrainingSessionSummary = z.infer<typeof ZTrainingSessionSummary>;

export const ZTrainingEnrolment = z.object({
  id: z.string(),
  userId: z.string(),
  fullName: z.string(),
  username: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  waitlistedAt: z.string().nullable(),
  prerequisiteOverrideReason: z.string().nullable(),
  /** Why a request was rejected or a place cancelled. */
  decisionReason: z.string().nullable(),
  version: z.number(),
});
export type TTrainingEnrolment = z.infer<typeof ZTrainingEnrolment>;

/** A pre-reading guide of a session, in the reader's language (else Spanish, else any), latest version. */
export const ZSessionGuide = z.object({
  code: z.string(),
  guideId: z.string(),
  title: z.string(),
  language: z.enum(LANGUAGES),
  version: z.number(),
  kind: z.enum(['file', 'link']),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  /** For the coordinator and trainers: enrolled participants who acknowledged any version, and who has not. */
  progress: z.object({
    acknowledged: z.number(),
    enrolled: z.number(),
    pending: z.array(z.object({ userId: z.string(), fullName: z.string() })),
  }).nullable(),
});
export type TSessionGuide = z.infer<typeof ZSessionGuide>;

export const ZTrainingSession = ZTrainingSessionSummary.extend({
  institutionId: z.string(),
  officeId: z.string().nullable(),
  venue: z.string().nullable(),
  videoLink: z.string().nullable(),
  onlineEndsOn: z.string().nullable(),
  selfEnrolment: z.boolean(),
  language: z.enum(LANGUAGES),
  days: z.array(z.object({ id: z.string(), day: z.string(), startsAt: z.string(), endsAt: z.string() })),
  trainers: z.array(z.object({ id: z.string(), fullName: z.string(), organisation: z.string(), userId: z.string().nullable() })),
  /** Shown to the organising coordinator and the session's trainers only. */
  participants: z.array(ZTrainingEnrolment).nullable(),
  guides: z.array(ZSessionGuide),
  canManage: z.boolean(),
  version: z.number(),
});
export type TTrainingSession = z.infer<typeof ZTrainingSession>;

export const ZTrainingSessionQuery = z.strictObject({
  moduleId: z.uuid().optional(),
  status: z.enum(SESSION_STATUSES).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

/** Enrol staff (one, or a whole videoconference at once). */
export const ZEnrolInput = z.strictObject({
  userIds: z.array(z.uuid()).min(1).max(500),
  /** Enrols those lacking a prerequisite anyway; audited with the reason. */
  prerequisiteOverrideReason: z.string().trim().min(10).max(LIMITS.reasonMax).nullable().default(null),
});

export const ZEnrolResult = z.object({
  enrolled: z.number(),
  waitlisted: z.number(),
  alreadyEnrolled: z.number(),
  /** Not enrolled: missing prerequisites (and no override), or not staff of the organising institution. */
  refused: z.array(z.object({ userId: z.string(), fullName: z.string(), reason: z.enum(['prerequisites', 'not_staff']),
    missing: z.array(z.string()) })),
});
export type TEnrolResult = z.infer<typeof ZEnrolResult>;

export const ZCancelEnrolmentInput = z.strictObject({ version: ZVersion, reason: z.string().trim().min(1).max(LIMITS.reasonMax) });

/** A pre-reading guide as a participant sees it: the version to read, and when they said they had. */
export const ZMyGuide = ZSessionGuide.omit({ progress: true }).extend({ acknowledgedAt: z.string().nullable() });
export type TMyGuide = z.infer<typeof ZMyGuide>;

/** A staff member's own training: enrolments with their session. */
export const ZMyEnrolment = z.object({
  enrolmentId: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  version: z.number(),
  /** Why a request was rejected (or a place cancelled). */
  decisionReason: z.string().nullable(),
  session: ZTrainingSessionSummary,
  /** Pre-reading, once enrolled (empty otherwise). */
  guides: z.array(ZMyGuide),
});
export type TMyEnrolment = z.infer<typeof ZMyEnrolment>;

/** The coordinator approves a pending request (a place if one is free, else the waiting list). */
export const ZApproveRequestInput = z.strictObject({ version: ZVersion });
/** The coordinator rejects a pending request, saying why. */
export const ZRejectRequestInput = z.strictObject({ version: ZVersion, reason: z.string().trim().min(10).max(LIMITS.reasonMax) });
/** The requester withdraws their own pending request. */
export const ZWithdrawRequestInput = z.strictObject({ version: ZVersion });

/** A guide of the library (by code) given to a session as pre-reading. */
export const ZSessionGuideInput = z.strictObject({ code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'validation.guide_code' }) });
/** "I have read it": the version the participant was shown. */
export const ZGuideAcknowledgementInput = z.strictObject({ guideId: z.uuid() });
