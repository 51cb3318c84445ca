import type { ResultView } from '@refugio/domain';

/** What a dashboard tab may check about the reader: their permission codes. */
export type Permissions = readonly string[];

const has = (p: Permissions, code: string) => p.includes(code);
const hasAny = (p: Permissions, prefix: string) => p.some((c) => c.startsWith(prefix));

export interface ResultsDashboard {
  key: string;
  labelKey: string;
  descriptionKey: string;
  /** The API view the tab shows (its tables, charts and downloads). */
  view: ResultView;
  allowed: (permissions: Permissions) => boolean;
}

/**
 * The results page's tabs, one per dashboard, each shown to the roles it serves (ADR 042). A
 * dashboard built elsewhere (the training coordinator's coverage and impact) is added here as one
 * more entry with its own view; nothing else on the page changes.
 */
export const RESULTS_DASHBOARDS: ResultsDashboard[] = [
  // The supervisor's office: workload, risk bands, deadlines.
  {
    key: 'office', labelKey: 'results.dashboards.office', descriptionKey: 'results.dashboards.officeDescription', view: 'office',
    allowed: (p) => has(p, 'read:results:office') && !has(p, 'read:results:all') && !has(p, 'read:results:institution'),
  },
  // The national head's offices compared and trends; the observer's aggregates (suppressed by the API).
  {
    key: 'national', labelKey: 'results.dashboards.national', descriptionKey: 'results.dashboards.nationalDescription', view: 'national',
    allowed: (p) => has(p, 'read:results:all') || has(p, 'read:results:institution') || (hasAny(p, 'read:report:') && !hasAny(p, 'read:results:')),
  },
  {
    key: 'deadlines', labelKey: 'results.dashboards.deadlines', descriptionKey: 'results.dashboards.deadlinesDescription', view: 'deadlines',
    allowed: (p) => hasAny(p, 'read:report:'),
  },
  {
    key: 'quality', labelKey: 'results.dashboards.quality', descriptionKey: 'results.dashboards.qualityDescription', view: 'quality',
    allowed: (p) => hasAny(p, 'read:report:'),
  },
  {
    key: 'rsd', labelKey: 'results.dashboards.rsd', descriptionKey: 'results.dashboards.rsdDescription', view: 'rsd',
    allowed: (p) => hasAny(p, 'read:report:'),
  },
];
