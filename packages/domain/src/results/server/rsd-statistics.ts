import type { Queryable } from '@refugio/db';
import { translate } from '../../i18n/catalogs.ts';
import type { Language } from '../../shared/limits.ts';
import {
  parsePeriod, recognitionRate, suppressCount, suppressRate, totalProtectionRate, type Period, type RsdDimension,
} from '../results.rules.ts';
import type { TResultsQuery, TResultTable } from '../results.schemas.ts';
import { officeScopeSql, type ResultsReader } from './results-reader.ts';

/** One cell of the UNHCR table before presentation: its dimensions, the count type and the counts. */
export interface RsdCell {
  dims: Record<RsdDimension, string | undefined>;
  countType: 'P' | 'C';
  pendingStart: number;
  applied: number;
  convention: number;
  cartagena: number;
  surPlace: number;
  complementary: number;
  rejected: number;
  otherwiseClosed: number;
  pendingEnd: number;
}

const DIM_COLUMN: Record<RsdDimension, string> = { office: 'office_id', origin: 'origin', sex: 'sex', age_group: 'age_group' };

/**
 * The figures of UNHCR's RSD table for a period (domain.md §9), first instance, per cell of the
 * chosen dimensions and count type, from the monthly summaries (ADR 040): pending at the start is
 * everything applied before the period minus everything decided before it; pending at the end
 * likewise up to its last month. Exclusion counts as rejected, abandonment and withdrawal as
 * otherwise closed.
 */
export async function rsdCells(db: Queryable, reader: ResultsReader, period: Period, by: readonly RsdDimension[]): Promise<RsdCell[]> {
  const params: unknown[] = [period.from, period.toMonth];
  const scope = officeScopeSql(reader, 'office_id', params);
  const dims = by.map((d) => DIM_COLUMN[d]);
  const keys = [...dims, 'count_type'].join(', ');
  const { rows } = await db.query<Record<string, string | number | null>>(
    `WITH a AS (
       SELECT ${keys}, sum(n) FILTER (WHERE month < $1)::int AS before, sum(n) FILTER (WHERE month >= $1 AND month <= $2)::int AS applied,
              sum(n) FILTER (WHERE month <= $2)::int AS upto
         FROM results_applications WHERE ${scope} GROUP BY ${keys}),
     d AS (
       SELECT ${keys}, sum(n) FILTER (WHERE month < $1)::int AS before, sum(n) FILTER (WHERE month <= $2)::int AS upto,
              sum(n) FILTER (WHERE month >= $1 AND month <= $2 AND outcome = 'refugee_convention')::int AS convention,
              sum(n) FILTER (WHERE month >= $1 AND month <= $2 AND outcome = 'refugee_cartagena')::int AS cartagena,
              sum(n) FILTER (WHERE month >= $1 AND month <= $2 AND outcome = 'refugee_sur_place')::int AS sur_place,
              sum(n) FILTER (WHERE month >= $1 AND month <= $2 AND outcome = 'complementary_protection')::int AS complementary,
              sum(n) FILTER (WHERE month >= $1 AND month <= $2 AND outcome IN ('rejected', 'excluded'))::int AS rejected,
              sum(n) FILTER (WHERE month >= $1 AND month <= $2 AND outcome IN ('abandoned', 'withdrawn'))::int AS otherwise_closed
         FROM results_first_decisions WHERE ${scope} GROUP BY ${keys})
     SELECT ${[...dims, 'count_type'].map((k) => `coalesce(a.${k}::text, d.${k}::text) AS ${k}`).join(', ')},
            coalesce(a.before, 0) - coalesce(d.before, 0) AS pending_start, coalesce(a.applied, 0) AS applied,
            coalesce(d.convention, 0) AS convention, coalesce(d.cartagena, 0) AS cartagena, coalesce(d.sur_place, 0) AS sur_place,
            coalesce(d.complementary, 0) AS complementary, coalesce(d.rejected, 0) AS rejected, coalesce(d.otherwise_closed, 0) AS otherwise_closed,
            coalesce(a.upto, 0) - coalesce(d.upto, 0) AS pending_end
       FROM a FULL JOIN d USING (${keys})`, params);
  const officeNames = by.includes('office') ? await officeNamesOf(db) : new Map<string, string>();
  return rows
    .map((r) => ({
      dims: {
        office: r.office_id == null ? undefined : officeNames.get(String(r.office_id)) ?? String(r.office_id),
        origin: r.origin == null ? undefined : String(r.origin),
        sex: r.sex == null ? undefined : String(r.sex),
        age_group: r.age_group == null ? undefined : String(r.age_group),
      },
      countType: r.count_type as 'P' | 'C',
      pendingStart: Number(r.pending_start), applied: Number(r.applied), convention: Number(r.convention), cartagena: Number(r.cartagena),
      surPlace: Number(r.sur_place), complementary: Number(r.complementary), rejected: Number(r.rejected),
      otherwiseClosed: Number(r.otherwise_closed), pendingEnd: Number(r.pending_end),
    }))
    .filter((c) => c.pendingStart || c.applied || c.pendingEnd || c.convention || c.cartagena || c.surPlace || c.complementary || c.rejected
      || c.otherwiseClosed)
    .toSorted((x, y) => {
      for (const d of by) {
        const diff = (x.dims[d] ?? '').localeCompare(y.dims[d] ?? '', 'es');
        if (diff !== 0) return diff;
      }
      return y.countType.localeCompare(x.countType);
    });
}

