/**
 * Text the database refuses or silently corrupts (ADR 021). PostgreSQL's `text` and `jsonb` cannot
 * hold U+0000 ("invalid byte sequence for encoding UTF8", a 500 if it reaches a query), and a
 * UTF-16 surrogate without its pair has no UTF-8 encoding: the drivers replace it with U+FFFD,
 * so what is stored is not what was sent. Both are refused at the edge, whatever the field
 * (OWASP ASVS 4.0.3 V5.1.3: input validated against an allow list of what the store accepts;
 * V5.1.4: structured data checked before use).
 */

// A NUL, or a surrogate code unit standing alone: with the `u` flag a well-formed pair is read as
// one code point above U+FFFF, so only unpaired halves fall in the surrogate range.
// oxlint-disable-next-line no-control-regex -- NUL is precisely the character refused
const UNSTORABLE_RE = /\u0000|[\uD800-\uDFFF]/u;

/** The field error code for such text, in every catalog. */
export const UNSTORABLE_TEXT_CODE = 'validation.unstorable_text';

export function isStorableText(value: string): boolean {
  return !UNSTORABLE_RE.test(value);
}

/**
 * Dotted paths (`offices.0`, `details.note`) of every string, or object key, in `value` that the
 * database cannot store. Keys are checked too: a JSON object's keys end up in jsonb columns.
 */
export function unstorableTextPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return isStorableText(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, item]) => {
    const here = path ? `${path}.${key}` : key;
    // A bad key is named with the bad characters replaced, so the answer itself stays clean text.
    return isStorableText(key) ? unstorableTextPaths(item, here) : [here.replace(new RegExp(UNSTORABLE_RE.source, 'gu'), '\uFFFD')];
  });
}
