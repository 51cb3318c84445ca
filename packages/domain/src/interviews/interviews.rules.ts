/**
 * The personal interview as data (ADR 025): the stages of the EASO/EUAA method, the kinds of
 * question a questionnaire holds, who takes part and who signs, and the pure checks of an answer
 * against its question. Shared by the server and the web app.
 */

/**
 * The stages of the EUAA practical guide on the personal interview, in order: preparation →
 * opening and information → conducting the interview → substance to explore → closing → after
 * the interview. Every questionnaire has each once, in this order.
 */
export const INTERVIEW_STAGES = ['preparation', 'opening', 'conducting', 'substance', 'closing', 'after'] as const;
export type InterviewStage = (typeof INTERVIEW_STAGES)[number];

/** Free text; one option of a list; a date; a country (ISO 3166-1 alpha-3); yes or no, with an explanation. */
export const QUESTION_TYPES = ['text', 'choice', 'date', 'country', 'yes_no'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Whom a questionnaire is for; the child-adapted one follows the EUAA guide on interviewing children. */
export const TEMPLATE_AUDIENCES = ['first_contact', 'eligibility', 'child'] as const;
export type TemplateAudience = (typeof TEMPLATE_AUDIENCES)[number];

/** A questionnaire version: edited while a draft, immutable once published, retired when superseded. */
export const TEMPLATE_STATUSES = ['draft', 'published', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** in_progress → read_back (the record is read back; only corrections) → signed (locked). */
export const INTERVIEW_STATUSES = ['in_progress', 'read_back', 'signed'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

/** Who is present (EUAA guide, "opening": introductions and roles). */
export const PARTICIPANT_ROLES = ['applicant', 'officer', 'interpreter', 'representative', 'lawyer', 'trusted_person'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
/** Roles the officer adds by hand; the applicant and the officer are there from the start. */
export const ADDABLE_ROLES = ['interpreter', 'representative', 'lawyer', 'trusted_person'] as const satisfies readonly ParticipantRole[];

/** Who signs the record. */
export const SIGNATURE_ROLES = ['applicant', 'interpreter', 'officer'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

/**
 * How a signature is given: drawn on screen; declined, with the reason (the applicant only: the
 * record notes the refusal instead of forcing a signature); attested by the officer's own
 * signed-in session (the officer only).
 */
export const SIGNATURE_METHODS = ['drawn', 'declined', 'attested'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export function methodAllowed(role: SignatureRole, method: SignatureMethod): boolean {
  if (method === 'declined') return role === 'applicant';
  if (method === 'attested') return role === 'officer';
  return true;
}

/** The signatures a record needs before it locks: the interpreter's only when one took part. */
export function requiredSignatures(hasInterpreter: boolean): SignatureRole[] {
  return hasInterpreter ? ['applicant', 'interpreter', 'officer'] : ['applicant', 'officer'];
}

/** Fields of the record typed outside the questions. */
export const TEXT_FIELDS = ['narrative', 'observations'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** Ids of stages' items and questions: stable keys that answers and corrections point at. */
export const ITEM_ID_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;

export const INTERVIEW_LIMITS = {
  /** A narrative of a long interview (about 100 typed pages). */
  textMax: 200_000,
  answerMax: 20_000,
  noteMax: 2_000,
  questionTextMax: 1_000,
  optionsMax: 30,
  itemsPerStageMax: 60,
  questionsPerStageMax: 400,
  /** A signature drawn on a 600×200 canvas is a few tens of KB as PNG. */
  signatureMaxBytes: 300_000,
  /** An hour of speech compressed (Opus, MP3) is under 30 MB; longer interviews are several files. */
  audioMaxBytes: 40 * 1024 * 1024,
  /** Another tab or device counts as present while its heartbeat is this recent. */
  presenceSeconds: 60,
} as const;

export const AUDIO_CONTENT_TYPES = ['audio/webm', 'audio/ogg', 'audio/mpeg', 'audio/mp4', 'audio/wav', 'audio/x-wav'] as const;

/** An answer as stored: the members its question type uses. */
export interface AnswerValue {
  text?: string | undefined;
  option?: string | undefined;
  date?: string | undefined;
  country?: string | undefined;
  answer?: 'yes' | 'no' | null | undefined;
  explanation?: string | undefined;
}

export interface QuestionShape {
  id: string;
  type: QuestionType;
  options?: ReadonlyArray<{ id: string }> | undefined;
}

/** The members each type uses; the others must be absent. */
const MEMBERS: Record<QuestionType, ReadonlyArray<keyof AnswerValue>> = {
  text: ['text'],
  choice: ['option'],
  date: ['date'],
  country: ['country'],
  yes_no: ['answer', 'explanation'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCivilDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export interface AnswerProblem {
  field: string;
  code: string;
}

/**
 * What is wrong with an answer for its question, as field errors under `value` (empty when it is
 * fine). An empty answer ('' or no option) is valid: the officer may clear what they typed.
 */
export function answerProblems(question: QuestionShape, value: AnswerValue): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const allowed = MEMBERS[question.type];
  for (const key of Object.keys(value) as Array<keyof AnswerValue>) {
    if (value[key] !== undefined && !allowed.includes(key)) problems.push({ field: `value.${key}`, code: 'validation.not_applicable' });
  }
  if (question.type === 'choice' && value.option) {
    if (!(question.options ?? []).some((o) => o.id === value.option)) problems.push({ field: 'value.option', code: 'validation.invalid_option' });
  }
  if (question.type === 'date' && value.date && !isCivilDate(value.date)) problems.push({ field: 'value.date', code: 'validation.invalid_date' });
  if (question.type === 'country' && value.country && !/^[A-Z]{3}$/.test(value.country)) {
    problems.push({ field: 'value.country', code: 'validation.country_code' });
  }
  return problems;
}

/** Whether an answer says anything (an empty one reads as unanswered). */
export function isAnswered(value: AnswerValue | null | undefined): boolean {
  if (!value) return false;
  return Boolean(value.text?.trim() || value.option || value.date || value.country || value.answer || value.explanation?.trim());
}

/** The keys a correction or an autosave may point at: a text field or a question. */
export type RecordTarget = { kind: 'text'; field: TextField } | { kind: 'answer'; questionId: string };

export function targetKey(target: RecordTarget): string {
  return target.kind === 'text' ? target.field : target.questionId;
}
