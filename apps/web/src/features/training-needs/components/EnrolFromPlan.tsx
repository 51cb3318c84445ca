import { useState } from 'react';
import { Anchor, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TEnrolResult } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { FORMAT_LABEL } from '../../../lib/training-labels.ts';
import { TRAINING_SESSIONS_KEY } from '../../../lib/training-sessions-key.ts';
import { useMe } from '../../auth/index.ts';
import { enrolStaff, EnrolResultStatus, useTrainingSessions } from '../../training-sessions/index.ts';

/**
 * Acting on the plan: the people it proposes for one module are enrolled in a session of that
 * module in one step (the enrolment rules apply: capacity then waiting list, prerequisites named).
 */
export function EnrolFromPlan({ moduleId, moduleCode, people }: { moduleId: string; moduleCode: string; people: Array<{ userId: string; fullName: string }> }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [sessionId, setSessionId] = useState('');
  const [result, setResult] = useState<TEnrolResult | null>(null);
  const me = useMe();
  const sessions = useTrainingSessions();
  // Sessions the coordinator may enrol into: their institution's, not yet started or finished.
  const open = (sessions.data ?? []).filter((s) => s.moduleId === moduleId && s.institutionId === me.data?.institution.id
    && (s.status === 'planned' || s.status === 'open'));
  const enrol = useMutation({
    mutationFn: () => enrolStaff(sessionId, { userIds: people.map((p) => p.userId), prerequisiteOverrideReason: null }),
    onSuccess: (r) => { setResult(r); void queryClient.invalidateQueries({ queryKey: TRAINING_SESSIONS_KEY }); },
  });
  const label = (s: (typeof open)[number]) => {
    const day = s.onlineStartsOn ?? s.firstDay;
    return [s.code, t(FORMAT_LABEL[s.format]), day ? formatDate(day, language) : null,
      t('trainingNeeds.enrol.places', { enrolled: s.enrolled, capacity: s.capacity })].filter(Boolean).join(' · ');
  };
  const title = t('trainingNeeds.enrol.title', { module: moduleCode });
  return (
    <>
      <Button size="compact-sm" variant="default" aria-label={title} onClick={() => { setResult(null); setOpened(true); }}>
        {t('trainingNeeds.enrol.button', { count: people.length })}
      </Button>
      <FormModal opened={opened} title={title} onClose={() => setOpened(false)}>
        <Stack>
          <Text size="sm">{people.map((p) => p.fullName).join(', ')}</Text>
          {open.length === 0 ? (
            <Text size="sm">
              {t('trainingNeeds.enrol.noSession')}{' '}
              <Anchor component={Link} to="/training/sessions">{t('trainingNeeds.enrol.createSession')}</Anchor>
            </Text>
          ) : (
            <>
              <NativeSelect label={t('trainingNeeds.enrol.session')} value={sessionId} onChange={(e) => setSessionId(e.currentTarget.value)}
                data={[{ value: '', label: t('common.choose') }, ...open.map((s) => ({ value: s.id, label: label(s) }))]} />
              <ErrorAlert error={enrol.error} />
              <Button disabled={!sessionId} loading={enrol.isPending} onClick={() => enrol.mutate()}>{t('trainingNeeds.enrol.save')}</Button>
            </>
          )}
          {result && (
            <EnrolResultStatus result={result}>
              <Anchor component={Link} to={`/training/sessions/${sessionId}`} size="sm">{t('trainingNeeds.enrol.openSession')}</Anchor>
            </EnrolResultStatus>
          )}
        </Stack>
      </FormModal>
    </>
  );
}
