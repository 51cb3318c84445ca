import type { Language } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

/** Remembers the UI language on the account, so it follows the user to other devices. */
export async function saveLanguage(language: Language): Promise<void> {
  await apiRequest('/api/auth/language', { method: 'PUT', body: { language } });
}
