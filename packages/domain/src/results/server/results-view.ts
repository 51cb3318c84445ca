import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, parsePeriod } from '../results.rules.ts';
import type { ResultView, TResultsQuery, TResultsView, TResultTable } from '../results.schemas.ts';
import { appealWindows, decisionTimesByMonth, decisionTimesByOffice, decisionTimesTrend, inmNotices, openClaimsByAge, openClaimsByRisk } from './deadline-results.ts';
import { monthlyTrend, officesCompared, topOrigins } from './national-results.ts';
import { officerWorkload } from './office-results.ts';
import { appealOutcomes, interviewQuality, reviewReasons, reviews } from './quality-results.ts';
import { resultsAsOf } from './refresh-results.ts';
import { resultsReader, type ResultsReader } from './results-reader.ts';
import { rsdTable } from './rsd-statistics.ts';

/** The terms every results view defines (the UNHCR workbook's second sheet). */
export const DEFINITION_TERMS = ['countType', 'applied', 'pendingStart', 'pendingEnd', 'recognised', 'complementary', 'rejected', 'otherwiseClosed',
  'recognitionRate', 'totalProtectionRate', 'origin', 'ageGroup', 'workingDays', 'withinTerm', 'withinExtension', 'percentiles', 'cohort',
  'guaranteesMetBefore', 'checklistComplete', 'asOf', 'suppression'] as const;

type Builder = (db: Queryable, reader: ResultsReader, query: TResultsQuery) => Promise<TResultTable[]>;

const VIEWS: Record<ResultView, Builder> = {
  rsd: async (db, reader, query) => [await rsdTable(db, reader, query)],
  deadlines: async (db, reader, query) => {
    const period = parsePeriod(query.period)!;
    return Promise.all([decisionTimesByOffice(db, reader, period), decisionTimesByMonth(db, reader, period), openClaimsByAge(db, reader),
      inmNotices(db, reader, period), appealWindows(db, reader, period)]);
  },
  quality: async (db, reader, query) => {
    const period = parsePeriod(query.period)!;
    return Promise.all([reviews(db, reader, period), reviewReasons(db, reader, period), appealOutcomes(db, reader, period),
      interviewQuality(db, reader, period)]);
  },
  // The supervisor's office: workload, risk bands, deadlines. Readers of suppressed aggregates get no per-officer table.
  office: async (db, reader, query) => {
    const period = parsePeriod(query.period)!;
    return Promise.all([...(reader.suppress ? [] : [officerWorkload(db, reader)]), openClaimsByRisk(db, reader), openClaimsByAge(db, reader),
      decisionTimesTrend(db, reader, period)]);
  },
  // The national head's (and, suppressed, the observer's): offices compared, trends, origins.
  national: async (db, reader, query) => {
    const period = parsePeriod(query.period)!;
    return Promise.all([officesCompared(db, reader, period), monthlyTrend(db, reader, period), topOrigins(db, reader, period)]);
  },
};

export interface ResultsViewOptions {
  view: ResultView;
  query: TResultsQuery;
  /** Cells under it are suppressed for observers and outside exports (REFUGIO_SUPPRESSION_THRESHOLD). */
  threshold?: number | undefined;
}

/** One results view for the reader: its tables within their scope, suppressed when they must be, with the time the figures are as of. */
export async function getResultsView(db: Queryable, ctx: RequestContext, options: ResultsViewOptions): Promise<TResultsView> {
  const actor = actorOf(ctx);
  const reader = resultsReader(actor, options.query.audience, options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD);
  const [tables, asOf] = await Promise.all([VIEWS[options.view](db, reader, options.query), resultsAsOf(db)]);
  return {
    view: options.view, period: options.query.period, asOf, suppressed: reader.suppress, threshold: reader.threshold, tables,
    definitions: DEFINITION_TERMS.map((term) => [translate(actor.language, `results.definitionTerms.${term}`),
      translate(actor.language, `results.definitions.${term}`, { threshold: reader.threshold })]),
  };
}
