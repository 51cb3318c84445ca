import { BarChart, LineChart } from '@mantine/charts';
import type { TResultTable } from '@refugio/domain';

const COLORS = ['blue.8', 'teal.8', 'orange.8', 'grape.8', 'red.8', 'gray.7'];

/**
 * A table drawn as the chart its `chart` spec names. The table below it carries the same numbers
 * (and the suppressed ones, which the chart leaves out), so the chart is decoration for sighted
 * readers and the table is what screen readers use.
 */
export function ResultChart({ table }: { table: TResultTable }) {
  const spec = table.chart;
  if (!spec || table.rows.length === 0) return null;
  const series = spec.series.map((index, i) => ({ name: table.headers[index] ?? String(index), color: COLORS[i % COLORS.length]! }));
  const data = table.rows.map((row) => {
    const point: Record<string, string | number | null> = { category: String(row[spec.category] ?? '') };
    spec.series.forEach((index, i) => {
      const value = row[index];
      point[series[i]!.name] = typeof value === 'number' ? value : null;
    });
    return point;
  });
  const common = { h: 260, data, dataKey: 'category', series, withLegend: true, tickLine: 'y' as const };
  return (
    <figure aria-label={table.title} style={{ margin: 0 }}>
      {spec.kind === 'line'
        ? <LineChart {...common} connectNulls={false} />
        : <BarChart {...common} type={spec.kind === 'stacked' ? 'stacked' : 'default'} />}
    </figure>
  );
}
