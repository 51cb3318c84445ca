/** UI sections of the catalogs (one JSON file per section and language). */
import esCommon from './es-MX/common.json' with { type: 'json' };
import esAuth from './es-MX/auth.json' with { type: 'json' };
import esShell from './es-MX/shell.json' with { type: 'json' };
import esHome from './es-MX/home.json' with { type: 'json' };
import esAccount from './es-MX/account.json' with { type: 'json' };
import esUsers from './es-MX/users.json' with { type: 'json' };
import esRoles from './es-MX/roles.json' with { type: 'json' };
import esPermissions from './es-MX/permissions.json' with { type: 'json' };
import esOrganisations from './es-MX/organisations.json' with { type: 'json' };
import esAudit from './es-MX/audit.json' with { type: 'json' };
import enCommon from './en/common.json' with { type: 'json' };
import enAuth from './en/auth.json' with { type: 'json' };
import enShell from './en/shell.json' with { type: 'json' };
import enHome from './en/home.json' with { type: 'json' };
import enAccount from './en/account.json' with { type: 'json' };
import enUsers from './en/users.json' with { type: 'json' };
import enRoles from './en/roles.json' with { type: 'json' };
import enPermissions from './en/permissions.json' with { type: 'json' };
import enOrganisations from './en/organisations.json' with { type: 'json' };
import enAudit from './en/audit.json' with { type: 'json' };
import frCommon from './fr/common.json' with { type: 'json' };
import frAuth from './fr/auth.json' with { type: 'json' };
import frShell from './fr/shell.json' with { type: 'json' };
import frHome from './fr/home.json' with { type: 'json' };
import frAccount from './fr/account.json' with { type: 'json' };
import frUsers from './fr/users.json' with { type: 'json' };
import frRoles from './fr/roles.json' with { type: 'json' };
import frPermissions from './fr/permissions.json' with { type: 'json' };
import frOrganisations from './fr/organisations.json' with { type: 'json' };
import frAudit from './fr/audit.json' with { type: 'json' };
import esDuplicates from './es-MX/duplicates.json' with { type: 'json' };
import enDuplicates from './en/duplicates.json' with { type: 'json' };
import frDuplicates from './fr/duplicates.json' with { type: 'json' };
import esCalendars from './es-MX/calendars.json' with { type: 'json' };
import enCalendars from './en/calendars.json' with { type: 'json' };
import frCalendars from './fr/calendars.json' with { type: 'json' };
import esIntake from './es-MX/intake.json' with { type: 'json' };
import enIntake from './en/intake.json' with { type: 'json' };
import frIntake from './fr/intake.json' with { type: 'json' };
// Training records and certificates.
import esTrainingRecords from './es-MX/trainingRecords.json' with { type: 'json' };
import enTrainingRecords from './en/trainingRecords.json' with { type: 'json' };
import frTrainingRecords from './fr/trainingRecords.json' with { type: 'json' };
import esTrainingSessions from './es-MX/trainingSessions.json' with { type: 'json' };
import enTrainingSessions from './en/trainingSessions.json' with { type: 'json' };
import frTrainingSessions from './fr/trainingSessions.json' with { type: 'json' };
import esTrainingReports from './es-MX/trainingReports.json' with { type: 'json' };
import esTrainingImpact from './es-MX/trainingImpact.json' with { type: 'json' };
import esEvaluations from './es-MX/evaluations.json' with { type: 'json' };
import enTrainingReports from './en/trainingReports.json' with { type: 'json' };
import enTrainingImpact from './en/trainingImpact.json' with { type: 'json' };
import enEvaluations from './en/evaluations.json' with { type: 'json' };
import frTrainingReports from './fr/trainingReports.json' with { type: 'json' };
import frTrainingImpact from './fr/trainingImpact.json' with { type: 'json' };
import frEvaluations from './fr/evaluations.json' with { type: 'json' };
// Competency register and gating.
import esCompetencies from './es-MX/competencies.json' with { type: 'json' };
import enCompetencies from './en/competencies.json' with { type: 'json' };
import frCompetencies from './fr/competencies.json' with { type: 'json' };
// Training curriculum, guides library and trainer roster.
import esTraining from './es-MX/training.json' with { type: 'json' };
import enTraining from './en/training.json' with { type: 'json' };
import frTraining from './fr/training.json' with { type: 'json' };
// Needs assessment.
import esTrainingNeeds from './es-MX/trainingNeeds.json' with { type: 'json' };
import enTrainingNeeds from './en/trainingNeeds.json' with { type: 'json' };
import frTrainingNeeds from './fr/trainingNeeds.json' with { type: 'json' };
// The procedure's steps, safeguards and effects.
import esProcedure from './es-MX/procedure.json' with { type: 'json' };
import enProcedure from './en/procedure.json' with { type: 'json' };
import frProcedure from './fr/procedure.json' with { type: 'json' };
// Screening and guarantees.
import esScreening from './es-MX/screening.json' with { type: 'json' };
import enScreening from './en/screening.json' with { type: 'json' };
import frScreening from './fr/screening.json' with { type: 'json' };
// Interpreters, interview appointments and the weekly signature.
import esScheduling from './es-MX/scheduling.json' with { type: 'json' };
import enScheduling from './en/scheduling.json' with { type: 'json' };
import frScheduling from './fr/scheduling.json' with { type: 'json' };
// The personal interview: questionnaires and the interview record.
import esInterviews from './es-MX/interviews.json' with { type: 'json' };
import enInterviews from './en/interviews.json' with { type: 'json' };
import frInterviews from './fr/interviews.json' with { type: 'json' };
// The COI library and the claim's assessment.
import esCoi from './es-MX/coi.json' with { type: 'json' };
import enCoi from './en/coi.json' with { type: 'json' };
import frCoi from './fr/coi.json' with { type: 'json' };
import esAssessment from './es-MX/assessment.json' with { type: 'json' };
import enAssessment from './en/assessment.json' with { type: 'json' };
import frAssessment from './fr/assessment.json' with { type: 'json' };
// The reasoned decision, its review, notification and appeal.
import esDecisions from './es-MX/decisions.json' with { type: 'json' };
import enDecisions from './en/decisions.json' with { type: 'json' };
import frDecisions from './fr/decisions.json' with { type: 'json' };

