import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_WEIGHTS, foldName, isShownCandidate, nearbyBirthDates, scoreCandidate, transposedDate, trigramSimilarity,
  type MatchPerson,
} from './duplicates.rules.ts';

const registered: MatchPerson = {
  givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'Pérez', birthDate: '1990-05-14',
  nationalities: ['HND'], documents: [{ type: 'passport', number: 'F-123 456', issuingCountry: 'HND' }],
};

const reason = (r: ReturnType<typeof scoreCandidate>, field: string) => r.reasons.find((x) => x.field === field);

describe('foldName', () => {
  it('drops accents and folds conservative spelling variants', () => {
    expect(foldName('José Hernández')).toBe('jose ernandes');
    expect(foldName('Mohammed')).toBe(foldName('Muhammad'));
    expect(foldName('Mohamed')).toBe('muamad');
    expect(foldName('Youssef')).toBe(foldName('Yusuf'));
    expect(foldName('Joseph')).toBe(foldName('Josef'));
    expect(foldName('Castillo')).toBe(foldName('Castiyo'));
    expect(foldName('Valdez')).toBe(foldName('Baldes'));
    expect(foldName('Cecilia')).toBe(foldName('Sesilia'));
    expect(foldName('Ahmed')).toBe(foldName('Ahmad'));
    // ch and sh are kept
    expect(foldName('Chávez')).toBe('chabes');
    expect(foldName('Shakira')).toBe('shakira');
  });
});

describe('trigramSimilarity', () => {
  it('is 1 for the same words in another order (pg_trgm works word by word)', () => {
    expect(trigramSimilarity('jose luis ernandes peres', 'jose luis peres ernandes')).toBe(1);
    expect(trigramSimilarity('abc', '')).toBe(0);
  });
});

describe('scoreCandidate', () => {
  it('finds accents dropped, surnames swapped and a birth date one day off, and says why', () => {
    const r = scoreCandidate({ givenNames: 'Jose Luis', firstSurname: 'Perez', secondSurname: 'Hernandez', birthDate: '1990-05-15', nationalities: ['HND'] }, registered);
    expect(reason(r, 'name')).toMatchObject({ kind: 'swapped_surnames', points: DUPLICATE_WEIGHTS.name.swappedSurnames });
    expect(reason(r, 'birthDate')).toMatchObject({ kind: 'one_day', days: 1 });
    expect(reason(r, 'nationality')).toMatchObject({ kind: 'match', common: ['HND'] });
    expect(r.level).toBe('high');
    expect(isShownCandidate(r)).toBe(true);
  });

  it('names: exact, accent-insensitive, compound surnames as a set, transliteration with the variants', () => {
    expect(reason(scoreCandidate(registered, registered), 'name')).toMatchObject({ kind: 'exact' });
    expect(reason(scoreCandidate({ ...registered, givenNames: 'JOSE LUIS', firstSurname: 'Hernandez', secondSurname: 'Perez' }, registered), 'name'))
      .toMatchObject({ kind: 'accent_insensitive' });
    expect(reason(scoreCandidate({ ...registered, firstSurname: 'Hernández Pérez', secondSurname: null }, registered), 'name'))
      .toMatchObject({ kind: 'surname_set' });
    const translit = scoreCandidate(
      { givenNames: 'Muhammad', firstSurname: 'Youssef', birthDate: '1985-01-01', nationalities: ['SYR'] },
      { givenNames: 'Mohamed', firstSurname: 'Yusuf', birthDate: '1985-01-01', nationalities: ['SYR'] },
    );
    expect(reason(translit, 'name')).toMatchObject({
      kind: 'transliteration', variants: [{ from: 'muhammad', to: 'mohamed' }, { from: 'youssef', to: 'yusuf' }],
    });
    expect(translit.score).toBe(DUPLICATE_WEIGHTS.name.transliteration + DUPLICATE_WEIGHTS.birthDate.exact + DUPLICATE_WEIGHTS.nationality.overlap);
  });

  it('matches an alias', () => {
    const r = scoreCandidate({ givenNames: 'Pedro', firstSurname: 'Ramos' }, { givenNames: 'Juan', firstSurname: 'Ramos', otherNames: ['Pedro Ramos'] });
    expect(reason(r, 'name')).toMatchObject({ alias: true, value: 'Pedro Ramos' });
  });

  it('birth dates: transposed day and month, within days, estimated years, conflict', () => {
    const dob = (birthDate: string, birthDateEstimated = false) => reason(scoreCandidate({ ...registered, birthDate, birthDateEstimated }, registered), 'birthDate');
    expect(dob('1990-14-05')).toMatchObject({ kind: 'missing' });
    expect(transposedDate('1990-05-14')).toBeNull();
    expect(transposedDate('1990-03-04')).toBe('1990-04-03');
    expect(reason(scoreCandidate({ ...registered, birthDate: '1990-04-03' }, { ...registered, birthDate: '1990-03-04' }), 'birthDate'))
      .toMatchObject({ kind: 'transposed_day_month' });
    expect(dob('1990-05-18')).toMatchObject({ kind: 'within_days', days: 4 });
    expect(dob('1990-01-01', true)).toMatchObject({ kind: 'estimated_same_year' });
    expect(dob('1991-01-01', true)).toMatchObject({ kind: 'estimated_one_year' });
    expect(dob('1975-02-02')).toMatchObject({ kind: 'different', points: DUPLICATE_WEIGHTS.birthDate.conflict });
    expect(nearbyBirthDates('2001-03-04')).toEqual(['2001-03-03', '2001-03-04', '2001-03-05', '2001-04-03']);
  });

  it('a different person with a similar name, another birth date and nationality scores low', () => {
    const r = scoreCandidate({ givenNames: 'José Luis', firstSurname: 'Hernández', secondSurname: 'López', birthDate: '1972-11-02', nationalities: ['CUB'] }, registered);
    expect(r.level).toBe('low');
    expect(isShownCandidate(r)).toBe(false);
  });

  it('a normalized document number in common is always shown', () => {
    const r = scoreCandidate({ givenNames: 'Ana', firstSurname: 'Gómez', documents: [{ number: 'f123456', issuingCountry: 'HND' }] }, registered);
    expect(reason(r, 'document')).toMatchObject({ kind: 'match', value: 'F123456', sameIssuingCountry: true });
    expect(isShownCandidate(r)).toBe(true);
  });
});
