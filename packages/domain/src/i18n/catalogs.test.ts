/**
 * The catalogs are complete and lean: every language has every key, with the same {{params}},
 * and every key is used by some code. A key counts as used when its full dotted string appears
 * in the source of apps/ or packages/, or when it belongs to a family whose members the code
 * builds at run time (`errors.${code}.title`) and whose suffixes come from a list in code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../audit/audit.actions.ts';
import { parsePermission, PERMISSIONS, ROLE_CODES } from '../shared/permissions.ts';
import { INSTITUTION_KINDS, OFFICE_KINDS } from '../organisations/organisations.schemas.ts';
import { ERROR_CODES } from '../shared/errors.ts';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../shared/limits.ts';
import { composeProcedure } from '../compose-procedure.ts';
import { CLAIM_STATUSES, SAFEGUARD_SOURCE_KINDS, SAFEGUARD_STATES, STEP_CODES } from '../procedure/index.ts';
import { allEffects, allSafeguards } from '../procedure/server/index.ts';
import { GUARANTEE_STATUSES, INDICATOR_KINDS, SPECIALIST_REFERRAL_STATUSES, SPECIALISTS } from '../screening/index.ts';
import { flattenCatalog } from './catalog.ts';
import { catalogs } from './catalogs.ts';
import { APPEAL_RESULTS, COUNT_TYPES, INM_NOTICE_STATES, RESULT_COLUMN_KEYS, RESULT_RISK_BANDS, RSD_DIMENSIONS } from '../results/index.ts';
import { DEFINITION_TERMS } from '../results/server/index.ts';
import { SEXES } from '../intake/index.ts';
import { IMPACT_GROUPS, IMPACT_METRICS, IMPACT_PERIODS, IMPACT_VERDICTS } from '../training-impact/index.ts';
import { ACTION_KINDS, CRITERION_RATINGS, GOOD_PRACTICE_CRITERIA } from '../evaluations/index.ts';

// The steps' safeguards and effects, as the features register them.
composeProcedure();
const safeguards = allSafeguards();
const effects = allEffects();

const REPO = path.resolve(import.meta.dirname, '../../../..');
const SOURCE_DIRS = ['apps', 'packages'];
const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'data', 'coverage', '.vite']);
// Tests do not make a key used; this file would otherwise "use" every family prefix it lists.
const SKIPPED_FILES = /\.(test|spec)\.[cm]?[jt]sx?$/;

interface Family {
  /** Literal prefix the code concatenates with a run-time value. */
  prefix: string;
  /** Every suffix the code can produce, from the list it iterates over. */
  suffixes: readonly string[];
}

const FAMILIES: Family[] = [
  { prefix: 'errors.', suffixes: ERROR_CODES.flatMap((code) => [`${code}.title`, `${code}.detail`]) },
  { prefix: 'roles.names.', suffixes: ROLE_CODES },
  { prefix: 'permissions.labels.', suffixes: PERMISSIONS.map((code) => code.replaceAll(':', '_')) },
  { prefix: 'permissions.entities.', suffixes: [...new Set(PERMISSIONS.map((code) => parsePermission(code).entity))] },
  { prefix: 'audit.actions.', suffixes: AUDIT_ACTIONS },
  { prefix: 'organisations.institutionKinds.', suffixes: INSTITUTION_KINDS },
  { prefix: 'organisations.officeKinds.', suffixes: OFFICE_KINDS },
  { prefix: 'common.languages.', suffixes: LANGUAGES },
  { prefix: 'procedure.steps.', suffixes: STEP_CODES },
  { prefix: 'procedure.states.', suffixes: SAFEGUARD_STATES },
  { prefix: 'procedure.sourceKinds.', suffixes: SAFEGUARD_SOURCE_KINDS },
  { prefix: 'procedure.features.', suffixes: [...new Set([...safeguards, ...effects].map((e) => e.feature))] },
  { prefix: 'procedure.safeguards.', suffixes: safeguards.flatMap((s) => ['title', 'requirement', 'unmet', 'remedy'].map((k) => `${s.code}.${k}`)) },
  { prefix: 'procedure.effects.', suffixes: effects.flatMap((e) => [`${e.code}.title`, `${e.code}.description`]) },
  { prefix: 'intake.statuses.', suffixes: CLAIM_STATUSES },
  { prefix: 'screening.guarantees.statuses.', suffixes: GUARANTEE_STATUSES },
  { prefix: 'screening.indicators.kinds.', suffixes: INDICATOR_KINDS },
  { prefix: 'screening.referrals.specialists.', suffixes: SPECIALISTS },
  { prefix: 'screening.referrals.statuses.', suffixes: SPECIALIST_REFERRAL_STATUSES },
  { prefix: 'results.columns.', suffixes: RESULT_COLUMN_KEYS },
  { prefix: 'results.dimensions.', suffixes: RSD_DIMENSIONS },
  { prefix: 'results.countTypes.', suffixes: COUNT_TYPES },
  { prefix: 'results.sexes.', suffixes: SEXES },
  { prefix: 'results.riskBands.', suffixes: RESULT_RISK_BANDS },
  { prefix: 'results.noticeStates.', suffixes: INM_NOTICE_STATES },
  { prefix: 'results.appealResults.', suffixes: APPEAL_RESULTS },
  { prefix: 'results.definitionTerms.', suffixes: DEFINITION_TERMS },
  { prefix: 'results.definitions.', suffixes: DEFINITION_TERMS },
  { prefix: 'trainingImpact.metrics.', suffixes: IMPACT_METRICS },
  { prefix: 'trainingImpact.verdicts.', suffixes: IMPACT_VERDICTS },
  { prefix: 'trainingImpact.groups.', suffixes: IMPACT_GROUPS },
  { prefix: 'trainingImpact.cells.', suffixes: IMPACT_GROUPS.flatMap((g) => IMPACT_PERIODS.map((p) => `${g}_${p}`)) },
  { prefix: 'evaluations.criteria.', suffixes: GOOD_PRACTICE_CRITERIA },
  { prefix: 'evaluations.kinds.', suffixes: ACTION_KINDS },
  { prefix: 'evaluations.ratings.', suffixes: CRITERION_RATINGS },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(path.join(dir, entry.name));
    return SOURCE_EXTENSIONS.test(entry.name) && !SKIPPED_FILES.test(entry.name) ? [path.join(dir, entry.name)] : [];
  });
}

