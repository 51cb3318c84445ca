import { Anchor, Group, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { can, useMe } from '../../auth/index.ts';
import { reportUrl, useEvaluation } from '../api/evaluations.ts';
import { EvaluationEvidence } from './EvaluationEvidence.tsx';
import { EvaluationForm } from './EvaluationForm.tsx';

/** One action's evaluation: its record, what the records say, the ten criteria, and the PDF report in three languages. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const isNew = id === 'new';
  const evaluation = useEvaluation(isNew ? null : (id ?? null));
  const editable = Boolean(me.data && can(me.data, 'manage:training:institution'));
  const onSaved = (saved: string) => { if (isNew) void navigate(`/training/evaluations/${saved}`); };
  if (isNew) {
    return (
      <Stack>
        <PageHeader title={t('evaluations.new')} description={t('evaluations.description')} />
        <EvaluationForm evaluation={null} editable={editable} onSaved={onSaved} />
      </Stack>
    );
  }
  if (evaluation.isPending) return <LoadingState />;
  if (!evaluation.data) return <ErrorAlert error={evaluation.error} />;
  const e = evaluation.data;
  return (
    <Stack>
      <PageHeader title={e.title} description={`${e.institution.name} · ${t(`evaluations.kinds.${e.kind}`)} · ${e.startsOn} – ${e.endsOn}`} />
      <Group gap="md">
        <Anchor href={reportUrl(e.id, 'es-MX')} size="sm">{t('evaluations.downloadEs')}</Anchor>
        <Anchor href={reportUrl(e.id, 'en')} size="sm">{t('evaluations.downloadEn')}</Anchor>
        <Anchor href={reportUrl(e.id, 'fr')} size="sm">{t('evaluations.downloadFr')}</Anchor>
      </Group>
      <EvaluationEvidence evaluation={e} />
      <EvaluationForm key={e.version} evaluation={e} editable={editable} onSaved={onSaved} />
    </Stack>
  );
}
