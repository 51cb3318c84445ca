import { AppError, UNSTORABLE_TEXT_CODE, unstorableTextPaths } from '@refugio/domain';
import type { App } from '../types.ts';

/**
 * One rule for every route (ADR 021): a string the database would refuse or corrupt (NUL, a
 * lone surrogate) anywhere in the path parameters, query, headers or body is a 400 naming the
 * field, before the route's own schema runs. Field names follow the validation errors:
 * `params:code`, `querystring:q`, `headers:user-agent`, and the body's dotted path.
 */
export function registerTextHygiene(app: App): void {
  app.addHook('preValidation', async (request) => {
    const fields = [
      ...unstorableTextPaths(request.params ?? {}, '').map((f) => `params:${f}`),
      ...unstorableTextPaths(request.query ?? {}, '').map((f) => `querystring:${f}`),
      ...unstorableTextPaths(request.headers, '').map((f) => `headers:${f}`),
      ...unstorableTextPaths(request.body, ''),
    ];
    if (fields.length > 0) {
      throw new AppError('VALIDATION_FAILED', { fieldErrors: fields.map((field) => ({ field, code: UNSTORABLE_TEXT_CODE })) });
    }
  });
}
