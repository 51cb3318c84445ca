import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ZReportTable, ZTrainingAction, ZTrainingImpact } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ImpactParams { moduleId: string; from: string; to: string; months: number }

export const impactQueryString = (p: ImpactParams, format?: 'csv' | 'xlsx') =>
  new URLSearchParams({ moduleId: p.moduleId, from: p.from, to: p.to, months: String(p.months), ...(format ? { format } : {}) }).toString();

export function useTrainingActions() {
  return useQuery({ queryKey: ['training-impact', 'actions'], queryFn: () => apiRequest('/api/training/impact/actions', { schema: z.array(ZTrainingAction) }) });
}

export function useTrainingImpact(params: ImpactParams | null) {
  return useQuery({
    queryKey: ['training-impact', params],
    enabled: params !== null,
    queryFn: () => apiRequest(`/api/training/impact?${impactQueryString(params!)}`, { schema: ZTrainingImpact }),
  });
}

/** Today's coverage of the required competencies (the training reports' table), for the dashboard's chart. */
export function useCoverage() {
  // Coverage is today's; the report only needs a valid period, the current year.
  const [year] = useState(() => new Date().getFullYear());
  return useQuery({
    queryKey: ['training-impact', 'coverage'],
    queryFn: () => apiRequest('/api/training/reports/coverage', { query: { from: `${year}-01-01`, to: `${year}-12-31` }, schema: ZReportTable }),
  });
}
