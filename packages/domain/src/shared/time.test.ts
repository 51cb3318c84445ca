import { describe, expect, it } from 'vitest';
import { isTimeZone, localDay, todayIn } from './time.ts';

describe('civil days per office time zone', () => {
  it('defaults to Mexico City (UTC-6), not the server zone', () => {
    expect(localDay(new Date('2026-03-20T05:30:00Z'))).toBe('2026-03-19');
    expect(localDay(new Date('2026-03-20T06:00:00Z'))).toBe('2026-03-20');
    expect(todayIn(undefined, new Date('2026-12-31T23:59:00-06:00'))).toBe('2026-12-31');
  });

  it('puts a claim lodged at 23:30 in Tijuana on that day, the next one in Mexico City', () => {
    const lodged = new Date('2026-07-15T23:30:00-07:00');
    expect(localDay(lodged, 'America/Tijuana')).toBe('2026-07-15');
    expect(localDay(lodged, 'America/Mexico_City')).toBe('2026-07-16');
    expect(localDay(new Date('2026-01-15T23:30:00-05:00'), 'America/Cancun')).toBe('2026-01-15');
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('America/Tijuana')).toBe(true);
    expect(isTimeZone('America/Hermosillo')).toBe(true);
    expect(isTimeZone('Mexico/Tapachula')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
