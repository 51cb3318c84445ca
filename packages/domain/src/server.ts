// Server-only use cases. Never imported by the web app (lint enforces it).
export type { Actor, RequestContext } from './shared/context.ts';
export * from './shared/server/db-errors.ts';
export * from './auth/auth.settings.ts';
export * from './auth/server/passwords.ts';
export * from './auth/server/sessions.ts';
export * from './auth/server/login.ts';
export * from './auth/server/manage-account.ts';
export * from './audit/server/audit-hash.ts';
export * from './audit/server/record-audit.ts';
export * from './audit/server/verify-audit-chain.ts';
export * from './audit/server/list-audit-events.ts';
export * from './organisations/server/institutions.ts';
export * from './organisations/server/offices.ts';
export * from './organisations/server/roles.ts';
export * from './organisations/server/users.ts';
export * from './duplicates/server/find-duplicate-candidates.ts';
export * from './duplicates/server/merge-persons.ts';
export * from './intake/server/claim-access.ts';
export * from './intake/server/persons.ts';
export * from './intake/server/create-claim.ts';
export * from './intake/server/get-claim.ts';
export * from './intake/server/claim-lifecycle.ts';
export * from './intake/server/assign-claim.ts';
export * from './intake/server/flags.ts';
export * from './intake/server/list-claims.ts';
export * from './referrals/server/referrals.ts';
export * from './demo/seed-demo.ts';
export * from './demo/seed-demo-intake.ts';
export * from './calendars/server/calendars.ts';
export * from './calendars/server/claim-clocks.ts';
// Training: curriculum, sessions and enrolment.
export { createTrainingSession, getTrainingSession, listTrainingModules, listTrainingSessions, setTrainingSessionStatus, updateTrainingSession } from './training/sessions/server/sessions.ts';
export { cancelEnrolment, enrolUsers, listMyEnrolments } from './training/sessions/server/enrolments.ts';
export { approveRequest, listRequestableSessions, rejectRequest, requestPlace, withdrawRequest } from './training/sessions/server/self-enrolment.ts';
export { acknowledgeGuide, assignSessionGuide, removeSessionGuide } from './training/sessions/server/session-guides.ts';
export { certifyTrainer, createTrainer, listTrainers, removeCertification, updateTrainer } from './training/trainers/server/trainers.ts';
// Training: curriculum and guides library (issue 4, A).
export { createModule, getModule, updateModule } from './training/curriculum/server/modules.ts';
export { listCompetencies } from './training/curriculum/server/competencies.ts';
export { addGuideFile, addGuideLink, guideFile, listGuides, setGuideModuleLink } from './training/guides/server/guides.ts';
export { seedDemoTrainingLibrary } from './demo/seed-demo-training-library.ts';
export { trainingReport } from './training/reports/server/reports.ts';
export { toCsv, toXlsx } from './training/reports/export.ts';
// Training: competency register, office matrix, gating (issue 4, B).
export { checkGating, rankOfficersForClaim } from './training/competencies/server/gating.ts';
export { listGrants, recordGrant, revokeGrant } from './training/competencies/server/register.ts';
export { getOfficeMatrix } from './training/competencies/server/office-matrix.ts';
export { createGatingRule, listGatingRules, updateGatingRule } from './training/competencies/server/gating-rules.ts';
// Training records and certificates (issue 4, C2).
export * from './training/records/server/get-session-records.ts';
export * from './training/records/server/update-records.ts';
export * from './training/records/server/import-records.ts';
export * from './training/certificates/server/issue-certificates.ts';
export * from './training/certificates/server/certificates.ts';
export * from './training/records/server/seed-demo-records.ts';
export { answerCampaign, createCampaign, getCampaign, listCampaignResponses, listCampaigns, listMyCampaigns, updateCampaign } from './training/needs/server/campaigns.ts';
export { auditPlanExport, buildTrainingPlan, planTable } from './training/needs/server/plan.ts';
export { DEMO_CAMPAIGN_ID, seedDemoNeedsAssessment } from './training/needs/server/seed-demo-needs.ts';
