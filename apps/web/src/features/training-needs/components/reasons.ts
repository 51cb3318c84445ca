import type { TFunction } from 'i18next';
import type { TTrainingPlan } from '@refugio/domain';

/** A proposal's reason in words (the same sentences as the server's export). */
export function reasonText(t: TFunction, reason: TTrainingPlan['items'][number]['reasons'][number]): string {
  switch (reason.code) {
    case 'role_required': return t('trainingNeeds.reasons.role_required');
    case 'expired': return t('trainingNeeds.reasons.expired');
    case 'expiring': return t('trainingNeeds.reasons.expiring');
    case 'caseload': return t('trainingNeeds.reasons.caseload', { share: Math.round((reason.share ?? 0) * 100) });
    case 'prerequisite': return t('trainingNeeds.reasons.prerequisite', { module: reason.moduleCode ?? '' });
    case 'no_response': return t('trainingNeeds.reasons.no_response');
  }
}
