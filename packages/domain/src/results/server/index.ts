// Public server surface of the results feature (ADR 040–042): the summaries' periodic refresh, the
// views (UNHCR table, deadlines, quality, the office and national dashboards) and their exports.
export { refreshResults, refreshResultsIfStale, resultsAsOf, RESULT_SUMMARIES, type RefreshResult } from './refresh-results.ts';
export { getResultsView, DEFINITION_TERMS, type ResultsViewOptions } from './results-view.ts';
export { resultTableCsv, resultTableXlsx } from './export-results.ts';
