import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { ZNextSteps, ZStepEntry, type TSafeguardSwitch } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** Under the claims key, so whatever refreshes a claim refreshes its next steps too. */
export const nextStepsKey = (claimId: string, version: number) => ['claims', claimId, 'next-steps', version] as const;
export const PROCEDURE_KEY = ['procedure'] as const;

export function useNextSteps(claimId: string, version: number) {
  return useQuery({
    queryKey: nextStepsKey(claimId, version),
    queryFn: () => apiRequest(`/api/claims/${claimId}/next-steps`, { schema: ZNextSteps }),
  });
}

export function useProcedureSteps() {
  return useQuery({ queryKey: [...PROCEDURE_KEY, 'steps'], queryFn: () => apiRequest('/api/procedure/steps', { schema: z.array(ZStepEntry) }) });
}

const ZSetting = z.object({ safeguardCode: z.string(), institutionId: z.string(), enabled: z.boolean(), reason: z.string(), version: z.number() });

export function switchSafeguard(code: string, body: TSafeguardSwitch) {
  return apiRequest(`/api/procedure/safeguards/${code}`, { method: 'PUT', body, schema: ZSetting });
}
