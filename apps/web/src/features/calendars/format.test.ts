import { describe, expect, it } from 'vitest';
import { formatCivilDate, formatCivilRange } from './format.ts';

describe('civil dates as written in Mexico', () => {
  it('formats dd/mm/yyyy without any time-zone shift', () => {
    expect(formatCivilDate('2026-09-16')).toBe('16/09/2026');
    expect(formatCivilDate('2024-01-01')).toBe('01/01/2024');
    expect(formatCivilRange('2026-12-18', '2027-01-01')).toBe('18/12/2026 – 01/01/2027');
    expect(formatCivilRange('2026-03-21', '2026-03-21')).toBe('21/03/2026');
  });
});
