import { AppError } from '@refugio/domain';
import { translate } from '@refugio/domain/server';

// Operators read CLI output in English; the catalogs supply the wording of domain errors.
const LANGUAGE = 'en';

/**
 * Turns a domain error into lines an operator can act on. `fieldLabels` maps domain field
 * names (roleCodes) to what the operator typed (--roles); `roleCodes.1` becomes `--roles (item 2)`.
 */
export function describeAppError(error: AppError, fieldLabels: Record<string, string> = {}): string {
  const lines = [translate(LANGUAGE, `errors.${error.code}.title`)];
  const detail = translate(LANGUAGE, `errors.${error.code}.detail`, error.params);
  if (detail && !detail.startsWith('errors.') && error.fieldErrors.length === 0) lines[0] += `: ${detail}`;
  for (const fieldError of error.fieldErrors) {
    const [base = '', index] = fieldError.field.split('.');
    const label = fieldLabels[base] ?? base;
    const where = index !== undefined && /^\d+$/.test(index) ? `${label} (item ${Number(index) + 1})` : label;
    lines.push(`  ${where}: ${translate(LANGUAGE, fieldError.code, fieldError.params)}`);
  }
  return lines.join('\n');
}

interface SchemaIssues {
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>;
}

/** Schema failures as option-by-option lines; our schemas carry catalog keys as messages. */
export function describeSchemaIssues(error: SchemaIssues, fieldLabels: Record<string, string>): string {
  const lines = error.issues.map((issue) => {
    const [base, index] = issue.path;
    const label = fieldLabels[String(base)] ?? String(base ?? 'input');
    const where = typeof index === 'number' ? `${label} (item ${index + 1})` : label;
    const message = issue.message.startsWith('validation.') ? translate(LANGUAGE, issue.message) : issue.message;
    return `  ${where}: ${message}`;
  });
  return [translate(LANGUAGE, 'errors.VALIDATION_FAILED.title'), ...lines].join('\n');
}
