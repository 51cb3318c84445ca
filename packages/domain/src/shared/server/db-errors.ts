import { AppError } from '../errors.ts';

/** PostgreSQL's SQLSTATE for a unique violation; both drivers expose it as `code`. */
const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Turns a duplicate key into ALREADY_EXISTS naming the field; anything else is rethrown. */
export async function withUniqueFields<T>(fn: () => Promise<T>, field: string): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const state = sqlState(error);
    if (state === UNIQUE_VIOLATION) {
      throw new AppError('ALREADY_EXISTS', { fieldErrors: [{ field, code: 'validation.invalid_value' }], cause: error });
    }
    if (state === FOREIGN_KEY_VIOLATION) {
      throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ field: 'reference', code: 'validation.unknown_reference' }], cause: error });
    }
    throw error;
  }
}

/** Raised when an UPDATE … WHERE version = $v touched nothing although the record exists. */
export function versionConflict(current: unknown): AppError {
  return new AppError('VERSION_CONFLICT', { extra: { current } });
}
