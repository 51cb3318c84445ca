// Catalog keys written out, so the catalog test sees each one used (and a typo fails type-checking).
import type {
  InterviewStage, InterviewStatus, ParticipantRole, QuestionType, SignatureMethod, TemplateAudience, TemplateStatus,
} from './interviews.rules.ts';

export const STAGE_LABEL: Record<InterviewStage, string> = {
  preparation: 'interviews.stages.preparation',
  opening: 'interviews.stages.opening',
  conducting: 'interviews.stages.conducting',
  substance: 'interviews.stages.substance',
  closing: 'interviews.stages.closing',
  after: 'interviews.stages.after',
};

export const ROLE_LABEL: Record<ParticipantRole, string> = {
  applicant: 'interviews.roles.applicant',
  officer: 'interviews.roles.officer',
  interpreter: 'interviews.roles.interpreter',
  representative: 'interviews.roles.representative',
  lawyer: 'interviews.roles.lawyer',
  trusted_person: 'interviews.roles.trusted_person',
};

export const INTERVIEW_STATUS_LABEL: Record<InterviewStatus, string> = {
  in_progress: 'interviews.statuses.in_progress',
  read_back: 'interviews.statuses.read_back',
  signed: 'interviews.statuses.signed',
};

export const TEMPLATE_STATUS_LABEL: Record<TemplateStatus, string> = {
  draft: 'interviews.templateStatuses.draft',
  published: 'interviews.templateStatuses.published',
  retired: 'interviews.templateStatuses.retired',
};

export const AUDIENCE_LABEL: Record<TemplateAudience, string> = {
  first_contact: 'interviews.audiences.first_contact',
  eligibility: 'interviews.audiences.eligibility',
  child: 'interviews.audiences.child',
};

export const QUESTION_TYPE_LABEL: Record<QuestionType, string> = {
  text: 'interviews.questionTypes.text',
  choice: 'interviews.questionTypes.choice',
  date: 'interviews.questionTypes.date',
  country: 'interviews.questionTypes.country',
  yes_no: 'interviews.questionTypes.yes_no',
};

export const METHOD_LABEL: Record<SignatureMethod, string> = {
  drawn: 'interviews.methods.drawn',
  declined: 'interviews.methods.declined',
  attested: 'interviews.methods.attested',
};

/** Why an interview refused a change (`reason` of a 409 INVALID_STATE), in words. */
export const REASON_LABEL: Record<string, string> = {
  interview_read_back: 'interviews.reasons.interview_read_back',
  interview_locked: 'interviews.reasons.interview_locked',
  interview_not_read_back: 'interviews.reasons.interview_not_read_back',
  interview_not_locked: 'interviews.reasons.interview_not_locked',
  interview_open: 'interviews.reasons.interview_open',
  already_signed: 'interviews.reasons.already_signed',
  break_open: 'interviews.reasons.break_open',
  signing_started: 'interviews.reasons.signing_started',
};
