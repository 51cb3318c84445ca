import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../shared/limits.ts';
import { AGENDA_VIEWS, LANGUAGE_CODES_639_3 } from './scheduling.rules.ts';

export const INTERPRETER_KINDS = ['staff', 'contracted'] as const;
export const INTERPRETER_SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const MODALITIES = ['in_person', 'telephone', 'video'] as const;
export const APPOINTMENT_STATUSES = ['scheduled', 'held', 'no_show', 'cancelled', 'rescheduled', 'postponed'] as const;
export const THIRD_PARTY_ROLES = ['lawyer', 'guardian', 'doctor', 'psychologist', 'trusted_person', 'other'] as const;
export const REQUEST_KINDS = ['officer_sex', 'interpreter_sex', 'third_party'] as const;
/** Guarantees an interview is postponed for (EUAA guide on vulnerable persons; domain §5). */
export const POSTPONEMENT_GUARANTEES = ['fitness_for_interview', 'representative', 'interpreter_of_requested_sex', 'medical_care',
  'protected_period', 'legal_counsel', 'other'] as const;

const ZVersion = z.number().int().positive();
const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalid_time' });
/** Wall-clock time in the office's zone, to the minute: 2027-03-02T10:00. */
const ZLocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalid_datetime' });
const ZReason = z.string().trim().min(1).max(LIMITS.reasonMax);

export const ZLanguageCode639_3 = z.enum(LANGUAGE_CODES_639_3);

export const ZAvailabilitySlot = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  from: ZTime,
  to: ZTime,
}).refine((s) => s.to > s.from, { message: 'validation.time_reversed', path: ['to'] });

/** An interpreter as the roster shows them. */
export const ZInterpreter = z.object({
  id: z.string(),
  fullName: z.string(),
  kind: z.enum(INTERPRETER_KINDS),
  sex: z.enum(INTERPRETER_SEXES),
  languages: z.array(z.string()),
  modalities: z.array(z.enum(MODALITIES)),
  officeIds: z.array(z.string()),
  availability: z.array(z.object({ weekday: z.number(), from: z.string(), to: z.string() })),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  notes: z.string().nullable(),
  version: z.number(),
});
export type TInterpreter = z.infer<typeof ZInterpreter>;

const interpreterFields = {
  fullName: z.string().trim().min(1).max(LIMITS.nameMax),
  kind: z.enum(INTERPRETER_KINDS),
  sex: z.enum(INTERPRETER_SEXES),
  languages: z.array(ZLanguageCode639_3).min(1).max(LANGUAGE_CODES_639_3.length),
  modalities: z.array(z.enum(MODALITIES)).min(1).max(MODALITIES.length),
  /** Offices the interpreter works for; each must be one the supervisor manages. */
  officeIds: z.array(z.uuid()).min(1).max(50),
  availability: z.array(ZAvailabilitySlot).max(50).default([]),
  /** The sign-in account (role interpreter) that sees this interpreter's bookings; contracted interpreters may have none. */
  userId: z.uuid().nullable().default(null),
  notes: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
};
export const ZInterpreterInput = z.strictObject(interpreterFields);
export type TInterpreterInput = z.infer<typeof ZInterpreterInput>;
export const ZInterpreterUpdate = z.strictObject({ ...interpreterFields, active: z.boolean(), version: ZVersion });
export type TInterpreterUpdate = z.infer<typeof ZInterpreterUpdate>;

