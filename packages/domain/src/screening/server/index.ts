// Public server surface of the screening feature: indicators, specialist referrals,
// best-interests assessments, guarantees and their catalogue, and what screening registers on
// the procedure (ADR 026).
export { getScreening } from './get-screening.ts';
export { recordIndicator } from './record-indicator.ts';
export { withdrawIndicator } from './withdraw-indicator.ts';
export { createSpecialistReferral, recordSpecialistOutcome } from './specialist-referrals.ts';
export { saveBestInterests } from './save-best-interests.ts';
export { decideGuarantee } from './decide-guarantee.ts';
export { createGuaranteeRule, listGuaranteeCatalog, updateGuaranteeRule, updateGuaranteeType } from './guarantee-catalog.ts';
export { registerScreening } from './register-screening.ts';
export { pendingGuarantees } from './pending-guarantees.ts';
