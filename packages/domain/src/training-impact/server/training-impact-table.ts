import type { Language } from '../../shared/limits.ts';
import { translate } from '../../i18n/catalogs.ts';
import type { ReportTable } from '../../training/server/index.ts';
import type { ImpactMetric } from '../training-impact.rules.ts';
import type { TTrainingImpact } from '../training-impact.schemas.ts';

/** Days with one decimal; shares as percentages with one decimal (the table people read). */
function figure(metric: ImpactMetric, value: number | null): number | null {
  if (value === null) return null;
  return metric === 'working_days' ? Math.round(value * 10) / 10 : Math.round(value * 1000) / 10;
}

/** A suppressed count (null) is written "<5". */
const count = (n: number | null) => (n === null ? '<5' : n);

/**
 * The comparison as a table for CSV and XLSX: one row per measure with the four cells (figure and
 * decisions behind it), the difference in differences, its 95 % interval and the verdict.
 * Suppressed counts (under 5, ADR 046) are written "<5".
 */
export function trainingImpactTable(impact: TTrainingImpact, language: Language): ReportTable {
  const t = (key: string, params?: Record<string, string | number>) => translate(language, key, params);
  const cells = ['trained_before', 'trained_after', 'untrained_before', 'untrained_after'] as const;
  return {
    title: t('trainingImpact.export.title', { module: impact.module.code }),
    headers: [t('trainingImpact.columns.measure'), ...cells.flatMap((c) => [t(`trainingImpact.cells.${c}`), t('trainingImpact.columns.decisions', { cell: t(`trainingImpact.cells.${c}`) })]),
      t('trainingImpact.columns.estimate'), t('trainingImpact.columns.low'), t('trainingImpact.columns.high'), t('trainingImpact.columns.verdict')],
    rows: impact.metrics.map((m) => [
      t(`trainingImpact.metrics.${m.metric}`),
      ...cells.flatMap((c) => [figure(m.metric, m.cells[c].mean), count(m.cells[c].n)]),
      figure(m.metric, m.estimate), figure(m.metric, m.low), figure(m.metric, m.high), t(`trainingImpact.verdicts.${m.verdict}`),
    ]),
  };
}
