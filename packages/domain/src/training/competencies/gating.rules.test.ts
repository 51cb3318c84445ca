import { describe, expect, it } from 'vitest';
import { isGrantValid, missingCompetencies, requiredCompetencies, validityStatus } from './gating.rules.ts';

const rules = [
  { needCode: 'child', competencyCode: 'interviewing_children' },
  { needCode: 'unaccompanied_child', competencyCode: 'interviewing_children' },
  { needCode: 'lgbtiq', competencyCode: 'gender_sogi' },
  { needCode: 'any_claim', competencyCode: 'interview_techniques' },
];

describe('gating rules', () => {
  it('requires what every claim needs plus what its needs add, once each', () => {
    expect(requiredCompetencies([], rules)).toEqual(['interview_techniques']);
    expect(requiredCompetencies(['child', 'unaccompanied_child'], rules)).toEqual(['interview_techniques', 'interviewing_children']);
    expect(requiredCompetencies(['lgbtiq', 'elderly'], rules)).toEqual(['gender_sogi', 'interview_techniques']);
  });

  it('names what the officer lacks', () => {
    expect(missingCompetencies(['gender_sogi', 'interview_techniques'], ['interview_techniques'])).toEqual(['gender_sogi']);
    expect(missingCompetencies(['interview_techniques'], ['interview_techniques', 'exclusion'])).toEqual([]);
  });

  it('counts a grant valid from its date until the day before it expires, unless revoked', () => {
    const grant = { grantedOn: '2026-03-24', expiresOn: '2029-03-24', revoked: false };
    expect(isGrantValid(grant, '2026-03-23')).toBe(false);
    expect(isGrantValid(grant, '2026-03-24')).toBe(true);
    expect(isGrantValid(grant, '2029-03-23')).toBe(true);
    expect(isGrantValid(grant, '2029-03-24')).toBe(false);
    expect(isGrantValid({ ...grant, revoked: true }, '2027-01-01')).toBe(false);
    expect(isGrantValid({ ...grant, expiresOn: null }, '2090-01-01')).toBe(true);
  });

  it('warns ahead of expiry', () => {
    expect(validityStatus(null, '2026-11-28', 90)).toBe('valid');
    expect(validityStatus('2027-01-10', '2026-11-28', 90)).toBe('expiring');
    expect(validityStatus('2027-06-10', '2026-11-28', 90)).toBe('valid');
    expect(validityStatus('2026-11-28', '2026-11-28', 90)).toBe('expired');
  });
});
