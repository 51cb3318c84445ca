import { describe, expect, it } from 'vitest';
import { agendaRange, calendarFile, dismissalCovers, missedWeeks, noticeLanguageFor, toLanguage639_3, withinAvailability } from './scheduling.rules.ts';

describe('missedWeeks (Reglamento art. 24: one signature a week)', () => {
  it('never counts the current week, which is not over', () => {
    expect(missedWeeks('2027-03-01', '2027-03-07')).toBe(0); // Monday → Sunday of the same week
    expect(missedWeeks('2027-03-07', '2027-03-08')).toBe(0); // Sunday → next Monday: last week had its signature
  });
  it('counts whole Monday-to-Sunday weeks between the last signature and today', () => {
    expect(missedWeeks('2027-03-03', '2027-03-17')).toBe(1);
    expect(missedWeeks('2027-03-03', '2027-04-01')).toBe(3);
    // Across a year end.
    expect(missedWeeks('2026-12-30', '2027-01-20')).toBe(2);
  });
  it('a dismissal covers its run until it grows by another threshold', () => {
    const dismissal = { streakFrom: '2027-03-03', missedWeeks: 3 };
    expect(dismissalCovers(dismissal, '2027-03-03', 5, 3)).toBe(true);
    expect(dismissalCovers(dismissal, '2027-03-03', 6, 3)).toBe(false);
    expect(dismissalCovers(dismissal, '2027-04-10', 3, 3)).toBe(false);
    expect(dismissalCovers(null, '2027-03-03', 3, 3)).toBe(false);
  });
});

describe('agendaRange', () => {
  it('spans the day, its Monday-to-Sunday week or its month', () => {
    expect(agendaRange('day', '2027-03-03')).toEqual({ from: '2027-03-03', to: '2027-03-04' });
    expect(agendaRange('week', '2027-03-07')).toEqual({ from: '2027-03-01', to: '2027-03-08' });
    expect(agendaRange('month', '2027-12-15')).toEqual({ from: '2027-12-01', to: '2028-01-01' });
  });
});

describe('the notice\'s language', () => {
  it('is the applicant\'s first translated language, else Spanish naming theirs', () => {
    expect(noticeLanguageFor(['en', 'es'])).toEqual({ language: 'en', fallback: null });
    expect(noticeLanguageFor(['quc', 'es'])).toEqual({ language: 'es-MX', fallback: null });
    expect(noticeLanguageFor(['quc'])).toEqual({ language: 'es-MX', fallback: 'quc' });
    expect(noticeLanguageFor(['ht', 'fr'])).toEqual({ language: 'fr', fallback: null });
    expect(noticeLanguageFor([])).toEqual({ language: 'es-MX', fallback: null });
    expect(toLanguage639_3('HT')).toBe('hat');
    expect(toLanguage639_3('xx')).toBeNull();
  });
});

describe('weekly availability', () => {
  const slots = [{ weekday: 2, from: '09:00', to: '14:00' }];
  it('accepts a booking inside a slot and refuses one that overflows it or falls on another day', () => {
    expect(withinAvailability(slots, 2, '09:00', '10:30')).toBe(true);
    expect(withinAvailability(slots, 2, '13:00', '14:30')).toBe(false);
    expect(withinAvailability(slots, 3, '09:00', '10:00')).toBe(false);
    expect(withinAvailability([], 7, '22:00', '23:00')).toBe(true);
  });
});

describe('calendarFile (RFC 5545)', () => {
  const ics = calendarFile({
    uid: 'a@refugio', stamp: '2027-03-01T12:00:00.000Z', startsAt: '2027-03-02T16:00:00Z', endsAt: '2027-03-02T17:30:00Z', sequence: 2, cancelled: false,
    summary: 'Entrevista de elegibilidad — solicitud COMAR-TAP-2027-000123', location: 'COMAR Tapachula — Sala 2, planta baja',
    description: 'Entrevista: Ana Elegibilidad Torres. Intérprete: Nadia Intérprete Joseph. Idioma: K’iche’; con descansos programados cada hora',
  });
  it('writes UTC times, escapes commas and semicolons, and folds lines at 75 octets with CRLF', () => {
    expect(ics).toContain('DTSTART:20270302T160000Z\r\n');
    expect(ics).toContain('DTEND:20270302T173000Z\r\n');
    expect(ics).toContain('Sala 2\\, planta baja');
    expect(ics).toContain('K’iche’\\; con');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
