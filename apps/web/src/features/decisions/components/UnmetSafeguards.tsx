import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ZSafeguardCheck } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { SafeguardLine } from '../../procedure/index.ts';

/** A step refused: every unmet safeguard with what would satisfy it and its source; any other error as usual. */
export function StepError({ error, fields }: { error: unknown; fields?: readonly string[] }) {
  const { t } = useTranslation();
  const unmet = isApiError(error) && Array.isArray(error.body.unmet) ? ZSafeguardCheck.array().safeParse(error.body.unmet).data ?? [] : [];
  if (unmet.length === 0) return <ErrorAlert error={error} {...(fields ? { fields } : {})} />;
  return (
    <Alert color="red" title={t('decisions.refused')} role="alert">
      <Stack gap="xs">{unmet.map((s) => <SafeguardLine key={s.code} safeguard={s} />)}</Stack>
    </Alert>
  );
}
