import { isApiError, type Parser } from './api-client.ts';

/**
 * The record as it is now, from a 409 VERSION_CONFLICT body, so a form can reload it and the
 * user can re-apply their change on top; null for any other error.
 */
export function conflictCurrent<T>(error: unknown, schema: Parser<T>): T | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  try {
    return schema.parse(error.body.current);
  } catch {
    return null;
  }
}
