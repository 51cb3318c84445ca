/** Every catalog section in English; loaded on its own so a page downloads one language. */
import errors from './en/errors.json' with { type: 'json' };
import validation from './en/validation.json' with { type: 'json' };
import common from './en/common.json' with { type: 'json' };
import auth from './en/auth.json' with { type: 'json' };
import shell from './en/shell.json' with { type: 'json' };
import home from './en/home.json' with { type: 'json' };
import account from './en/account.json' with { type: 'json' };
import users from './en/users.json' with { type: 'json' };
import roles from './en/roles.json' with { type: 'json' };
import permissions from './en/permissions.json' with { type: 'json' };
import organisations from './en/organisations.json' with { type: 'json' };
import audit from './en/audit.json' with { type: 'json' };
import duplicates from './en/duplicates.json' with { type: 'json' };
import calendars from './en/calendars.json' with { type: 'json' };
import intake from './en/intake.json' with { type: 'json' };
import trainingRecords from './en/trainingRecords.json' with { type: 'json' };
import trainingSessions from './en/trainingSessions.json' with { type: 'json' };
import trainingReports from './en/trainingReports.json' with { type: 'json' };
import competencies from './en/competencies.json' with { type: 'json' };
import training from './en/training.json' with { type: 'json' };
import trainingNeeds from './en/trainingNeeds.json' with { type: 'json' };
import procedure from './en/procedure.json' with { type: 'json' };
import screening from './en/screening.json' with { type: 'json' };
import scheduling from './en/scheduling.json' with { type: 'json' };
import interviews from './en/interviews.json' with { type: 'json' };
import coi from './en/coi.json' with { type: 'json' };
import assessment from './en/assessment.json' with { type: 'json' };
import decisions from './en/decisions.json' with { type: 'json' };
import evaluations from './en/evaluations.json' with { type: 'json' };
import trainingImpact from './en/trainingImpact.json' with { type: 'json' };
import results from './en/results.json' with { type: 'json' };
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
