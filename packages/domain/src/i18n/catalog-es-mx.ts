/** Every catalog section in Spanish (Mexico), usted: the default language; loaded on its own so a page downloads one language. */
import errors from './es-MX/errors.json' with { type: 'json' };
import validation from './es-MX/validation.json' with { type: 'json' };
import common from './es-MX/common.json' with { type: 'json' };
import auth from './es-MX/auth.json' with { type: 'json' };
import shell from './es-MX/shell.json' with { type: 'json' };
import home from './es-MX/home.json' with { type: 'json' };
import account from './es-MX/account.json' with { type: 'json' };
import users from './es-MX/users.json' with { type: 'json' };
import roles from './es-MX/roles.json' with { type: 'json' };
import permissions from './es-MX/permissions.json' with { type: 'json' };
import organisations from './es-MX/organisations.json' with { type: 'json' };
import audit from './es-MX/audit.json' with { type: 'json' };
import duplicates from './es-MX/duplicates.json' with { type: 'json' };
import calendars from './es-MX/calendars.json' with { type: 'json' };
import intake from './es-MX/intake.json' with { type: 'json' };
import trainingRecords from './es-MX/trainingRecords.json' with { type: 'json' };
import trainingSessions from './es-MX/trainingSessions.json' with { type: 'json' };
import trainingReports from './es-MX/trainingReports.json' with { type: 'json' };
import competencies from './es-MX/competencies.json' with { type: 'json' };
import training from './es-MX/training.json' with { type: 'json' };
import trainingNeeds from './es-MX/trainingNeeds.json' with { type: 'json' };
import procedure from './es-MX/procedure.json' with { type: 'json' };
import screening from './es-MX/screening.json' with { type: 'json' };
import scheduling from './es-MX/scheduling.json' with { type: 'json' };
import interviews from './es-MX/interviews.json' with { type: 'json' };
import coi from './es-MX/coi.json' with { type: 'json' };
import assessment from './es-MX/assessment.json' with { type: 'json' };
import decisions from './es-MX/decisions.json' with { type: 'json' };
import evaluations from './es-MX/evaluations.json' with { type: 'json' };
import trainingImpact from './es-MX/trainingImpact.json' with { type: 'json' };
import results from './es-MX/results.json' with { type: 'json' };
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
