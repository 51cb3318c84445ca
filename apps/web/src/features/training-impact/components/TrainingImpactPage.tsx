import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { CoverageSection } from './CoverageSection.tsx';
import { ImpactSection } from './ImpactSection.tsx';

/** The training coordinator's dashboard: today's coverage of the required competencies and the impact of an action. */
export function TrainingImpactPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageHeader title={t('trainingImpact.title')} description={t('trainingImpact.description')} />
      <CoverageSection />
      <ImpactSection />
    </Stack>
  );
}
