// Public server surface of the training feature: curriculum and guides, sessions and enrolment,
// records, imports and certificates, the competency register and gate, needs assessment, reports.
export { createTrainingSession, getTrainingSession, listTrainingModules, listTrainingSessions, setTrainingSessionStatus, updateTrainingSession } from '../sessions/server/sessions.ts';
export { cancelEnrolment, enrolUsers, listMyEnrolments } from '../sessions/server/enrolments.ts';
export { approveRequest, listRequestableSessions, rejectRequest, requestPlace, withdrawRequest } from '../sessions/server/self-enrolment.ts';
export { acknowledgeGuide, assignSessionGuide, removeSessionGuide } from '../sessions/server/session-guides.ts';
export { certifyTrainer, createTrainer, listTrainers, removeCertification, updateTrainer } from '../trainers/server/trainers.ts';
export { createModule, getModule, updateModule } from '../curriculum/server/modules.ts';
export { listCompetencies } from '../curriculum/server/competencies.ts';
export { addGuideFile, addGuideLink, guideFile, listGuides, setGuideModuleLink } from '../guides/server/guides.ts';
export { trainingReport } from '../reports/server/reports.ts';
export { toCsv, toXlsx, type ReportTable } from '../reports/export.ts';
export { checkGating, rankOfficersForClaim } from '../competencies/server/gating.ts';
export { listAssignableOfficers, OVERRIDE_REASON_MIN, registerCompetencyGate } from '../competencies/server/competency-gate.ts';
export { listGrants, recordGrant, revokeGrant } from '../competencies/server/register.ts';
export { getOfficeMatrix } from '../competencies/server/office-matrix.ts';
export { createGatingRule, listGatingRules, updateGatingRule } from '../competencies/server/gating-rules.ts';
export * from '../records/server/get-session-records.ts';
export * from '../records/server/update-records.ts';
export * from '../records/server/import-records.ts';
export * from '../certificates/server/issue-certificates.ts';
export * from '../certificates/server/certificates.ts';
export * from '../records/server/seed-demo-records.ts';
export { answerCampaign, createCampaign, getCampaign, listCampaignResponses, listCampaigns, listMyCampaigns, updateCampaign } from '../needs/server/campaigns.ts';
export { auditPlanExport, buildTrainingPlan, planTable } from '../needs/server/plan.ts';
export { DEMO_CAMPAIGN_ID, seedDemoNeedsAssessment } from '../needs/server/seed-demo-needs.ts';
export { listGatingOverrides, overridesTable } from '../competencies/server/overrides.ts';
