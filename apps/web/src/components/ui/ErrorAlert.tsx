import { useEffect, useRef } from 'react';
import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client.ts';
import { fieldLabel } from '../../lib/field-label.ts';
import { topField } from '../../lib/form-errors.ts';

interface ErrorAlertProps {
  error: unknown;
  /** Fields the form shows errors beside; errors for other fields are listed here. */
  fields?: readonly string[];
}

/** The problem's localized title and detail, announced to screen readers. */
export function ErrorAlert({ error, fields }: ErrorAlertProps) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // A form's error summary sits above the fields; bring it into view after a submit at the bottom.
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [error]);
  if (!error) return null;
  if (!isApiError(error)) {
    return (
      <Alert ref={ref} color="red" title={t('errors.INTERNAL.title')} role="alert">
        {t('errors.INTERNAL.detail')}
      </Alert>
    );
  }
  const unplaced = fields ? error.errors.filter((e) => !fields.includes(topField(e.field))) : [];
  return (
    <Alert ref={ref} color="red" title={error.title} role="alert">
      {error.detail}
      {unplaced.length > 0 && (
        <List size="sm" mt="xs">
          {unplaced.map((e) => (
            <List.Item key={`${e.field}:${e.code}`}>
              {[fieldLabel(t, e.field), i18n.exists(e.code) ? t(e.code, e.params ?? {}) : e.message].filter(Boolean).join(': ')}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
