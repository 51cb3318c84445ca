// Public server surface of the decisions feature (ADR 030): the reasoned decision generated from
// the assessment and edited section by section, its review by a second officer, the signature
// with its PDF and public verification, the notification, the notice to INM and the appeal; and
// what the feature registers on the procedure's steps.
export { getDecision, type GetDecisionOptions } from './get-decision.ts';
export { generateDecision, type GenerateDecisionOptions } from './generate-decision.ts';
export { updateSection, type UpdateSectionOptions } from './update-section.ts';
export { updateOutcome, type UpdateOutcomeOptions } from './update-outcome.ts';
export { listReviewers, type ListReviewersOptions } from './list-reviewers.ts';
export { submitDecision, type SubmitDecisionOptions } from './submit-decision.ts';
export { commentDecision, type CommentDecisionOptions } from './comment-decision.ts';
export { resolveComment, type ResolveCommentOptions } from './resolve-comment.ts';
export { returnDecision, type ReturnDecisionOptions } from './return-decision.ts';
export { approveDecision, type ApproveDecisionOptions } from './approve-decision.ts';
export { signDecision, type SignDecisionOptions } from './sign-decision.ts';
export { decisionPdfFile, type DecisionPdfFileOptions } from './decision-pdf-file.ts';
export { renderDecisionPdf, type DecisionPdfInput } from './decision-pdf.ts';
export { notifyDecision, type NotifyDecisionOptions } from './notify-decision.ts';
export { inmNotice, type InmNoticeOptions } from './inm-notice.ts';
export { lodgeAppeal, type LodgeAppealOptions } from './lodge-appeal.ts';
export { resolveAppeal, type ResolveAppealOptions } from './resolve-appeal.ts';
export { verifyDecision } from './verify-decision.ts';
export { registerDecisions } from './register-decisions.ts';
