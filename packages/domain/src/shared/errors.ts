/**
 * The closed set of error codes. Each has one HTTP status and a localized title and detail in
 * every catalog (`errors.<CODE>.title|detail`); the UI reads `code`, never the message.
 */
export const ERROR_STATUS = {
  /** A body, query or path value broke its schema; `errors` names each field. */
  VALIDATION_FAILED: 400,
  /** The body is not parseable JSON or has the wrong content type. */
  MALFORMED_REQUEST: 400,
  /** No valid session. */
  UNAUTHENTICATED: 401,
  /** Wrong username or password (never says which). */
  INVALID_CREDENTIALS: 401,
  /** Wrong or expired second-factor code. */
  TOTP_INVALID: 401,
  /** The caller lacks the route's permission or the record is out of scope. */
  FORBIDDEN: 403,
  /** A cookie-authenticated mutation came without the session's CSRF token. */
  CSRF_INVALID: 403,
  /** The caller's role requires a second factor that is not enrolled yet. */
  TOTP_ENROLMENT_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  /** A unique value (username, code) is already taken. */
  ALREADY_EXISTS: 409,
  /** The record changed since the caller read it; the response carries the current state. */
  VERSION_CONFLICT: 409,
  /** The action is not allowed in the record's current state. */
  INVALID_STATE: 409,
  /**
   * A procedural safeguard of the step is unmet; `unmet` lists every one with its localized
   * sentence, what would satisfy it and its source (ADR 019).
   */
  SAFEGUARD_UNMET: 409,
  /** The officer lacks a competency the claim requires (training gating, a safeguard of its own); `missing` lists them. */
  COMPETENCY_REQUIRED: 409,
  /** The training session is cancelled or completed: nothing about it changes any more. */
  SESSION_CLOSED: 409,
  /** The session takes no requests for a place (no self-enrolment, not open, or already started). */
  SELF_ENROLMENT_CLOSED: 409,
  /** The requester lacks a prerequisite of the module; `missing` names them (only a coordinator may override). */
  PREREQUISITES_MISSING: 409,
  /** The needs-assessment campaign is not taking answers (a draft, closed, or outside its dates). */
  CAMPAIGN_NOT_OPEN: 409,
  /**
   * An officer, an interpreter or a room is already booked at that time (ADR 027); `conflicts`
   * names each with the times of the booking it collides with.
   */
  SCHEDULE_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** The same Idempotency-Key was reused with a different request. */
  IDEMPOTENCY_KEY_REUSED: 422,
  /** Too many failed logins: the account is locked for a while. */
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

export interface FieldError {
  /** Dotted path of the field, e.g. `offices.0` or `username`. */
  field: string;
  /** A `validation.*` catalog key. */
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly params: Record<string, string | number>;
  /** Extra members of the problem body, e.g. the current record on a version conflict. */
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options: {
      fieldErrors?: FieldError[];
      params?: Record<string, string | number>;
      extra?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.params = options.params ?? {};
    this.extra = options.extra ?? {};
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function fieldError(field: string, code: string, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION_FAILED', { fieldErrors: [{ field, code, ...(params ? { params } : {}) }] });
}

/** Collects field errors so one answer names every bad field. */
export class FieldErrors {
  readonly errors: FieldError[] = [];
  add(field: string, code: string, params?: Record<string, string | number>): void {
    this.errors.push({ field, code, ...(params ? { params } : {}) });
  }
  throwIfAny(): void {
    if (this.errors.length > 0) throw new AppError('VALIDATION_FAILED', { fieldErrors: this.errors });
  }
}

/** The problem+json body the API sends and the web app parses. */
export interface ProblemBody {
  type: string;
  code: ErrorCode;
  title: string;
  detail: string;
  status: number;
  instance?: string;
  requestId?: string;
  errors?: Array<FieldError & { message: string }>;
  [extra: string]: unknown;
}
