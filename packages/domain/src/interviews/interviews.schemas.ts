import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { ZLanguageCode } from '../intake/index.ts';
import {
  ADDABLE_ROLES, INTERVIEW_LIMITS, INTERVIEW_STATUSES, ITEM_ID_PATTERN, PARTICIPANT_ROLES, SIGNATURE_METHODS, SIGNATURE_ROLES,
  TEMPLATE_AUDIENCES,
} from './interviews.rules.ts';
import { ZTemplateContent } from './templates.schemas.ts';

/** The version the caller saw: 0 for a piece nobody has saved yet. */
const ZSeenVersion = z.number().int().min(0);
const ZVersion = z.number().int().positive();
const ZNote = z.string().max(INTERVIEW_LIMITS.noteMax);

/** Opens the interview record of a claim's person on a published questionnaire (the `start_interview` step). */
export const ZStartInterview = z.strictObject({
  personId: z.uuid(),
  templateId: z.uuid(),
  /** The appointment it was booked as, if any (the scheduling feature's). */
  appointmentId: z.uuid().nullable().default(null),
  /** The interpreter from the roster, if any. */
  interpreterId: z.uuid().nullable().default(null),
  /** An interpreter who is not on the roster (contracted for the day), by name; not with `interpreterId`. */
  interpreterName: z.string().trim().min(1).max(LIMITS.nameMax).nullable().default(null),
  /** The language the interview is held in (ISO 639), noted on the record. */
  language: ZLanguageCode,
});
export type TStartInterview = z.infer<typeof ZStartInterview>;

/** An answer: the members its question's type uses (text; option; date; country; yes or no with an explanation). */
export const ZAnswerValue = z.strictObject({
  text: z.string().max(INTERVIEW_LIMITS.answerMax).optional(),
  option: z.string().max(63).optional(),
  date: z.string().max(10).optional(),
  country: z.string().max(3).optional(),
  answer: z.enum(['yes', 'no']).nullable().optional(),
  explanation: z.string().max(INTERVIEW_LIMITS.answerMax).optional(),
});
export type TAnswerValue = z.infer<typeof ZAnswerValue>;

/** Autosave of the narrative or the observations (409 with the saved text on a stale version). */
export const ZTextSave = z.strictObject({ text: z.string().max(INTERVIEW_LIMITS.textMax), version: ZSeenVersion });
export const ZAnswerSave = z.strictObject({ value: ZAnswerValue, version: ZSeenVersion });
export const ZChecklistSave = z.strictObject({ done: z.boolean(), note: ZNote.default(''), version: ZSeenVersion });
export type TTextSave = z.infer<typeof ZTextSave>;
export type TAnswerSave = z.infer<typeof ZAnswerSave>;
export type TChecklistSave = z.infer<typeof ZChecklistSave>;

export const ZItemIdParam = z.string().regex(ITEM_ID_PATTERN, { message: 'validation.invalid_format' });
/** A question's or checklist item's id in a path: any id the questionnaire does not hold is simply not found. */
export const ZPieceIdParam = z.string().min(1).max(63);

/** What an autosave answers: the piece's new version, or (in a 409's `current`) the saved one. */
export const ZSavedPiece = z.object({
  key: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  text: z.string().optional(),
  value: ZAnswerValue.nullable().optional(),
  done: z.boolean().optional(),
  note: z.string().optional(),
});
export type TSavedPiece = z.infer<typeof ZSavedPiece>;

export const ZParticipantInput = z.strictObject({
  role: z.enum(ADDABLE_ROLES),
  fullName: z.string().trim().min(1).max(LIMITS.nameMax),
  organisation: z.string().trim().max(LIMITS.nameMax).nullable().default(null),
});
export type TParticipantInput = z.infer<typeof ZParticipantInput>;

