import type { TMe } from '@refugio/domain';
import { can, canAny } from '../../features/auth/index.ts';

export interface NavItem {
  to: string;
  labelKey: string;
  /** Shown on the home page under the link. */
  descriptionKey: string;
  allowed: (me: TMe) => boolean;
}

/** Paths of the training programme's pages, grouped under one heading in the navigation. */
export const TRAINING_PREFIX = '/training/';

/** The sections of the app, each shown only to users whose roles can open it. */
export const NAV_ITEMS: NavItem[] = [
  { to: '/claims', labelKey: 'intake.nav.claims', descriptionKey: 'intake.nav.claimsDescription', allowed: (me) => canAny(me, 'read', 'claim') },
  {
    to: '/referrals', labelKey: 'intake.nav.referrals', descriptionKey: 'intake.nav.referralsDescription',
    allowed: (me) => canAny(me, 'read', 'referral'),
  },
  // Interpreters and scheduling (ADR 027).
  {
    to: '/scheduling/my-bookings', labelKey: 'scheduling.nav.mine', descriptionKey: 'scheduling.nav.mineDescription',
    allowed: (me) => can(me, 'read:interview:own'),
  },
  {
    to: '/scheduling/agenda', labelKey: 'scheduling.nav.agenda', descriptionKey: 'scheduling.nav.agendaDescription',
    allowed: (me) => canAny(me, 'read', 'claim'),
  },
  {
    to: '/scheduling/interpreters', labelKey: 'scheduling.nav.interpreters', descriptionKey: 'scheduling.nav.interpretersDescription',
    allowed: (me) => can(me, 'read:interpreter:office'),
  },
  {
    to: '/scheduling/abandonment', labelKey: 'scheduling.nav.abandonment', descriptionKey: 'scheduling.nav.abandonmentDescription',
    allowed: (me) => can(me, 'decide:abandonment:office'),
  },
  {
    to: '/interview-templates', labelKey: 'interviews.nav.templates', descriptionKey: 'interviews.nav.templatesDescription',
    allowed: (me) => can(me, 'manage:template:institution'),
  },
  {
    to: '/interviews/mine', labelKey: 'interviews.nav.mine', descriptionKey: 'interviews.nav.mineDescription',
    allowed: (me) => can(me, 'read:interview:own'),
  },
  // Country-of-origin information (ADR 029).
  { to: '/coi', labelKey: 'coi.nav.label', descriptionKey: 'coi.nav.description', allowed: (me) => can(me, 'read:coi:all') },
  // The results the authority is judged on (ADR 042): dashboards per role, UNHCR statistics.
  { to: '/results', labelKey: 'results.nav.label', descriptionKey: 'results.nav.description', allowed: (me) => canAny(me, 'read', 'report') },
  { to: '/users', labelKey: 'shell.nav.users', descriptionKey: 'home.cards.users', allowed: (me) => canAny(me, 'read', 'user') },
  { to: '/roles', labelKey: 'shell.nav.roles', descriptionKey: 'home.cards.roles', allowed: (me) => can(me, 'read:role:all') },
  {
    to: '/organisations', labelKey: 'shell.nav.organisations', descriptionKey: 'home.cards.organisations',
    allowed: (me) => can(me, 'read:organisation:all'),
  },
  { to: '/audit', labelKey: 'shell.nav.audit', descriptionKey: 'home.cards.audit', allowed: (me) => canAny(me, 'read', 'audit') },
  {
    to: '/persons/merges', labelKey: 'duplicates.nav.label', descriptionKey: 'duplicates.nav.description',
    allowed: (me) => can(me, 'merge:person:office'),
  },
  {
    to: '/calendars', labelKey: 'calendars.nav.label', descriptionKey: 'calendars.nav.description',
    allowed: (me) => can(me, 'read:calendar:all'),
  },
  {
    to: '/procedure', labelKey: 'procedure.nav.label', descriptionKey: 'procedure.nav.description',
    allowed: (me) => can(me, 'read:procedure:all'),
  },
  {
    to: '/procedure/guarantees', labelKey: 'screening.catalogue.nav', descriptionKey: 'screening.catalogue.navDescription',
    allowed: (me) => can(me, 'read:procedure:all'),
  },
  // Training: every item whose path starts with TRAINING_PREFIX is shown in the
  // "Capacitación" group of the navigation; other training pages add their items here.
  {
    to: '/training/guides', labelKey: 'training.nav.guides', descriptionKey: 'training.nav.guidesDescription',
    allowed: (me) => can(me, 'read:training:all'),
  },
  {
    to: '/training/campaigns', labelKey: 'trainingNeeds.nav.campaigns', descriptionKey: 'trainingNeeds.nav.campaignsDescription',
    allowed: (me) => can(me, 'manage:training:institution'),
  },
  {
    to: '/training/needs', labelKey: 'trainingNeeds.nav.mine', descriptionKey: 'trainingNeeds.nav.mineDescription',
    allowed: (me) => can(me, 'enrol:training:own'),
  },
  {
    to: '/training/sessions', labelKey: 'trainingSessions.nav.sessions', descriptionKey: 'trainingSessions.nav.sessionsDescription',
    allowed: (me) => can(me, 'manage:training:institution') || can(me, 'teach:training:own'),
  },
  {
    to: '/training/mine', labelKey: 'trainingSessions.nav.mine', descriptionKey: 'trainingSessions.nav.mineDescription',
    allowed: (me) => can(me, 'enrol:training:own'),
  },
  {
    to: '/training/reports', labelKey: 'trainingReports.nav.label', descriptionKey: 'trainingReports.nav.description',
    allowed: (me) => canAny(me, 'read', 'report'),
  },
  {
    to: '/training/impact', labelKey: 'trainingImpact.nav.label', descriptionKey: 'trainingImpact.nav.description',
    allowed: (me) => canAny(me, 'read', 'report'),
  },
  {
    to: '/training/evaluations', labelKey: 'evaluations.nav.label', descriptionKey: 'evaluations.nav.description',
    allowed: (me) => canAny(me, 'read', 'report'),
  },
  {
    to: '/training/trainers', labelKey: 'trainingSessions.nav.trainers', descriptionKey: 'trainingSessions.nav.trainersDescription',
    allowed: (me) => can(me, 'manage:training:institution'),
  },
  {
    to: '/training/catalogue', labelKey: 'trainingSessions.nav.catalogue', descriptionKey: 'trainingSessions.nav.catalogueDescription',
    allowed: (me) => can(me, 'read:training:all'),
  },
  {
    to: '/training/certificates', labelKey: 'trainingRecords.nav.certificates', descriptionKey: 'trainingRecords.nav.certificatesDescription',
    allowed: (me) => can(me, 'read:competency:own'),
  },
  // Competency register, office matrix and gating rules.
  {
    to: '/training/competencies', labelKey: 'competencies.nav.register', descriptionKey: 'competencies.nav.registerDescription',
    allowed: (me) => can(me, 'read:competency:own'),
  },
  {
    to: '/training/competencies/matrix', labelKey: 'competencies.nav.matrix', descriptionKey: 'competencies.nav.matrixDescription',
    allowed: (me) => can(me, 'read:competency:office'),
  },
  {
    to: '/training/gating-overrides', labelKey: 'competencies.nav.overrides', descriptionKey: 'competencies.nav.overridesDescription',
    allowed: (me) => can(me, 'read:competency:office'),
  },
  {
    to: '/training/gating-rules', labelKey: 'competencies.nav.rules', descriptionKey: 'competencies.nav.rulesDescription',
    allowed: (me) => can(me, 'manage:training:institution') || can(me, 'override:gating:office'),
  },
];
