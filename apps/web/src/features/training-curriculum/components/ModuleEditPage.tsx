import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useModule } from '../api/training-curriculum.ts';
import { ModuleForm } from './ModuleForm.tsx';

/** A new module (no id in the address) or a change to one. */
export function ModuleEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const module = useModule(id);
  if (id && module.isPending) return <LoadingState />;
  if (id && !module.data) return <ErrorAlert error={module.error} />;
  const current = module.data ?? null;
  return (
    <Stack>
      <PageHeader title={current ? t('training.form.editTitle', { code: current.code }) : t('training.catalogue.newModule')} />
      <ModuleForm
        module={current}
        onSaved={(saved) => void navigate(`/training/catalogue/${saved.id}`)}
        onCancel={() => void navigate(current ? `/training/catalogue/${current.id}` : '/training/catalogue')}
      />
    </Stack>
  );
}