export const ZParticipantUpdate = z.strictObject({
  fullName: z.string().trim().min(1).max(LIMITS.nameMax),
  organisation: z.string().trim().max(LIMITS.nameMax).nullable().default(null),
  version: ZVersion,
});
export type TParticipantUpdate = z.infer<typeof ZParticipantUpdate>;

export const ZBreakStart = z.strictObject({ reason: ZNote.default('') });
export const ZBreakEnd = z.strictObject({ version: ZVersion });

export const ZPresence = z.strictObject({ editorId: z.uuid() });
export const ZPresenceAnswer = z.object({
  /** Other tabs or devices that have the interview open now. */
  others: z.array(z.object({ editorId: z.string(), userName: z.string(), openedAt: z.string(), seenAt: z.string(), sameUser: z.boolean() })),
});
export type TPresenceAnswer = z.infer<typeof ZPresenceAnswer>;

/** Ends the questioning: the record is read back and only corrections change it. */
export const ZReadBack = z.strictObject({ version: ZVersion });

/**
 * A correction asked for while the record is read back: the narrative, the observations or an
 * answer (its question id), its new text or value, who asked, and the version of that piece the
 * officer saw.
 */
export const ZCorrectionInput = z.strictObject({
  target: ZItemIdParam,
  text: z.string().max(INTERVIEW_LIMITS.textMax).optional(),
  value: ZAnswerValue.optional(),
  requestedBy: z.enum(PARTICIPANT_ROLES),
  note: ZNote.default(''),
  version: ZSeenVersion,
});
export type TCorrectionInput = z.infer<typeof ZCorrectionInput>;

/** A signature: drawn (a PNG data URL), declined with a reason (the applicant), or attested (the officer). */
export const ZSignatureInput = z.strictObject({
  role: z.enum(SIGNATURE_ROLES),
  method: z.enum(SIGNATURE_METHODS),
  signerName: z.string().trim().min(1).max(LIMITS.nameMax),
  image: z.string().max(Math.ceil(INTERVIEW_LIMITS.signatureMaxBytes * 1.4)).nullable().default(null),
  declinedReason: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
});
export type TSignatureInput = z.infer<typeof ZSignatureInput>;

export const ZAnnexInput = z.strictObject({ text: z.string().trim().min(1).max(INTERVIEW_LIMITS.textMax) });

const ZWhen = z.string();

export const ZParticipant = z.object({
  id: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  fullName: z.string(),
  organisation: z.string().nullable(),
  fromRoster: z.boolean(),
  version: z.number(),
});
export type TParticipant = z.infer<typeof ZParticipant>;

export const ZBreak = z.object({ id: z.string(), startedAt: ZWhen, endedAt: ZWhen.nullable(), reason: z.string(), version: z.number() });
export type TBreak = z.infer<typeof ZBreak>;

export const ZCorrection = z.object({
  id: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestedBy: z.enum(PARTICIPANT_ROLES),
  note: z.string(),
  recordedBy: z.string(),
  createdAt: ZWhen,
  /** A correction of a sensitive answer, shown as such to readers outside the field policy. */
  redacted: z.boolean(),
});
export type TCorrection = z.infer<typeof ZCorrection>;

export const ZSignature = z.object({
  role: z.enum(SIGNATURE_ROLES),
  method: z.enum(SIGNATURE_METHODS),
  signerName: z.string(),
  declinedReason: z.string().nullable(),
  imageSha256: z.string().nullable(),
  signedAt: ZWhen,
  recordedBy: z.string(),
});
export type TSignature = z.infer<typeof ZSignature>;

export const ZAnswer = z.object({
  questionId: z.string(),
  /** null when redacted by the field policy. */
  value: ZAnswerValue.nullable(),
  redacted: z.boolean(),
  version: z.number(),
  updatedAt: ZWhen,
  updatedBy: z.string().nullable(),
});
export type TAnswer = z.infer<typeof ZAnswer>;

export const ZChecklistEntry = z.object({ itemId: z.string(), done: z.boolean(), note: z.string(), version: z.number(), updatedAt: ZWhen });

