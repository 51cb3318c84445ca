import type { TFunction } from 'i18next';
import { ROLE_CODES } from '@refugio/domain';

/** Built-in roles are named by the catalogs in the UI language; roles created later by their stored name. */
export function roleLabel(t: TFunction, code: string, storedName?: string): string {
  if ((ROLE_CODES as readonly string[]).includes(code)) return t(`roles.names.${code}`);
  return storedName ?? code;
}
