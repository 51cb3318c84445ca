import { describe, expect, it } from 'vitest';
import { sessionScheduleIssues, ZTrainingSessionInput, ZTrainingSessionUpdate } from './sessions.schemas.ts';

const days = [{ day: '2027-03-02', startsAt: '09:00', endsAt: '17:00' }, { day: '2027-03-03', startsAt: '09:00', endsAt: '13:00' }];

describe('a session\'s schedule (ADR 052)', () => {
  it('lets the online part start on or before the first in-person day', () => {
    expect(sessionScheduleIssues({ onlineStartsOn: '2027-02-01', onlineEndsOn: '2027-03-01', days })).toEqual([]);
    expect(sessionScheduleIssues({ onlineStartsOn: '2027-03-02', days })).toEqual([]);
    expect(sessionScheduleIssues({ onlineStartsOn: null, days })).toEqual([]);
  });

  it('names the field of each impossible date', () => {
    expect(sessionScheduleIssues({ onlineStartsOn: '2027-03-04', onlineEndsOn: '2027-03-01', days })).toEqual([
      { path: 'onlineEndsOn', code: 'validation.range_reversed' },
      { path: 'onlineStartsOn', code: 'validation.online_after_in_person' },
    ]);
  });

  it('is part of the schemas the API validates with, for a new session and a change alike', () => {
    const input = { moduleId: '5e551017-0000-4000-8000-0000000000aa', format: 'blended', venue: 'Sala 2', onlineStartsOn: '2027-03-04', capacity: 10, days };
    const created = ZTrainingSessionInput.safeParse(input);
    expect(created.success ? [] : created.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['onlineStartsOn', 'validation.online_after_in_person']]);
    const { moduleId: _m, format: _f, ...change } = input;
    const changed = ZTrainingSessionUpdate.safeParse({ ...change, version: 1 });
    expect(changed.success ? [] : changed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['onlineStartsOn', 'validation.online_after_in_person']]);
    expect(ZTrainingSessionInput.safeParse({ ...input, onlineStartsOn: '2027-02-01', venue: 'x'.repeat(201) }).error?.issues.map((i) => i.path.join('.'))).toEqual(['venue']);
  });
});
