import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError, type Language, type ProblemBody } from '@refugio/domain';
import { translate } from '@refugio/domain/server';
import type { App } from '../types.ts';

interface ZodIssueParams {
  expected?: string;
  input?: unknown;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  keys?: string[];
}

/**
 * The submitted value at a validation path (`/offices/0`). Zod leaves the input out of its
 * issues, and without it a wrong type cannot be told from a missing field.
 */
function valueAt(source: unknown, instancePath: string): unknown {
  let value = source;
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Maps one zod issue to a catalog code, so messages come from our catalogs, not zod's English. */
function fieldErrorsFromIssue(
  keyword: string, path: string, message: string, params: ZodIssueParams,
): FieldError[] {
  const field = path.replace(/^\//, '').replaceAll('/', '.');
  if (message.startsWith('validation.')) return [{ field, code: message }];
  switch (keyword) {
    case 'invalid_type':
      return [{ field, code: params.input === undefined ? 'validation.required' : 'validation.invalid_type' }];
    case 'too_small':
      if (params.origin === 'string') return [{ field, code: Number(params.minimum) <= 1 ? 'validation.required' : 'validation.too_short', params: { minimum: Number(params.minimum) } }];
      if (params.origin === 'array') return [{ field, code: 'validation.too_few_items', params: { minimum: Number(params.minimum) } }];
      return [{ field, code: 'validation.too_small', params: { minimum: Number(params.minimum) } }];
    case 'too_big':
      return [{ field, code: params.origin === 'string' ? 'validation.too_long' : 'validation.too_big', params: { maximum: Number(params.maximum) } }];
    case 'invalid_format':
      if (params.format === 'email') return [{ field, code: 'validation.invalid_email' }];
      if (params.format === 'uuid') return [{ field, code: 'validation.invalid_uuid' }];
      return [{ field, code: 'validation.invalid_format' }];
    case 'unrecognized_keys':
      return (params.keys ?? []).map((key) => ({ field: field ? `${field}.${key}` : key, code: 'validation.unrecognized_key' }));
    case 'invalid_value':
      return [{ field, code: 'validation.invalid_option' }];
    default:
      return [{ field, code: 'validation.invalid_value' }];
  }
}

export function problemBody(
  request: FastifyRequest, code: ErrorCode, status: number, options: {
    fieldErrors?: FieldError[]; params?: Record<string, string | number>; extra?: Record<string, unknown>;
  } = {},
): ProblemBody {
  const language: Language = request.language;
  const body: ProblemBody = {
    type: `https://refugio.example/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    code,
    title: translate(language, `errors.${code}.title`),
    detail: translate(language, `errors.${code}.detail`, options.params),
    status,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...options.extra,
  };
  if (options.fieldErrors?.length) {
    body.errors = options.fieldErrors.map((e) => ({ ...e, message: translate(language, e.code, e.params) }));
  }
  return body;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  // RFC 9110 §10.2.3: a refusal for a while says for how long.
  if (typeof error.params.retryAfterSeconds === 'number') reply.header('retry-after', String(error.params.retryAfterSeconds));
  return reply.status(error.status).type('application/problem+json').send(
    problemBody(request, error.code, error.status, { fieldErrors: error.fieldErrors, params: error.params, extra: error.extra }),
  );
}

/** Every error leaves as application/problem+json with a stable code; 500s never leak internals. */
export function registerProblemHandlers(app: App): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return sendProblem(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const prefix = error.validationContext === 'body' ? '' : `${error.validationContext ?? ''}:`;
      const sources: Record<string, unknown> = { body: request.body, querystring: request.query, params: request.params, headers: request.headers };
      const source = sources[error.validationContext ?? 'body'];
      const fieldErrors = error.validation.flatMap((v) =>
        fieldErrorsFromIssue(v.keyword, v.instancePath, v.message ?? '', { input: valueAt(source, v.instancePath), ...(v.params as ZodIssueParams) }),
      ).map((e) => ({ ...e, field: prefix + e.field }));
      return sendProblem(request, reply, new AppError('VALIDATION_FAILED', { fieldErrors }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(request, reply, new AppError('INTERNAL'));
    }
    const status = (error as FastifyError).statusCode ?? 500;
    const fastifyCode = (error as FastifyError).code;
    if (status === 413) return sendProblem(request, reply, new AppError('PAYLOAD_TOO_LARGE'));
    if (status === 415) return sendProblem(request, reply, new AppError('UNSUPPORTED_MEDIA_TYPE'));
    if (status === 429) return sendProblem(request, reply, new AppError('RATE_LIMITED'));
    if (status === 400 || fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return sendProblem(request, reply, new AppError('MALFORMED_REQUEST'));
    }
    if (status >= 400 && status < 500) {
      request.log.warn({ err: error }, 'client error without a specific code');
      return sendProblem(request, reply, new AppError('MALFORMED_REQUEST'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, new AppError('INTERNAL'));
  });
}
