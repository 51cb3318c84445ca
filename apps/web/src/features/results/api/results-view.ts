import { useQuery } from '@tanstack/react-query';
import { ZResultsView, type ResultView } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** One results view for a period (year 2025, quarter 2025-Q3, month 2025-07). */
export function useResultsView(view: ResultView, period: string) {
  return useQuery({
    queryKey: ['results', view, period],
    queryFn: () => apiRequest(`/api/results/${view}`, { query: { period }, schema: ZResultsView }),
  });
}

/** Where a table of a view downloads; `outside` marks an export for outside use (small numbers suppressed). */
export function resultsDownloadHref(view: ResultView, period: string, table: string, format: 'csv' | 'xlsx', outside = false): string {
  const params = new URLSearchParams({ period, table, format, ...(outside ? { audience: 'outside' } : {}) });
  return `/api/results/${view}?${params}`;
}
