import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../../shared/limits.ts';
import { COMPLETION_PARTS, IMPORT_MAX_ROWS, UNMATCHED_REASONS } from './records.rules.ts';

/** The files a session's records can be imported from (ADR 016). */
export const IMPORT_KINDS = ['lms_completion', 'videoconference_attendance'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
const ZScore = z.number().min(0).max(100);

/** A module's completion rule as stored in `training_modules.completion_rule`. */
export const ZCompletionRule = z.object({
  online: z.boolean(),
  attendance: z.boolean(),
  attendancePct: z.number().min(0).max(100),
  passMark: ZScore.nullable(),
});

/** An imported CSV file travels as text inside JSON (well under the body limit; ADR 016). */
export const IMPORT_MAX_CHARS = 512 * 1024;

export const ZImportInput = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(LIMITS.nameMax),
  content: z.string().min(1).max(IMPORT_MAX_CHARS),
});

/** What became of an imported file: applied, refused for real errors, or held until its unmatched rows are settled. */
export const IMPORT_STATUSES = ['accepted', 'rejected', 'needs_review'] as const;

/** An identity of the file that matched no enrolled participant (ADR 023). */
export const ZUnmatchedRow = z.object({
  key: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  lines: z.array(z.number().int()),
  reason: z.enum(UNMATCHED_REASONS),
  /** The enrolment this is most likely, to propose; never applied without the coordinator. */
  suggestion: z.uuid().nullable(),
  minutes: z.number().int().nullable(),
  completedOn: z.string().nullable(),
});
export type TUnmatchedRow = z.infer<typeof ZUnmatchedRow>;

/** The coordinator settles every unmatched identity of a held file: a participant, or null to ignore its lines. */
export const ZImportResolutionInput = z.strictObject({
  resolutions: z.array(z.strictObject({ key: z.string().min(1).max(600), enrolmentId: z.uuid().nullable() })).max(IMPORT_MAX_ROWS),
});

export const ZImportLineError = z.object({
  line: z.number().int(),
  field: z.string(),
  code: z.string(),
  /** In the caller's language. */
  message: z.string(),
});

export const ZImportResult = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  rowCount: z.number().int(),
  accepted: z.boolean(),
  status: z.enum(IMPORT_STATUSES),
  /** While `needs_review`: the rows to match or ignore before the file is applied. */
  unmatched: z.array(ZUnmatchedRow),
  /** The same file was already accepted for this session: nothing was applied again. */
  alreadyImported: z.boolean(),
  /** Records written (completions, or attendance cells). */
  recordsWritten: z.number().int(),
  errors: z.array(ZImportLineError),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
});

// Each cell carries the value its editor saw (`expected`, null for an empty cell): a cell that
// changed meanwhile (another trainer, an import) answers 409 with the participant's records.
export const ZOnlineCompletionInput = z.strictObject({
  /** null clears the record. */
  completedOn: ZIsoDate.nullable(),
  score: ZScore.nullable().default(null),
  expected: ZIsoDate.nullable(),
});

export const ZAttendanceInput = z.strictObject({
  sessionDayId: z.uuid(),
  /** null clears the record; the day's full length means present, 0 absent. */
  minutes: z.number().int().min(0).max(24 * 60).nullable(),
  expected: z.number().int().min(0).max(24 * 60).nullable(),
});

export const ZAssessmentInput = z.strictObject({
  score: ZScore.nullable(),
  notes: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
  expected: ZScore.nullable(),
});

export const ZCompletionStatus = z.object({
  complete: z.boolean(),
  missing: z.array(z.enum(COMPLETION_PARTS)),
  attendancePct: z.number().nullable(),
  completedOn: z.string().nullable(),
});

export const ZParticipantRecords = z.object({
  enrolmentId: z.uuid(),
  userId: z.uuid(),
  fullName: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  online: z.object({ completedOn: z.string(), score: z.number().nullable(), source: z.string() }).nullable(),
  attendance: z.array(z.object({ sessionDayId: z.uuid(), minutes: z.number().int(), source: z.string() })),
  assessment: z.object({ score: z.number(), notes: z.string().nullable() }).nullable(),
  status: ZCompletionStatus,
  /** Competencies granted by this enrolment and still in force. */
  grantedCompetencies: z.array(z.string()),
  certificate: z.object({ id: z.uuid(), verificationCode: z.string(), revoked: z.boolean() }).nullable(),
});

export const ZSessionDay = z.object({ id: z.uuid(), day: z.string(), startsAt: z.string(), endsAt: z.string(), minutes: z.number().int() });

export const ZSessionRecords = z.object({
  session: z.object({
    id: z.uuid(),
    code: z.string(),
    format: z.string(),
    language: z.enum(LANGUAGES),
    moduleTitle: z.string(),
    completionRule: ZCompletionRule,
    validityMonths: z.number().int().nullable(),
    competencies: z.array(z.object({ code: z.string(), title: z.string() })),
  }),
  days: z.array(ZSessionDay),
  participants: z.array(ZParticipantRecords),
  imports: z.array(ZImportResult),
  /** The caller may also record online completions, import LMS files and issue certificates. */
  canManage: z.boolean(),
});

export type TCompletionRule = z.infer<typeof ZCompletionRule>;
export type TImportResult = z.infer<typeof ZImportResult>;
export type TParticipantRecords = z.infer<typeof ZParticipantRecords>;
export type TSessionRecords = z.infer<typeof ZSessionRecords>;