/** Dotted identifiers in the source (`users.fields.email`), whole: `common.save` is not found in `common.saved`. */
function dottedTokens(source: string): Set<string> {
  return new Set(source.match(/[A-Za-z_][\w-]*(?:\.[\w-]+)+/g) ?? []);
}

function paramsOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').toSorted();
}

/** Keys neither written out in the source nor produced by a family that the source builds. */
function unusedKeys(keys: Iterable<string>, source: string, families: Family[]): string[] {
  const tokens = dottedTokens(source);
  const generated = new Set(
    families.filter((f) => source.includes(f.prefix)).flatMap((f) => f.suffixes.map((s) => f.prefix + s)),
  );
  return [...keys].filter((key) => !tokens.has(key) && !generated.has(key)).toSorted();
}

const flat = Object.fromEntries(LANGUAGES.map((lng) => [lng, flattenCatalog(catalogs[lng])])) as Record<
  (typeof LANGUAGES)[number], Map<string, string>
>;
const reference = flat[DEFAULT_LANGUAGE];

describe('catalogs', () => {
  it.each(LANGUAGES.filter((lng) => lng !== DEFAULT_LANGUAGE))('%s has exactly the keys of es-MX', (lng) => {
    const keys = new Set(flat[lng].keys());
    const missing = [...reference.keys()].filter((key) => !keys.has(key));
    const extra = [...keys].filter((key) => !reference.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('has no empty strings', () => {
    const empty = LANGUAGES.flatMap((lng) => [...flat[lng]].filter(([, v]) => v.trim() === '').map(([k]) => `${lng}:${k}`));
    expect(empty).toEqual([]);
  });

  it('uses the same {{params}} in every language', () => {
    const mismatched = [...reference].flatMap(([key, template]) =>
      LANGUAGES.filter((lng) => paramsOf(flat[lng].get(key) ?? '').join() !== paramsOf(template).join()).map((lng) => `${lng}:${key}`),
    );
    expect(mismatched).toEqual([]);
  });

  it('has a key for every member of every family the code builds', () => {
    const missing = FAMILIES.flatMap((f) => f.suffixes.map((s) => f.prefix + s)).filter((key) => !reference.has(key));
    expect(missing).toEqual([]);
  });

  it('has no unused keys', () => {
    const source = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(REPO, dir)))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(unusedKeys(reference.keys(), source, FAMILIES)).toEqual([]);
  });
});

describe('unusedKeys', () => {
  const families: Family[] = [{ prefix: 'roles.names.', suffixes: ['admin'] }];

  it('reports a key that no source mentions, and not a longer key that contains it', () => {
    const source = "t('common.saved'); t(`roles.names.${code}`)";
    expect(unusedKeys(['common.save', 'common.saved', 'roles.names.admin', 'roles.names.ghost'], source, families))
      .toEqual(['common.save', 'roles.names.ghost']);
  });

  it('does not honour a family whose prefix the source never builds', () => {
    expect(unusedKeys(['roles.names.admin'], "t('common.saved')", families)).toEqual(['roles.names.admin']);
  });
});
