/** One line per event: "reason: bad_password · changes: fullName, roleCodes". */
export function summarizeDetails(details: Record<string, unknown>, maxLength = 160): string {
  const parts = Object.entries(details).map(([key, value]) => `${key}: ${describe(value)}`);
  const text = parts.join(' · ');
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length ? value.map(describe).join(', ') : '—';
  // Nested objects (e.g. the changed fields of an update) are summarized by their keys.
  if (typeof value === 'object') return Object.keys(value).join(', ');
  return String(value);
}
