import { z } from 'zod';
import { parsePeriod, RSD_DIMENSIONS } from './results.rules.ts';

export const RESULT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export const RESULT_AUDIENCES = ['internal', 'outside'] as const;

/** The results' views, each a set of tables (every chart is drawn from one of them). */
export const RESULT_VIEWS = ['rsd', 'deadlines', 'quality', 'office', 'national'] as const;
export type ResultView = (typeof RESULT_VIEWS)[number];

const dimension = `(${RSD_DIMENSIONS.join('|')})`;

export const ZResultsQuery = z.strictObject({
  // A year (2025), a quarter (2025-Q3) or a month (2025-07).
  period: z.string().refine((p) => parsePeriod(p) !== null, { message: 'validation.results_period' }),
  // The breakdown of the UNHCR table, comma-separated: office, origin, sex, age_group.
  by: z.string().regex(new RegExp(`^${dimension}(,${dimension})*$`), { message: 'validation.results_dimensions' }).default('office,origin'),
  format: z.enum(RESULT_FORMATS).default('json'),
  // Which table of the view to download (CSV or XLSX); the UNHCR table's workbook holds its definitions too.
  table: z.string().regex(/^[a-z_]{1,40}$/, { message: 'validation.results_table' }).optional(),
  // "outside": an export for outside use, with small numbers suppressed whoever downloads it.
  audience: z.enum(RESULT_AUDIENCES).default('internal'),
});
export type TResultsQuery = z.infer<typeof ZResultsQuery>;

const ZCell = z.union([z.string(), z.number(), z.null()]);

/** How the web app draws a table: a category column and the numeric columns plotted as series. */
export const ZResultChart = z.object({
  kind: z.enum(['bar', 'stacked', 'line']),
  category: z.number().int(),
  series: z.array(z.number().int()),
});

export const ZResultTable = z.object({
  key: z.string(),
  title: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(ZCell)),
  chart: ZResultChart.nullable(),
});
export type TResultTable = z.infer<typeof ZResultTable>;

export const ZResultsView = z.object({
  view: z.enum(RESULT_VIEWS),
  period: z.string(),
  // When the summaries these figures come from were rebuilt (ISO instant); null before the first refresh.
  asOf: z.string().nullable(),
  suppressed: z.boolean(),
  threshold: z.number(),
  tables: z.array(ZResultTable),
  // Definitions of the figures, one [term, definition] per line (the UNHCR workbook's second sheet).
  definitions: z.array(z.tuple([z.string(), z.string()])),
});
export type TResultsView = z.infer<typeof ZResultsView>;