export const ZAudio = z.object({ id: z.string(), contentType: z.string(), byteSize: z.number(), sha256: z.string(), uploadedBy: z.string(), createdAt: ZWhen });
export type TAudio = z.infer<typeof ZAudio>;

export const ZAnnex = z.object({ id: z.string(), text: z.string(), addedBy: z.string(), createdAt: ZWhen });

export const ZInterviewSummary = z.object({
  id: z.string(),
  claimId: z.string(),
  claimNumber: z.string(),
  personId: z.string(),
  personName: z.string(),
  templateId: z.string(),
  templateTitle: z.string(),
  templateVersion: z.number(),
  officerId: z.string(),
  officerName: z.string(),
  interpreterName: z.string().nullable(),
  language: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  startedAt: ZWhen,
  endedAt: ZWhen.nullable(),
  signedAt: ZWhen.nullable(),
  version: z.number(),
});
export type TInterviewSummary = z.infer<typeof ZInterviewSummary>;

/** The whole record as the officer works on it (an audited read). */
export const ZInterview = ZInterviewSummary.extend({
  officeName: z.string(),
  template: z.object({
    id: z.string(), code: z.string(), version: z.number(), title: z.string(), audience: z.enum(TEMPLATE_AUDIENCES), content: ZTemplateContent,
  }),
  participants: z.array(ZParticipant),
  checklist: z.array(ZChecklistEntry),
  answers: z.array(ZAnswer),
  narrative: z.object({ text: z.string(), version: z.number() }),
  observations: z.object({ text: z.string(), version: z.number() }),
  breaks: z.array(ZBreak),
  readBackAt: ZWhen.nullable(),
  corrections: z.array(ZCorrection),
  signatures: z.array(ZSignature),
  requiredSignatures: z.array(z.enum(SIGNATURE_ROLES)),
  annexes: z.array(ZAnnex),
  audio: z.array(ZAudio),
  recordSha256: z.string().nullable(),
  /** The claim's status: `interviewed` once the signed record has taken the `record_interview` step. */
  claimStatus: z.string(),
  /** The reader may change the record (the claim's update scope). */
  canWrite: z.boolean(),
  /** The reader reads sensitive answers (the claim's field policy). */
  canReadSensitive: z.boolean(),
});
export type TInterview = z.infer<typeof ZInterview>;

/** What a claim's "start an interview" dialog offers. */
export const ZInterviewOptions = z.object({
  persons: z.array(z.object({ id: z.string(), name: z.string(), relation: z.string(), isChild: z.boolean(), languages: z.array(z.string()) })),
  templates: z.array(z.object({ id: z.string(), code: z.string(), version: z.number(), title: z.string(), audience: z.enum(TEMPLATE_AUDIENCES) })),
  interpreters: z.array(z.object({ id: z.string(), fullName: z.string(), languages: z.array(z.string()), kind: z.string() })),
  appointments: z.array(z.object({
    id: z.string(), startsAt: ZWhen, endsAt: ZWhen, language: z.string(), interpreterId: z.string().nullable(), officerName: z.string(), status: z.string(),
  })),
});
export type TInterviewOptions = z.infer<typeof ZInterviewOptions>;

/** An interview as an interpreter who took part sees it: their participation, not the claim's file. */
export const ZMyInterview = z.object({
  id: z.string(),
  claimNumber: z.string(),
  applicantName: z.string(),
  officeName: z.string(),
  officerName: z.string(),
  language: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  startedAt: ZWhen,
  endedAt: ZWhen.nullable(),
  signedAt: ZWhen.nullable(),
  participants: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), fullName: z.string() })),
  breaks: z.array(ZBreak),
  mySignature: z.object({ method: z.enum(SIGNATURE_METHODS), signedAt: ZWhen }).nullable(),
});
export type TMyInterview = z.infer<typeof ZMyInterview>;
