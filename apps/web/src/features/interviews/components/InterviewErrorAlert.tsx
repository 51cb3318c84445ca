import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REASON_LABEL } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';

/** An error of an interview action; a refusal by the record's state says why in words. */
export function InterviewErrorAlert({ error, fields }: { error: unknown; fields?: readonly string[] }) {
  const { t } = useTranslation();
  const reason = isApiError(error, 'INVALID_STATE') ? REASON_LABEL[String(error.body.reason)] : undefined;
  if (reason && isApiError(error)) return <Alert color="red" title={error.title} role="alert">{t(reason)}</Alert>;
  return <ErrorAlert error={error} {...(fields ? { fields } : {})} />;
}
