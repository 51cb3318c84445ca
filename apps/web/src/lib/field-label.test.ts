import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-label.ts';

// Echoes the key (and the person's number) so the test reads which label was chosen.
const t = ((key: string, params?: { n?: number }) => (params?.n ? `${key}#${params.n}` : key)) as unknown as TFunction;

describe('field labels for API errors', () => {
  it('names a family member by position and the field by its label', () => {
    expect(fieldLabel(t, 'members.0.person.givenNames')).toBe('intake.register.personN#1 · intake.person.givenNames');
    expect(fieldLabel(t, 'members.2.person.nationalities.0')).toBe('intake.register.personN#3 · intake.person.nationalities');
  });

  it('names top-level fields by their label', () => {
    expect(fieldLabel(t, 'expressedPlace')).toBe('intake.referral.expressedPlace');
    expect(fieldLabel(t, 'enteredMexicoOn')).toBe('intake.claim.enteredMexicoOn');
  });

  it('leaves unknown paths unnamed rather than showing the code', () => {
    expect(fieldLabel(t, 'somethingInternal.3')).toBeUndefined();
  });
});
