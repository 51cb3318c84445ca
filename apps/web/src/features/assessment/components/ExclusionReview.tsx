import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ASSESSMENT_TEXT_MAX, type TAssessment } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { reviewExclusion } from '../api/assessment.ts';

/** The supervisor's review of a considered exclusion (1951 Convention art. 1F, read restrictively): who, when, what they concluded. */
export function ExclusionReview({ claimId, assessment }: { claimId: string; assessment: TAssessment }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const [notes, setNotes] = useState('');
  const review = useMutation({
    mutationFn: () => reviewExclusion(claimId, { version: assessment.version, notes }),
    onSuccess: () => { notifySuccess(t('assessment.exclusion.recorded')); setNotes(''); },
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['claims', claimId] });
    },
  });
  const error = useFieldErrorMap(review.error);
  const submit = (e: FormEvent) => { e.preventDefault(); review.mutate(); };
  const done = assessment.exclusionReview;
  return (
    <Stack gap="xs">
      {done ? (
        <Text size="sm">
          {t('assessment.exclusion.reviewedBy', { name: done.reviewedBy, date: formatDateTime(done.reviewedAt, language) })}
          {done.notes ? ` — ${done.notes}` : ''}
        </Text>
      ) : <Alert color="orange" role="status">{t('assessment.exclusion.pending')}</Alert>}
      {assessment.mayReviewExclusion && assessment.claimStatus === 'under_assessment' && !done && (
        <form onSubmit={submit} noValidate aria-label={t('assessment.exclusion.record')}>
          <Stack gap="xs">
            <ErrorAlert error={review.error} fields={['notes']} />
            <Textarea label={t('assessment.exclusion.notes')} required autosize minRows={2} maxLength={ASSESSMENT_TEXT_MAX} value={notes}
              error={error('notes')} onChange={(e) => setNotes(e.currentTarget.value)} />
            <Group justify="flex-end"><Button type="submit" loading={review.isPending}>{t('assessment.exclusion.record')}</Button></Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
