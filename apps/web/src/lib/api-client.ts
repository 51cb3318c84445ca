/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the
 * CSRF token on mutations, the UI language, and problem+json parsed into ApiError. Callers
 * branch on `code` and `errors[].field`, never on message text.
 */
import type { ErrorCode } from '@refugio/domain';
import { currentLanguage, i18n } from './i18n.ts';

export interface ApiFieldError {
  /** Dotted path of the field, e.g. `username` or `officeIds.0`. */
  field: string;
  /** A `validation.*` catalog key. */
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** `NETWORK_ERROR` is ours: the request never got an answer. */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: ApiFieldError[];
  /** The whole problem body, e.g. `current` on a VERSION_CONFLICT. */
  readonly body: Record<string, unknown>;

  constructor(init: { code: ApiErrorCode; status: number; title: string; detail: string; errors?: ApiFieldError[]; body?: Record<string, unknown> }) {
    super(`${init.code}: ${init.detail}`);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.body = init.body ?? {};
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Anything with zod's `parse`: responses are checked against the shared schemas. */
export interface Parser<T> {
  parse(data: unknown): T;
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request finds no valid session (expired, logged out elsewhere). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions<T> {
  method?: Method;
  body?: unknown;
  query?: Record<string, QueryValue>;
  schema?: Parser<T>;
  /** Sent as `Idempotency-Key` so a retried create never creates twice. */
  idempotencyKey?: string;
  /** A file sent as the body itself under this content type (a guide's PDF), instead of JSON. */
  file?: { data: Blob; contentType: string };
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function asFieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, code, message, params } = item as Record<string, unknown>;
    if (typeof field !== 'string' || typeof code !== 'string') return [];
    return [{
      field, code, message: typeof message === 'string' ? message : code,
      ...(params && typeof params === 'object' ? { params: params as Record<string, string | number> } : {}),
    }];
  });
}

async function problemFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (parsed && typeof parsed === 'object') body = parsed as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page: fall through to the status-based error.
  }
  const code = (typeof body.code === 'string' ? body.code : response.status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST') as ErrorCode;
  return new ApiError({
    code,
    status: response.status,
    title: typeof body.title === 'string' ? body.title : i18n.t(`errors.${code}.title`),
    detail: typeof body.detail === 'string' ? body.detail : i18n.t(`errors.${code}.detail`),
    errors: asFieldErrors(body.errors),
    body,
  });
}

export async function apiRequest<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (options.file) headers['Content-Type'] = options.file.contentType;
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ? options.file.data : options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError({ code: 'NETWORK_ERROR', status: 0, title: i18n.t('common.networkError.title'), detail: i18n.t('common.networkError.detail') });
  }

  const token = response.headers.get('x-csrf-token');
  if (token) csrfToken = token;
  if (!response.ok) {
    const error = await problemFrom(response);
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json();
  return options.schema ? options.schema.parse(data) : (data as T);
}
