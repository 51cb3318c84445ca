import { Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TNextStep } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { useNextSteps } from '../api/procedure.ts';
import { SafeguardLine } from './SafeguardLine.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function StepVerdict({ step }: { step: TNextStep }) {
  const { t } = useTranslation();
  if (!step.permitted) return <StateBadge tone="neutral" look="outline">{t('procedure.nextSteps.notPermitted')}</StateBadge>;
  return step.allowed
    ? <StateBadge tone="positive">{t('procedure.nextSteps.possible')}</StateBadge>
    : <StateBadge tone="negative">{t('procedure.nextSteps.blocked')}</StateBadge>;
}

/**
 * The claim's checklist (ADR 019): for its current status, each step the procedure allows, whether
 * the reader may take it, and every safeguard as it stands, with what is missing and its source.
 */
export function NextStepsCard({ claimId, version }: { claimId: string; version: number }) {
  const { t } = useTranslation();
  const steps = useNextSteps(claimId, version);
  return (
    <Card withBorder component="section" aria-labelledby="next-steps-title">
      <Title order={2} size="h4" id="next-steps-title">{t('procedure.nextSteps.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('procedure.nextSteps.intro')}</Text>
      {steps.isPending ? <LoadingState /> : !steps.data ? <ErrorAlert error={steps.error} /> : steps.data.steps.length === 0
        ? <Text size="sm">{t('procedure.nextSteps.none')}</Text>
        : (
          <List listStyleType="none" spacing="sm" aria-label={t('procedure.nextSteps.title')}>
            {steps.data.steps.map((step) => (
              <List.Item key={step.step} data-step={step.step}>
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" fw={600}>{t(`procedure.steps.${step.step}`)}</Text>
                    <StepVerdict step={step} />
                  </Group>
                  {step.to && step.to !== steps.data.status && (
                    <Text size="xs" c="dimmed">{t('procedure.nextSteps.leadsTo', { status: t(`intake.statuses.${step.to}`) })}</Text>
                  )}
                  {step.safeguards.map((s) => <SafeguardLine key={s.code} safeguard={s} />)}
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
    </Card>
  );
}