export const uiCatalogs = {
  'es-MX': {
    common: esCommon,
    auth: esAuth,
    shell: esShell,
    home: esHome,
    account: esAccount,
    users: esUsers,
    roles: esRoles,
    permissions: esPermissions,
    organisations: esOrganisations,
    audit: esAudit,
    duplicates: esDuplicates,
    calendars: esCalendars,
    intake: esIntake,
    trainingRecords: esTrainingRecords,
    trainingSessions: esTrainingSessions,
    trainingReports: esTrainingReports,
    trainingImpact: esTrainingImpact,
    evaluations: esEvaluations,
    competencies: esCompetencies,
    training: esTraining,
    trainingNeeds: esTrainingNeeds,
    procedure: esProcedure,
    screening: esScreening,
    scheduling: esScheduling,
    interviews: esInterviews,
    coi: esCoi,
    assessment: esAssessment,
    decisions: esDecisions,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    shell: enShell,
    home: enHome,
    account: enAccount,
    users: enUsers,
    roles: enRoles,
    permissions: enPermissions,
    organisations: enOrganisations,
    audit: enAudit,
    duplicates: enDuplicates,
    calendars: enCalendars,
    intake: enIntake,
    trainingRecords: enTrainingRecords,
    trainingSessions: enTrainingSessions,
    trainingReports: enTrainingReports,
    trainingImpact: enTrainingImpact,
    evaluations: enEvaluations,
    competencies: enCompetencies,
    training: enTraining,
    trainingNeeds: enTrainingNeeds,
    procedure: enProcedure,
    screening: enScreening,
    scheduling: enScheduling,
    interviews: enInterviews,
    coi: enCoi,
    assessment: enAssessment,
    decisions: enDecisions,
  },
  fr: {
    common: frCommon,
    auth: frAuth,
    shell: frShell,
    home: frHome,
    account: frAccount,
    users: frUsers,
    roles: frRoles,
    permissions: frPermissions,
    organisations: frOrganisations,
    audit: frAudit,
    duplicates: frDuplicates,
    calendars: frCalendars,
    intake: frIntake,
    trainingRecords: frTrainingRecords,
    trainingSessions: frTrainingSessions,
    trainingReports: frTrainingReports,
    trainingImpact: frTrainingImpact,
    evaluations: frEvaluations,
    competencies: frCompetencies,
    training: frTraining,
    trainingNeeds: frTrainingNeeds,
    procedure: frProcedure,
    screening: frScreening,
    scheduling: frScheduling,
    interviews: frInterviews,
    coi: frCoi,
    assessment: frAssessment,
    decisions: frDecisions,
  },
};
