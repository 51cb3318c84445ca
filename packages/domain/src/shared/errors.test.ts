import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, ERROR_STATUS, fieldError } from './errors.ts';
import { LANGUAGES, isLanguage } from './limits.ts';

describe('AppError', () => {
  it('maps every code to one 4xx or 5xx status', () => {
    for (const code of ERROR_CODES) {
      const status = new AppError(code).status;
      expect(status, code).toBe(ERROR_STATUS[code]);
      expect(status >= 400 && status < 600, code).toBe(true);
    }
  });

  it('carries field errors, parameters and extra members', () => {
    const error = new AppError('VERSION_CONFLICT', { extra: { current: { version: 2 } }, params: { minutes: 3 } });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'VERSION_CONFLICT', status: 409, extra: { current: { version: 2 } }, params: { minutes: 3 }, fieldErrors: [] });
    expect(fieldError('email', 'validation.invalid_email')).toMatchObject({
      code: 'VALIDATION_FAILED', status: 400, fieldErrors: [{ field: 'email', code: 'validation.invalid_email' }],
    });
  });
});

describe('languages', () => {
  it('Spanish (Mexico) first, then English and French', () => {
    expect(LANGUAGES).toEqual(['es-MX', 'en', 'fr']);
    expect(isLanguage('fr')).toBe(true);
    expect(isLanguage('es')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
