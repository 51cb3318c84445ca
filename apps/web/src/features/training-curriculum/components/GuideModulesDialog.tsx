import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { useTrainingModules } from '../api/training-curriculum.ts';
import { CURRICULUM_KEY, setGuideModule } from '../api/training-curriculum.ts';

interface Props {
  code: string;
  linkedIds: string[];
  opened: boolean;
  onClose: () => void;
}

/** The modules a guide is read for: each box links or unlinks at once (every language and version follows). */
export function GuideModulesDialog({ code, linkedIds, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const modules = useTrainingModules();
  const toggle = useMutation({
    mutationFn: ({ moduleId, linked }: { moduleId: string; linked: boolean }) => setGuideModule(code, moduleId, linked),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CURRICULUM_KEY }),
  });
  return (
    <FormModal opened={opened} onClose={onClose} title={t('training.guides.modulesOf', { code })}>
      <Stack>
        <Text size="sm">{t('training.guides.modulesHint')}</Text>
        <ErrorAlert error={toggle.error} />
        <Fieldset legend={t('training.guides.modules')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(modules.data ?? []).map((m) => (
              <Checkbox key={m.id} label={`${m.code} · ${m.title}`} checked={linkedIds.includes(m.id)} disabled={toggle.isPending}
                onChange={(e) => toggle.mutate({ moduleId: m.id, linked: e.currentTarget.checked })} />
            ))}
          </SimpleGrid>
        </Fieldset>
      </Stack>
    </FormModal>
  );
}
