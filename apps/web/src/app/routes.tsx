import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { canAny, can, LoginPage } from '../features/auth/index.ts';
// The claims feature splits its own pages (list, file, registration) into chunks.
import { ClaimPage, ClaimsPage, RegisterClaimPage } from '../features/claims/index.ts';
import { RequirePermission } from './shell/RequirePermission.tsx';

// The signed-in shell and its home page load after sign-in: the login page downloads only its own
// code (a border post's phone on a slow link). Every other page loads on its first visit.
const ProtectedLayout = lazy(() => import('./shell/ProtectedLayout.tsx').then((m) => ({ default: m.ProtectedLayout })));
const HomePage = lazy(() => import('./routes/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const NotFoundPage = lazy(() => import('./routes/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })));
// Admin pages load on first visit, so the login page and shell stay small.
const ChangePasswordPage = lazy(() => import('../features/account/index.ts').then((m) => ({ default: m.ChangePasswordPage })));
const TwoFactorPage = lazy(() => import('../features/account/index.ts').then((m) => ({ default: m.TwoFactorPage })));
const UsersPage = lazy(() => import('../features/users/index.ts').then((m) => ({ default: m.UsersPage })));
const UserFormPage = lazy(() => import('../features/users/index.ts').then((m) => ({ default: m.UserFormPage })));
const RolesPage = lazy(() => import('../features/roles/index.ts').then((m) => ({ default: m.RolesPage })));
const OrganisationsPage = lazy(() => import('../features/organisations/index.ts').then((m) => ({ default: m.OrganisationsPage })));
const AuditPage = lazy(() => import('../features/audit/index.ts').then((m) => ({ default: m.AuditPage })));
const PersonMergesPage = lazy(() => import('../features/persons/index.ts').then((m) => ({ default: m.PersonMergesPage })));
const CalendarsPage = lazy(() => import('../features/calendars/index.ts').then((m) => ({ default: m.CalendarsPage })));
const ReferralsPage = lazy(() => import('../features/referrals/index.ts').then((m) => ({ default: m.ReferralsPage })));
const ReferralFormPage = lazy(() => import('../features/referrals/index.ts').then((m) => ({ default: m.ReferralFormPage })));
// Training: sessions and enrolment, reports, records and certificates.
const SessionsPage = lazy(() => import('../features/training-sessions/index.ts').then((m) => ({ default: m.SessionsPage })));
const SessionPage = lazy(() => import('../features/training-sessions/index.ts').then((m) => ({ default: m.SessionPage })));
const MyTrainingPage = lazy(() => import('../features/training-sessions/index.ts').then((m) => ({ default: m.MyTrainingPage })));
const ResultsPage = lazy(() => import('../features/results/index.ts').then((m) => ({ default: m.ResultsPage })));
const TrainingReportsPage = lazy(() => import('../features/training-reports/index.ts').then((m) => ({ default: m.TrainingReportsPage })));
const TrainingImpactPage = lazy(() => import('../features/training-impact/index.ts').then((m) => ({ default: m.TrainingImpactPage })));
const EvaluationsPage = lazy(() => import('../features/evaluations/index.ts').then((m) => ({ default: m.EvaluationsPage })));
const EvaluationPage = lazy(() => import('../features/evaluations/index.ts').then((m) => ({ default: m.EvaluationPage })));
const SessionRecordsPage = lazy(() => import('../features/training-records/index.ts').then((m) => ({ default: m.SessionRecordsPage })));
const MyCertificatesPage = lazy(() => import('../features/training-records/index.ts').then((m) => ({ default: m.MyCertificatesPage })));
const VerifyCertificatePage = lazy(() => import('../features/training-records/index.ts').then((m) => ({ default: m.VerifyCertificatePage })));
// Training: the curriculum, the guides library and the trainer roster.
const CurriculumPage = lazy(() => import('../features/training-curriculum/index.ts').then((m) => ({ default: m.CurriculumPage })));
const ModulePage = lazy(() => import('../features/training-curriculum/index.ts').then((m) => ({ default: m.ModulePage })));
const ModuleEditPage = lazy(() => import('../features/training-curriculum/index.ts').then((m) => ({ default: m.ModuleEditPage })));
const GuidesPage = lazy(() => import('../features/training-curriculum/index.ts').then((m) => ({ default: m.GuidesPage })));
const TrainersPage = lazy(() => import('../features/training-curriculum/index.ts').then((m) => ({ default: m.TrainersPage })));
// Training: needs assessment.
const CampaignsPage = lazy(() => import('../features/training-needs/index.ts').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('../features/training-needs/index.ts').then((m) => ({ default: m.CampaignPage })));
const MyNeedsPage = lazy(() => import('../features/training-needs/index.ts').then((m) => ({ default: m.MyNeedsPage })));
// Competency register, office matrix, gating rules and overrides.
const CompetencyRegisterPage = lazy(() => import('../features/competencies/index.ts').then((m) => ({ default: m.CompetencyRegisterPage })));
const OfficeMatrixPage = lazy(() => import('../features/competencies/index.ts').then((m) => ({ default: m.OfficeMatrixPage })));
const OverridesPage = lazy(() => import('../features/competencies/index.ts').then((m) => ({ default: m.OverridesPage })));
const ScreeningPage = lazy(() => import('../features/screening/index.ts').then((m) => ({ default: m.ScreeningPage })));
const GuaranteeCatalogPage = lazy(() => import('../features/screening/index.ts').then((m) => ({ default: m.GuaranteeCatalogPage })));
const ProcedureStepsPage = lazy(() => import('../features/procedure/index.ts').then((m) => ({ default: m.ProcedureStepsPage })));
// Interpreters, interview appointments, agendas and the weekly signature.
const InterpretersPage = lazy(() => import('../features/scheduling/index.ts').then((m) => ({ default: m.InterpretersPage })));
const ClaimAppointmentsPage = lazy(() => import('../features/scheduling/index.ts').then((m) => ({ default: m.ClaimAppointmentsPage })));
const AgendaPage = lazy(() => import('../features/scheduling/index.ts').then((m) => ({ default: m.AgendaPage })));
const MyBookingsPage = lazy(() => import('../features/scheduling/index.ts').then((m) => ({ default: m.MyBookingsPage })));
const AbandonmentQueuePage = lazy(() => import('../features/scheduling/index.ts').then((m) => ({ default: m.AbandonmentQueuePage })));
// The personal interview: questionnaires, the working record, an interpreter's participation (ADR 025).
const TemplatesPage = lazy(() => import('../features/interview-templates/index.ts').then((m) => ({ default: m.TemplatesPage })));
const TemplatePage = lazy(() => import('../features/interview-templates/index.ts').then((m) => ({ default: m.TemplatePage })));
const InterviewPage = lazy(() => import('../features/interviews/index.ts').then((m) => ({ default: m.InterviewPage })));
const MyInterviewsPage = lazy(() => import('../features/interviews/index.ts').then((m) => ({ default: m.MyInterviewsPage })));
const MyInterviewPage = lazy(() => import('../features/interviews/index.ts').then((m) => ({ default: m.MyInterviewPage })));
// The COI library and the claim's assessment (ADR 029).
const CoiLibraryPage = lazy(() => import('../features/coi/index.ts').then((m) => ({ default: m.CoiLibraryPage })));
const CoiSourcePage = lazy(() => import('../features/coi/index.ts').then((m) => ({ default: m.CoiSourcePage })));
const AssessmentPage = lazy(() => import('../features/assessment/index.ts').then((m) => ({ default: m.AssessmentPage })));
// The reasoned decision, its review, notification and appeal; the public verification (ADR 030).
const DecisionPage = lazy(() => import('../features/decisions/index.ts').then((m) => ({ default: m.DecisionPage })));
const VerifyDecisionPage = lazy(() => import('../features/decisions/index.ts').then((m) => ({ default: m.VerifyDecisionPage })));
const GatingRulesPage = lazy(() => import('../features/competencies/index.ts').then((m) => ({ default: m.GatingRulesPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Public: whoever holds a training certificate checks it here, without an account. */}
      <Route path="/verify/:code" element={<Suspense fallback={null}><VerifyCertificatePage /></Suspense>} />
      <Route path="/verify-decision/:code" element={<Suspense fallback={null}><VerifyDecisionPage /></Suspense>} />
      <Route element={<Suspense fallback={null}><ProtectedLayout /></Suspense>}>
        <Route index element={<HomePage />} />
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="account/two-factor" element={<TwoFactorPage />} />
        <Route path="users" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'user')}><UsersPage /></RequirePermission>} />
        <Route path="users/new" element={<RequirePermission allowed={(me) => canAny(me, 'manage', 'user')}><UserFormPage /></RequirePermission>} />
        <Route path="users/:id/edit" element={<RequirePermission allowed={(me) => canAny(me, 'manage', 'user')}><UserFormPage /></RequirePermission>} />
        <Route path="roles" element={<RequirePermission allowed={(me) => can(me, 'read:role:all')}><RolesPage /></RequirePermission>} />
        <Route path="organisations" element={<RequirePermission allowed={(me) => can(me, 'read:organisation:all')}><OrganisationsPage /></RequirePermission>} />
        <Route path="audit" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'audit')}><AuditPage /></RequirePermission>} />
        <Route path="persons/merges" element={<RequirePermission allowed={(me) => can(me, 'merge:person:office')}><PersonMergesPage /></RequirePermission>} />
        <Route path="calendars" element={<RequirePermission allowed={(me) => can(me, 'read:calendar:all')}><CalendarsPage /></RequirePermission>} />
        <Route path="claims" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><ClaimsPage /></RequirePermission>} />
        <Route path="claims/new" element={<RequirePermission allowed={(me) => can(me, 'register:claim:office')}><RegisterClaimPage /></RequirePermission>} />
        <Route path="claims/:id" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><ClaimPage /></RequirePermission>} />
        <Route path="claims/:id/interviews/:interviewId" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><InterviewPage /></RequirePermission>} />
        <Route path="interview-templates" element={<RequirePermission allowed={(me) => can(me, 'manage:template:institution')}><TemplatesPage /></RequirePermission>} />
        <Route path="interview-templates/:id" element={<RequirePermission allowed={(me) => can(me, 'manage:template:institution')}><TemplatePage /></RequirePermission>} />
        <Route path="interviews/mine" element={<RequirePermission allowed={(me) => can(me, 'read:interview:own')}><MyInterviewsPage /></RequirePermission>} />
        <Route path="interviews/mine/:interviewId" element={<RequirePermission allowed={(me) => can(me, 'read:interview:own')}><MyInterviewPage /></RequirePermission>} />
        <Route path="referrals" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'referral')}><ReferralsPage /></RequirePermission>} />
        <Route path="referrals/new" element={<RequirePermission allowed={(me) => can(me, 'create:referral:office')}><ReferralFormPage /></RequirePermission>} />
        <Route path="training/catalogue" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><CurriculumPage /></RequirePermission>} />
        <Route path="training/catalogue/new" element={<RequirePermission allowed={(me) => can(me, 'manage:training:institution')}><ModuleEditPage /></RequirePermission>} />
        <Route path="training/catalogue/:id" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><ModulePage /></RequirePermission>} />
        <Route path="training/catalogue/:id/edit" element={<RequirePermission allowed={(me) => can(me, 'manage:training:institution')}><ModuleEditPage /></RequirePermission>} />
        <Route path="training/guides" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><GuidesPage /></RequirePermission>} />
        <Route path="training/sessions" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><SessionsPage /></RequirePermission>} />
        <Route path="training/sessions/:id" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><SessionPage /></RequirePermission>} />
        <Route path="training/trainers" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><TrainersPage /></RequirePermission>} />
        <Route path="training/mine" element={<RequirePermission allowed={(me) => can(me, 'enrol:training:own')}><MyTrainingPage /></RequirePermission>} />
        <Route path="results" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'report')}><ResultsPage /></RequirePermission>} />
        <Route path="training/reports" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'report')}><TrainingReportsPage /></RequirePermission>} />
        <Route path="training/impact" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'report')}><TrainingImpactPage /></RequirePermission>} />
        <Route path="training/evaluations" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'report')}><EvaluationsPage /></RequirePermission>} />
        <Route path="training/evaluations/:id" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'report')}><EvaluationPage /></RequirePermission>} />
        <Route path="training/sessions/:id/records" element={<RequirePermission allowed={(me) => can(me, 'manage:training:institution') || can(me, 'teach:training:own')}><SessionRecordsPage /></RequirePermission>} />
        <Route path="training/certificates" element={<RequirePermission allowed={(me) => can(me, 'read:competency:own')}><MyCertificatesPage /></RequirePermission>} />
        <Route path="training/competencies" element={<RequirePermission allowed={(me) => can(me, 'read:competency:own')}><CompetencyRegisterPage /></RequirePermission>} />
        <Route path="training/competencies/matrix" element={<RequirePermission allowed={(me) => can(me, 'read:competency:office')}><OfficeMatrixPage /></RequirePermission>} />
        <Route path="training/gating-overrides" element={<RequirePermission allowed={(me) => can(me, 'read:competency:office')}><OverridesPage /></RequirePermission>} />
        <Route path="training/campaigns" element={<RequirePermission allowed={(me) => can(me, 'manage:training:institution')}><CampaignsPage /></RequirePermission>} />
        <Route path="training/campaigns/:id" element={<RequirePermission allowed={(me) => can(me, 'manage:training:institution')}><CampaignPage /></RequirePermission>} />
        <Route path="training/needs" element={<RequirePermission allowed={(me) => can(me, 'enrol:training:own')}><MyNeedsPage /></RequirePermission>} />
        <Route path="training/gating-rules" element={<RequirePermission allowed={(me) => can(me, 'read:training:all')}><GatingRulesPage /></RequirePermission>} />
        <Route path="claims/:id/screening" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><ScreeningPage /></RequirePermission>} />
        <Route path="procedure/guarantees" element={<RequirePermission allowed={(me) => can(me, 'read:procedure:all')}><GuaranteeCatalogPage /></RequirePermission>} />
        <Route path="procedure" element={<RequirePermission allowed={(me) => can(me, 'read:procedure:all')}><ProcedureStepsPage /></RequirePermission>} />
        <Route path="claims/:id/appointments" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><ClaimAppointmentsPage /></RequirePermission>} />
        <Route path="scheduling/interpreters" element={<RequirePermission allowed={(me) => can(me, 'read:interpreter:office')}><InterpretersPage /></RequirePermission>} />
        <Route path="scheduling/agenda" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><AgendaPage /></RequirePermission>} />
        <Route path="scheduling/my-bookings" element={<RequirePermission allowed={(me) => can(me, 'read:interview:own')}><MyBookingsPage /></RequirePermission>} />
        <Route path="scheduling/abandonment" element={<RequirePermission allowed={(me) => can(me, 'decide:abandonment:office')}><AbandonmentQueuePage /></RequirePermission>} />
        <Route path="coi" element={<RequirePermission allowed={(me) => can(me, 'read:coi:all')}><CoiLibraryPage /></RequirePermission>} />
        <Route path="coi/:id" element={<RequirePermission allowed={(me) => can(me, 'read:coi:all')}><CoiSourcePage /></RequirePermission>} />
        <Route path="claims/:id/assessment" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><AssessmentPage /></RequirePermission>} />
        <Route path="claims/:id/decision" element={<RequirePermission allowed={(me) => canAny(me, 'read', 'claim')}><DecisionPage /></RequirePermission>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
