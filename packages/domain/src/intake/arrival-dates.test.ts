import { describe, expect, it } from 'vitest';
import { arrivalDateIssues } from './intake.rules.ts';

const zone = 'America/Mexico_City';
const now = new Date('2026-03-10T18:00:00Z'); // 12:00 in Mexico City

describe('arrival dates', () => {
  it('accepts entry, then request, then lodging, up to now', () => {
    expect(arrivalDateIssues({ enteredMexicoOn: '2026-03-01', protectionExpressedAt: '2026-03-01T15:00:00Z', lodgedAt: '2026-03-10T17:00:00Z' }, zone, now)).toEqual([]);
  });

  it('refuses an entry after the request, in the office\'s day', () => {
    // 02:00 UTC on the 5th is still the 4th in Mexico City: entering on the 5th comes after.
    expect(arrivalDateIssues({ enteredMexicoOn: '2026-03-05', protectionExpressedAt: '2026-03-05T02:00:00Z' }, zone, now))
      .toEqual([{ field: 'enteredMexicoOn', message: 'validation.entry_after_request' }]);
    expect(arrivalDateIssues({ enteredMexicoOn: '2026-03-04', protectionExpressedAt: '2026-03-05T02:00:00Z' }, zone, now)).toEqual([]);
  });

  it('refuses dates in the future and a request after the lodging', () => {
    expect(arrivalDateIssues({ enteredMexicoOn: '2026-03-11', protectionExpressedAt: '2026-03-11T18:00:00Z', lodgedAt: '2026-03-12T18:00:00Z' }, zone, now))
      .toEqual([
        { field: 'enteredMexicoOn', message: 'validation.date_in_future' },
        { field: 'protectionExpressedAt', message: 'validation.date_in_future' },
        { field: 'lodgedAt', message: 'validation.date_in_future' },
      ]);
    expect(arrivalDateIssues({ enteredMexicoOn: null, protectionExpressedAt: '2026-03-09T18:00:00Z', lodgedAt: '2026-03-08T18:00:00Z' }, zone, now))
      .toEqual([{ field: 'protectionExpressedAt', message: 'validation.after_lodging' }]);
  });
});
