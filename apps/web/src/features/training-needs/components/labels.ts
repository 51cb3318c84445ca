import type { CAMPAIGN_STATUSES, PlanPriority } from '@refugio/domain';

// Catalog keys written out, so the catalog test sees each one used.
export const CAMPAIGN_STATUS_LABEL: Record<(typeof CAMPAIGN_STATUSES)[number], string> = {
  draft: 'trainingNeeds.statuses.draft',
  open: 'trainingNeeds.statuses.open',
  closed: 'trainingNeeds.statuses.closed',
};

export const PRIORITY_LABEL: Record<PlanPriority, string> = {
  high: 'trainingNeeds.priorities.high',
  medium: 'trainingNeeds.priorities.medium',
  low: 'trainingNeeds.priorities.low',
};

/** Self-assessed levels 0–3. */
export const SELF_LEVEL_LABEL = [
  'trainingNeeds.selfLevels.none',
  'trainingNeeds.selfLevels.basic',
  'trainingNeeds.selfLevels.confident',
  'trainingNeeds.selfLevels.expert',
] as const;