async function officeNamesOf(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; name: string }>('SELECT id, name FROM offices');
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Adds up cells (the table's total rows). */
function sumCells(cells: readonly RsdCell[], countType: 'P' | 'C'): RsdCell {
  const total: RsdCell = { dims: { office: undefined, origin: undefined, sex: undefined, age_group: undefined }, countType, pendingStart: 0,
    applied: 0, convention: 0, cartagena: 0, surPlace: 0, complementary: 0, rejected: 0, otherwiseClosed: 0, pendingEnd: 0 };
  for (const c of cells.filter((x) => x.countType === countType)) {
    total.pendingStart += c.pendingStart; total.applied += c.applied; total.convention += c.convention; total.cartagena += c.cartagena;
    total.surPlace += c.surPlace; total.complementary += c.complementary; total.rejected += c.rejected;
    total.otherwiseClosed += c.otherwiseClosed; total.pendingEnd += c.pendingEnd;
  }
  return total;
}

function dimensionLabel(language: Language, dim: RsdDimension, value: string | undefined): string {
  if (value === undefined) return translate(language, 'results.total');
  if (dim === 'sex') return translate(language, `results.sexes.${value}`);
  if (dim === 'age_group' && value === 'unknown') return translate(language, 'results.ageUnknown');
  if (dim === 'origin' && value === 'UNK') return translate(language, 'results.originUnknown');
  return value;
}

/** The UNHCR table's column keys after the dimensions, in the order of the annual statistical tables. */
export const RSD_COLUMNS = ['countType', 'pendingStart', 'applied', 'convention', 'cartagena', 'surPlace', 'recognised', 'complementary',
  'rejected', 'otherwiseClosed', 'totalDecisions', 'pendingEnd', 'recognitionRate', 'totalProtectionRate'] as const;

/** One row as the reader may see it: counts suppressed below the threshold for observers and outside exports. */
function presentCell(reader: ResultsReader, by: readonly RsdDimension[], c: RsdCell): Array<string | number | null> {
  const lang = reader.actor.language;
  const recognised = c.convention + c.cartagena + c.surPlace;
  const counts = { recognised, complementary: c.complementary, rejected: c.rejected };
  const onMerits = recognised + c.complementary + c.rejected;
  const n = (v: number) => (reader.suppress ? suppressCount(v, reader.threshold) : v);
  const rate = (v: number | null) => (reader.suppress ? suppressRate(v, onMerits, reader.threshold) : v);
  return [
    ...by.map((d) => dimensionLabel(lang, d, c.dims[d])),
    translate(lang, `results.countTypes.${c.countType}`),
    n(c.pendingStart), n(c.applied), n(c.convention), n(c.cartagena), n(c.surPlace), n(recognised), n(c.complementary), n(c.rejected),
    n(c.otherwiseClosed), n(onMerits + c.otherwiseClosed), n(c.pendingEnd),
    rate(recognitionRate(counts)), rate(totalProtectionRate(counts)),
  ];
}

/** UNHCR's RSD table for the period: one row per cell, then the totals in persons and in cases. */
export async function rsdTable(db: Queryable, reader: ResultsReader, query: Pick<TResultsQuery, 'period' | 'by'>): Promise<TResultTable> {
  const period = parsePeriod(query.period)!;
  const by = [...new Set(query.by.split(','))] as RsdDimension[];
  const cells = await rsdCells(db, reader, period, by);
  const lang = reader.actor.language;
  return {
    key: 'rsd',
    title: translate(lang, 'results.tables.rsd', { period: period.label }),
    headers: [...by.map((d) => translate(lang, `results.dimensions.${d}`)), ...RSD_COLUMNS.map((c) => translate(lang, `results.columns.${c}`))],
    rows: [...cells, sumCells(cells, 'P'), sumCells(cells, 'C')].map((c) => presentCell(reader, by, c)),
    chart: null,
  };
}