export const ZInterpreterQuery = z.strictObject({
  language: ZLanguageCode639_3.optional(),
  officeId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

/** An applicant's request about their interview (EUAA guide on the personal interview; domain §6, preparation). */
export const ZApplicantRequest = z.strictObject({
  kind: z.enum(REQUEST_KINDS),
  /** officer_sex, interpreter_sex: the sex asked for. */
  sex: z.enum(['female', 'male']).nullable().default(null),
  /** third_party: who, and their name. */
  role: z.enum(THIRD_PARTY_ROLES).nullable().default(null),
  name: z.string().trim().max(LIMITS.nameMax).nullable().default(null),
  honoured: z.boolean(),
  /** Why a request cannot be honoured (required then). */
  reason: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
});
export type TApplicantRequest = z.infer<typeof ZApplicantRequest>;

const appointmentFields = {
  officerId: z.uuid(),
  /** None when the interview is held in Spanish with an applicant who speaks it. */
  interpreterId: z.uuid().nullable().default(null),
  language: ZLanguageCode639_3,
  modality: z.enum(MODALITIES),
  room: z.string().trim().min(1).max(LIMITS.nameMax).nullable().default(null),
  videoLink: z.url({ message: 'validation.invalid_url' }).max(2000).nullable().default(null),
  /** The office's wall-clock time. */
  startsAt: ZLocalDateTime,
  durationMinutes: z.number().int().min(15).max(480),
  requests: z.array(ZApplicantRequest).max(10).default([]),
  /** The person heard, when not the principal applicant. */
  personId: z.uuid().nullable().default(null),
  /** Book an officer who lacks a required competency anyway (override:gating:office), with overrideReason. */
  overrideGating: z.boolean().default(false),
  overrideReason: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
};
export const ZAppointmentInput = z.strictObject(appointmentFields);
export type TAppointmentInput = z.infer<typeof ZAppointmentInput>;

/** A new date for a scheduled, missed or postponed appointment; the old one keeps its history. */
export const ZRescheduleInput = z.strictObject({ ...appointmentFields, reason: ZReason, version: ZVersion });
export type TRescheduleInput = z.infer<typeof ZRescheduleInput>;

export const ZNoShowInput = z.strictObject({ reason: z.string().trim().max(LIMITS.reasonMax).nullable().default(null), version: ZVersion });
export type TNoShowInput = z.infer<typeof ZNoShowInput>;

export const ZPostponeInput = z.strictObject({ guarantee: z.enum(POSTPONEMENT_GUARANTEES), reason: ZReason, version: ZVersion });
export type TPostponeInput = z.infer<typeof ZPostponeInput>;

export const ZAppointment = z.object({
  id: z.string(),
  claimId: z.string(),
  claimNumber: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  timeZone: z.string(),
  personId: z.string().nullable(),
  officerId: z.string(),
  officerName: z.string(),
  interpreterId: z.string().nullable(),
  interpreterName: z.string().nullable(),
  language: z.string(),
  modality: z.enum(MODALITIES),
  room: z.string().nullable(),
  videoLink: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** Wall-clock start and end in the office's zone (YYYY-MM-DDTHH:MM). */
  localStart: z.string(),
  localEnd: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  statusReason: z.string().nullable(),
  postponedFor: z.string().nullable(),
  clockPaused: z.boolean(),
  clockLegalBasis: z.string().nullable(),
  rescheduledFromId: z.string().nullable(),
  requests: z.array(z.object({
    kind: z.enum(REQUEST_KINDS), sex: z.string().nullable(), role: z.string().nullable(), name: z.string().nullable(),
    honoured: z.boolean(), reason: z.string().nullable(),
  })),
  noticeLanguage: z.enum(LANGUAGES),
  version: z.number(),
});
export type TAppointment = z.infer<typeof ZAppointment>;

export const ZAgendaQuery = z.strictObject({
  view: z.enum(AGENDA_VIEWS).default('week'),
  date: ZIsoDate,
  /** Another officer of the reader's offices (supervisors); the reader by default. */
  officerId: z.uuid().optional(),
});

/** One line of an agenda: enough to plan the day, nothing of the applicant's file. */
export const ZAgendaItem = z.object({
  id: z.string(),
  claimId: z.string(),
  claimNumber: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  modality: z.enum(MODALITIES),
  room: z.string().nullable(),
  language: z.string(),
  interpreterName: z.string().nullable(),
});
export const ZAgenda = z.object({
  officerId: z.string(),
  officerName: z.string(),
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  items: z.array(ZAgendaItem),
});
export type TAgenda = z.infer<typeof ZAgenda>;

/** An interpreter's own booking: where, when, in which language, with whom — nothing else of the claim. */
export const ZMyBooking = z.object({
  id: z.string(),
  officeName: z.string(),
  timeZone: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  localStart: z.string(),
  localEnd: z.string(),
  language: z.string(),
  modality: z.enum(MODALITIES),
  room: z.string().nullable(),
  videoLink: z.string().nullable(),
  officerName: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
});
export const ZMyBookedInterview = z.object({
  id: z.string(),
  officeName: z.string(),
  language: z.string(),
  startedAt: z.string(),
  status: z.string(),
});
export const ZMyBookings = z.object({
  interpreterName: z.string().nullable(),
  bookings: z.array(ZMyBooking),
  interviews: z.array(ZMyBookedInterview),
});
export type TMyBookings = z.infer<typeof ZMyBookings>;

export const ZWeeklySignatureInput = z.strictObject({
  /** Defaults to today in the office's zone. */
  signedOn: ZIsoDate.nullable().default(null),
  /** Where the applicant signed: one of the recorder's offices (COMAR or INM, Reglamento art. 24). */
  officeId: z.uuid(),
  notes: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
});
export type TWeeklySignatureInput = z.infer<typeof ZWeeklySignatureInput>;

export const ZSignatureRecord = z.object({
  id: z.string(),
  signedOn: z.string(),
  officeId: z.string(),
  officeName: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  notes: z.string().nullable(),
});

/** The claim's weekly signatures and how many weeks have been missed in a row. */
export const ZSignatureStatus = z.object({
  claimId: z.string(),
  /** Detained applicants do not sign (Reglamento art. 24 concerns those not detained), nor do closed claims. */
  owes: z.boolean(),
  streakFrom: z.string(),
  missedWeeks: z.number(),
  threshold: z.number(),
  thresholdVerified: z.boolean(),
  records: z.array(ZSignatureRecord),
});
export type TSignatureStatus = z.infer<typeof ZSignatureStatus>;

export const ZAbandonmentCandidate = z.object({
  claimId: z.string(),
  claimNumber: z.string(),
  claimVersion: z.number(),
  officeName: z.string(),
  status: z.string(),
  principalName: z.string(),
  streakFrom: z.string(),
  missedWeeks: z.number(),
  lastSignedOn: z.string().nullable(),
  previousDismissal: z.object({ reason: z.string(), decidedAt: z.string(), missedWeeks: z.number() }).nullable(),
});
export type TAbandonmentCandidate = z.infer<typeof ZAbandonmentCandidate>;
export const ZAbandonmentQueue = z.object({
  threshold: z.number(),
  thresholdVerified: z.boolean(),
  items: z.array(ZAbandonmentCandidate),
});
export type TAbandonmentQueue = z.infer<typeof ZAbandonmentQueue>;

export const ZAbandonmentDecisionInput = z.strictObject({ reason: ZReason, version: ZVersion });
export type TAbandonmentDecisionInput = z.infer<typeof ZAbandonmentDecisionInput>;
export const ZAbandonmentDecision = z.object({
  claimId: z.string(),
  decision: z.enum(['confirmed', 'dismissed']),
  missedWeeks: z.number(),
  reason: z.string(),
});

export const ZSchedulingSettings = z.object({
  institutionId: z.string(),
  missedSignaturesThreshold: z.number(),
  thresholdVerified: z.boolean(),
  postponementPausesClock: z.boolean(),
  postponementLegalBasis: z.string().nullable(),
  version: z.number(),
});
export type TSchedulingSettings = z.infer<typeof ZSchedulingSettings>;
export const ZSchedulingSettingsQuery = z.strictObject({ institutionId: z.uuid().optional() });
export const ZSchedulingSettingsUpdate = z.strictObject({
  institutionId: z.uuid(),
  missedSignaturesThreshold: z.number().int().min(1).max(52),
  thresholdVerified: z.boolean(),
  postponementPausesClock: z.boolean(),
  postponementLegalBasis: z.string().trim().min(1).max(LIMITS.reasonMax).nullable().default(null),
  /** Absent for an institution whose settings were never changed (the defaults). */
  version: ZVersion.optional(),
}).refine((s) => !s.postponementPausesClock || s.postponementLegalBasis !== null, { message: 'validation.required', path: ['postponementLegalBasis'] });
export type TSchedulingSettingsUpdate = z.infer<typeof ZSchedulingSettingsUpdate>;

/** What the booking form offers for a claim. */
export const ZBookingOptions = z.object({
  officeId: z.string(),
  timeZone: z.string(),
  assignedOfficerId: z.string().nullable(),
  status: z.string(),
  officers: z.array(z.object({ id: z.string(), fullName: z.string() })),
  persons: z.array(z.object({ id: z.string(), name: z.string(), languages: z.array(z.string()) })),
  suggestedLanguage: z.string(),
});
export type TBookingOptions = z.infer<typeof ZBookingOptions>;
