// Public server surface of the interviews feature (ADR 025): the authority's questionnaires, the
// interview record from its start (the procedure's start_interview step) to its signed, locked
// acta, and the interpreter's view of their participation.
export { listTemplates } from './list-templates.ts';
export { getTemplate } from './get-template.ts';
export { installShippedTemplates, installTemplates, type InstallShippedOptions } from './install-templates.ts';
export { editTemplate, type EditTemplateOptions } from './edit-template.ts';
export { publishTemplate, type PublishTemplateOptions } from './publish-template.ts';
export { listInterviewOptions } from './interview-options.ts';
export { startInterview, type StartInterviewOptions } from './start-interview.ts';
export { listClaimInterviews } from './list-claim-interviews.ts';
export { getInterview } from './get-interview.ts';
export { saveText, type SaveTextOptions } from './save-text.ts';
export { saveAnswer, type SaveAnswerOptions } from './save-answer.ts';
export { saveChecklistItem, type SaveChecklistItemOptions } from './save-checklist-item.ts';
export { addParticipant, type AddParticipantOptions } from './add-participant.ts';
export { updateParticipant, type UpdateParticipantOptions } from './update-participant.ts';
export { removeParticipant, type RemoveParticipantOptions } from './remove-participant.ts';
export { startBreak, type StartBreakOptions } from './start-break.ts';
export { endBreak, type EndBreakOptions } from './end-break.ts';
export { touchPresence, type TouchPresenceOptions } from './touch-presence.ts';
export { readBackInterview, type ReadBackOptions } from './read-back.ts';
export { correctRecord, type CorrectRecordOptions } from './correct-record.ts';
export { signInterview, signaturePng, type SignInterviewOptions } from './sign-interview.ts';
export { addAnnex, type AddAnnexOptions } from './add-annex.ts';
export { attachAudio, type AttachAudioOptions } from './attach-audio.ts';
export { getAudio, type GetAudioOptions } from './get-audio.ts';
export { exportRecordPdf } from './export-record-pdf.ts';
export { renderRecordPdf, type RecordPdfInput } from './interview-pdf.ts';
export { listMyInterviews } from './list-my-interviews.ts';
export { getMyInterview } from './get-my-interview.ts';
export { registerSignedRecordSafeguard } from './signed-record-safeguard.ts';
export { signedInterviewRecords, type SignedRecord } from './signed-records.ts';
export { registerInterviewRecordOpening } from './open-record-effect.ts';
export { registerInterviewStartSafeguards } from './start-safeguards.ts';
export { seedDemoInterviews } from './seed-demo-interviews.ts';
