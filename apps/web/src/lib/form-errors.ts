import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';

/** `officeIds.2` → `officeIds`: a list's field error is shown next to the list. */
export function topField(field: string): string {
  return field.split('.')[0] ?? field;
}

/**
 * Field messages from an API error, keyed by top-level field, translated from their catalog
 * code so they follow a later language switch.
 */
export function useFieldErrors(error: unknown): Record<string, string> {
  const { t, i18n } = useTranslation();
  if (!isApiError(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const key = topField(e.field);
    if (out[key]) continue;
    out[key] = i18n.exists(e.code) ? t(e.code, e.params ?? {}) : e.message;
  }
  return out;
}
