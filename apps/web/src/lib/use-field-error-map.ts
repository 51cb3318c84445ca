import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.ts';

/** Field messages by full dotted path (`members.1.person.birthDate`), for forms with nested lists. */
export function useFieldErrorMap(error: unknown): (path: string) => string | undefined {
  const { t, i18n } = useTranslation();
  const map = new Map<string, string>();
  if (isApiError(error)) {
    for (const e of error.errors) {
      // A list item's error (`nationalities.0`) shows on the list.
      const path = e.field.replace(/\.\d+$/, '');
      if (!map.has(path)) map.set(path, i18n.exists(e.code) ? t(e.code, e.params ?? {}) : e.message);
    }
  }
  return (path) => map.get(path);
}
