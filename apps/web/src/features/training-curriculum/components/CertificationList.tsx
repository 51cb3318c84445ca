import { Button, Group, List, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TTrainer } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { removeCertification } from '../api/trainers.ts';

/** A trainer's certifications per module with their dates; the coordinator may withdraw one. */
export function CertificationList({ trainer, mayManage }: { trainer: TTrainer; mayManage: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const withdraw = useMutation({
    mutationFn: (moduleId: string) => removeCertification(trainer.id, moduleId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }),
  });
  if (trainer.certifications.length === 0) return <Text size="sm">—</Text>;
  return (
    <>
      <ErrorAlert error={withdraw.error} />
      <List size="sm" spacing={2} listStyleType="none" ml={0} pl={0}>
        {trainer.certifications.map((c) => (
          <List.Item key={c.moduleId}>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm">
                {`${c.moduleCode} (${formatDate(c.certifiedOn, language)})`}
                {c.expiresOn && ` ${t('training.trainers.until', { date: formatDate(c.expiresOn, language) })}`}
              </Text>
              {mayManage && (
                <Button size="compact-xs" variant="default" loading={withdraw.isPending && withdraw.variables === c.moduleId}
                  aria-label={t('training.trainers.withdrawNamed', { module: c.moduleCode, name: trainer.fullName })}
                  onClick={() => withdraw.mutate(c.moduleId)}>
                  {t('training.trainers.withdraw')}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </>
  );
}
