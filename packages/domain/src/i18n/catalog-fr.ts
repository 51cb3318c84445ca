/** Every catalog section in French; loaded on its own so a page downloads one language. */
import errors from './fr/errors.json' with { type: 'json' };
import validation from './fr/validation.json' with { type: 'json' };
import common from './fr/common.json' with { type: 'json' };
import auth from './fr/auth.json' with { type: 'json' };
import shell from './fr/shell.json' with { type: 'json' };
import home from './fr/home.json' with { type: 'json' };
import account from './fr/account.json' with { type: 'json' };
import users from './fr/users.json' with { type: 'json' };
import roles from './fr/roles.json' with { type: 'json' };
import permissions from './fr/permissions.json' with { type: 'json' };
import organisations from './fr/organisations.json' with { type: 'json' };
import audit from './fr/audit.json' with { type: 'json' };
import duplicates from './fr/duplicates.json' with { type: 'json' };
import calendars from './fr/calendars.json' with { type: 'json' };
import intake from './fr/intake.json' with { type: 'json' };
import trainingRecords from './fr/trainingRecords.json' with { type: 'json' };
import trainingSessions from './fr/trainingSessions.json' with { type: 'json' };
import trainingReports from './fr/trainingReports.json' with { type: 'json' };
import competencies from './fr/competencies.json' with { type: 'json' };
import training from './fr/training.json' with { type: 'json' };
import trainingNeeds from './fr/trainingNeeds.json' with { type: 'json' };
import procedure from './fr/procedure.json' with { type: 'json' };
import screening from './fr/screening.json' with { type: 'json' };
import scheduling from './fr/scheduling.json' with { type: 'json' };
import interviews from './fr/interviews.json' with { type: 'json' };
import coi from './fr/coi.json' with { type: 'json' };
import assessment from './fr/assessment.json' with { type: 'json' };
import decisions from './fr/decisions.json' with { type: 'json' };
import evaluations from './fr/evaluations.json' with { type: 'json' };
import trainingImpact from './fr/trainingImpact.json' with { type: 'json' };
import results from './fr/results.json' with { type: 'json' };
import type { Catalog } from './catalog.ts';

export const catalog: Catalog = {
  errors,
  validation,
  common,
  auth,
  shell,
  home,
  account,
  users,
  roles,
  permissions,
  organisations,
  audit,
  duplicates,
  calendars,
  intake,
  trainingRecords,
  trainingSessions,
  trainingReports,
  competencies,
  training,
  trainingNeeds,
  procedure,
  screening,
  scheduling,
  interviews,
  coi,
  assessment,
  decisions,
  results,
  trainingImpact,
  evaluations,
};
