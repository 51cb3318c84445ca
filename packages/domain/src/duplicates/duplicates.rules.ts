/**
 * Duplicate detection: how two person records are compared and scored. Pure and client-safe;
 * the server's `findDuplicateCandidates` fetches candidates through indexes and scores them here.
 * Design and reasons: docs/decisions/011-duplicate-detection.md.
 *
 * `foldName` mirrors the SQL function `refugio_name_fold` (migrations 20261128143000 and
 * 20261206100000, ADR 055); an integration test checks that both fold the same names to the same
 * keys.
 */

/** Every weight and threshold of the scoring model, in one place. Scores are clamped to 0–100. */
export const DUPLICATE_WEIGHTS = {
  name: {
    /** Same names as written (case and spacing aside). */
    exact: 50,
    /** Same names once accents and punctuation are dropped. */
    accentInsensitive: 48,
    /** First and second surname swapped. */
    swappedSurnames: 45,
    /** The same surname words in another order or split differently (compound surnames). */
    surnameSet: 42,
    /** Equal after the spelling folds and name-variant classes (TRANSLITERATION_RULES). */
    transliteration: 40,
    /** Otherwise: points = factor × trigram similarity of the folded names, when ≥ similarityMin. */
    similarityFactor: 45,
    similarityMin: 0.5,
  },
  birthDate: {
    exact: 30,
    oneDay: 22,
    transposedDayMonth: 20,
    /** Within `withinDaysMax` days (2 or more apart). */
    withinDays: 10,
    withinDaysMax: 7,
    /** When either date is estimated. */
    estimatedSameYear: 15,
    estimatedOneYear: 10,
    /** Both dates known, exact, and none of the above: evidence against. */
    conflict: -15,
  },
  nationality: { overlap: 10, conflict: -10 },
  /** A normalized document number in common: shown whatever the total. */
  document: { match: 45 },
  /** Candidates below this total are not shown (unless a document number matches). */
  threshold: 45,
  /** At or above: "likely the same person". */
  high: 70,
} as const;

/**
 * Spelling folds applied in order to lower-case, unaccented, letters-only names. Conservative:
 * each is a variation seen in how the same name gets written down at a border post or an office
 * (Arabic and Haitian names in Latin script, Spanish spelling). Keep in step with the SQL.
 */
export const TRANSLITERATION_RULES: ReadonlyArray<{ from: RegExp; to: string; note: string }> = [
  { from: /ph/g, to: 'f', note: 'ph/f (Joseph, Josef)' },
  { from: /ou/g, to: 'u', note: 'ou/u (Youssef, Yusef; Louis, Luis)' },
  { from: /ll/g, to: 'y', note: 'll/y (yeísmo: Castillo, Castiyo)' },
  { from: /y/g, to: 'i', note: 'y/i (Yesenia, Iesenia; Maykel, Maikel)' },
  { from: /v/g, to: 'b', note: 'v/b (Valdez, Baldez)' },
  { from: /z/g, to: 's', note: 'z/s (Pérez, Peres)' },
  { from: /c([ei])/g, to: 's$1', note: 'c/s before e or i (Cecilia, Sesilia)' },
  // Silent h dropped, ch and sh kept (Hernández, Ernández): ch/sh are marked, every h goes, the marks come back.
  { from: /([cs])h/g, to: '$1#', note: 'silent h (Hernández, Ernández; ch and sh kept)' },
  { from: /h/g, to: '', note: 'silent h (Hernández, Ernández; ch and sh kept)' },
  { from: /#/g, to: 'h', note: 'silent h (Hernández, Ernández; ch and sh kept)' },
  { from: /([a-z])\1+/g, to: '$1', note: 'double letters (Mohammed, Mohamed)' },
];

/** Name-variant classes, matched on whole folded words after the spelling folds. */
export const NAME_VARIANTS: ReadonlyArray<{ variants: readonly string[]; to: string; note: string }> = [
  { variants: ['moamed', 'moamad', 'muamed', 'mamed'], to: 'muamad', note: 'Mohamed, Mohammed, Mohamad, Muhammad, Mehmed' },
  { variants: ['iusef', 'iusif', 'iosef'], to: 'iusuf', note: 'Yusuf, Youssef, Yousif, Yosef, Youssouf' },
  { variants: ['amed'], to: 'amad', note: 'Ahmed, Ahmad' },
];

/**
 * The least trigram similarity of the folded names at which a candidate can still be shown when
 * the person looked for has no birth date (ADR 057): the birth date then gives no points, so
 * without a document in common only the name (45 × similarity, similarity rounded to hundredths,
 * points rounded) and a nationality in common (+10) can reach the threshold. Names the same once
 * folded (the equalities above) have similarity 1. One hundredth lower, for float rounding.
 */
export const LEAST_SHOWN_SIMILARITY_WITHOUT_BIRTH_DATE =
  Math.floor(((DUPLICATE_WEIGHTS.threshold - DUPLICATE_WEIGHTS.nationality.overlap - 0.5) / DUPLICATE_WEIGHTS.name.similarityFactor - 0.005) * 100) / 100 - 0.01;

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};

/** Lower case, no accents, letters only, single spaces (what PostgreSQL's unaccent gives). */
export function plainName(value: string | null | undefined): string {
  return (value ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđðþı]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function foldWord(word: string): string {
  let out = word;
  for (const rule of TRANSLITERATION_RULES) out = out.replace(rule.from, rule.to);
  return NAME_VARIANTS.find((v) => v.variants.includes(out))?.to ?? out;
}

/** The folded form of a name, word by word; equal folded forms are "the same name, spelt differently". */
export function foldName(value: string | null | undefined): string {
  // The folds work inside words, so folding word by word equals folding the whole string.
  return plainName(value).split(' ').filter(Boolean).map(foldWord).join(' ');
}

/** A document number as compared: letters and digits only, upper case (like `refugio_document_keys`). */
export function documentKey(value: string | null | undefined): string {
  return plainAlnum(value).toUpperCase();
}

function plainAlnum(value: string | null | undefined): string {
  return (value ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '');
}

export const DOCUMENT_KEY_MIN = 4;

/** pg_trgm's trigrams of a string: per word, padded with two spaces before and one after. */
export function trigrams(value: string): Set<string> {
  const out = new Set<string>();
  for (const word of value.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)) {
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's similarity(): shared trigrams over all distinct trigrams of both. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

export interface MatchDocument {
  type?: string | null | undefined;
  number: string;
  issuingCountry?: string | null | undefined;
}

/** The fields the comparison reads. */
export interface MatchPerson {
  givenNames: string;
  firstSurname?: string | null | undefined;
  secondSurname?: string | null | undefined;
  otherNames?: readonly string[] | undefined;
  birthDate?: string | null | undefined;
  birthDateEstimated?: boolean | undefined;
  nationalities?: readonly string[] | undefined;
  documents?: readonly MatchDocument[] | undefined;
}

export const NAME_MATCH_KINDS = [
  'exact', 'accent_insensitive', 'swapped_surnames', 'surname_set', 'transliteration', 'similar', 'different',
] as const;
export const BIRTH_DATE_MATCH_KINDS = [
  'exact', 'one_day', 'transposed_day_month', 'within_days', 'estimated_same_year', 'estimated_one_year',
  'different', 'missing',
] as const;
export const NATIONALITY_MATCH_KINDS = ['match', 'different', 'missing'] as const;
export const DOCUMENT_MATCH_KINDS = ['match', 'different', 'missing'] as const;

export type NameMatchKind = (typeof NAME_MATCH_KINDS)[number];
export type BirthDateMatchKind = (typeof BIRTH_DATE_MATCH_KINDS)[number];
export type NationalityMatchKind = (typeof NATIONALITY_MATCH_KINDS)[number];
export type DocumentMatchKind = (typeof DOCUMENT_MATCH_KINDS)[number];

/** Why one field matched (or did not), with the points it gave. */
export type MatchReason =
  | {
      field: 'name'; kind: NameMatchKind; points: number;
      /** The candidate's name (or alias) compared. */
      value: string;
      /** Trigram similarity of the folded names, 0–1 (always given). */
      similarity: number;
      /** Words that are the same name spelt differently (transliteration). */
      variants?: Array<{ from: string; to: string }>;
      /** The match was on one of the candidate's other names or aliases. */
      alias?: boolean;
    }
  | { field: 'birthDate'; kind: BirthDateMatchKind; points: number; value: string | null; days?: number }
  | { field: 'nationality'; kind: NationalityMatchKind; points: number; value: string[]; common?: string[] }
  | { field: 'document'; kind: DocumentMatchKind; points: number; value: string | null; sameIssuingCountry?: boolean };

export interface MatchResult {
  score: number;
  level: 'high' | 'possible' | 'low';
  reasons: MatchReason[];
  documentMatch: boolean;
}

const W = DUPLICATE_WEIGHTS;

function words(value: string): string[] {
  return value.split(' ').filter(Boolean);
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.toSorted().join(' ') === b.toSorted().join(' ');
}

function displayName(p: { givenNames: string; firstSurname?: string | null | undefined; secondSurname?: string | null | undefined }): string {
  return [p.givenNames, p.firstSurname, p.secondSurname].filter((s) => s && s.trim()).join(' ');
}

function basic(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

type NameParts = { givenNames: string; firstSurname?: string | null | undefined; secondSurname?: string | null | undefined };

function compareNameParts(q: NameParts, c: NameParts): Omit<Extract<MatchReason, { field: 'name' }>, 'field' | 'value' | 'alias'> {
  const qFull = displayName(q);
  const cFull = displayName(c);
  const similarity = Math.round(trigramSimilarity(foldName(qFull), foldName(cFull)) * 100) / 100;
  if (basic(q.givenNames) === basic(c.givenNames) && basic(q.firstSurname) === basic(c.firstSurname)
    && basic(q.secondSurname) === basic(c.secondSurname)) {
    return { kind: 'exact', points: W.name.exact, similarity };
  }
  const qg = plainName(q.givenNames);
  const q1 = plainName(q.firstSurname);
  const q2 = plainName(q.secondSurname);
  const cg = plainName(c.givenNames);
  const c1 = plainName(c.firstSurname);
  const c2 = plainName(c.secondSurname);
  if (qg === cg && q1 === c1 && q2 === c2) return { kind: 'accent_insensitive', points: W.name.accentInsensitive, similarity };
  if (qg === cg && q1 && q2 && q1 === c2 && q2 === c1) return { kind: 'swapped_surnames', points: W.name.swappedSurnames, similarity };
  const qSurnames = words(`${q1} ${q2}`);
  if (qg === cg && qSurnames.length > 0 && sameWords(qSurnames, words(`${c1} ${c2}`))) {
    return { kind: 'surname_set', points: W.name.surnameSet, similarity };
  }
  const qWords = words(plainName(qFull));
  const cWords = words(plainName(cFull));
  if (qWords.length > 0 && sameWords(qWords.map(foldWord), cWords.map(foldWord))) {
    const variants: Array<{ from: string; to: string }> = [];
    const remaining = [...cWords];
    for (const word of qWords) {
      const exactAt = remaining.indexOf(word);
      if (exactAt >= 0) {
        remaining.splice(exactAt, 1);
        continue;
      }
      const at = remaining.findIndex((other) => foldWord(other) === foldWord(word));
      if (at >= 0) variants.push({ from: word, to: remaining.splice(at, 1)[0]! });
    }
    return { kind: 'transliteration', points: W.name.transliteration, similarity, variants };
  }
  if (similarity >= W.name.similarityMin) {
    return { kind: 'similar', points: Math.round(W.name.similarityFactor * similarity), similarity };
  }
  return { kind: 'different', points: 0, similarity };
}

/** The name comparison: the candidate's own name, or the best of its other names and aliases. */
export function compareNames(q: MatchPerson, c: MatchPerson): Extract<MatchReason, { field: 'name' }> {
  const main = { field: 'name' as const, value: displayName(c), ...compareNameParts(q, c) };
  let best: Extract<MatchReason, { field: 'name' }> = main;
  for (const alias of c.otherNames ?? []) {
    if (!alias.trim()) continue;
    // An alias is a free-text full name: compared as words, never as "exact".
    const r = compareNameParts({ givenNames: displayName(q) }, { givenNames: alias });
    const points = r.kind === 'exact' || r.kind === 'accent_insensitive' ? W.name.accentInsensitive : r.points;
    if (points > best.points) best = { field: 'name', value: alias, ...r, points, alias: true };
  }
  return best;
}

function parseDate(value: string): { y: number; m: number; d: number; t: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { y, m, d, t: date.getTime() / 86_400_000 };
}

/** The date with day and month swapped, when that is another valid date (e.g. 2001-03-04 ↔ 2001-04-03). */
export function transposedDate(value: string): string | null {
  const p = parseDate(value);
  if (!p || p.d > 12 || p.d === p.m) return null;
  const t = new Date(Date.UTC(p.y, p.d - 1, p.m));
  if (t.getUTCMonth() !== p.d - 1) return null;
  return t.toISOString().slice(0, 10);
}

function shiftDate(value: string, days: number): string {
  const p = parseDate(value);
  if (!p) return value;
  return new Date((p.t + days) * 86_400_000).toISOString().slice(0, 10);
}

export function compareBirthDates(q: MatchPerson, c: MatchPerson): Extract<MatchReason, { field: 'birthDate' }> {
  const value = c.birthDate ?? null;
  const a = q.birthDate ? parseDate(q.birthDate) : null;
  const b = c.birthDate ? parseDate(c.birthDate) : null;
  if (!a || !b) return { field: 'birthDate', kind: 'missing', points: 0, value };
  const days = Math.abs(a.t - b.t);
  if (days === 0) return { field: 'birthDate', kind: 'exact', points: W.birthDate.exact, value };
  if (days === 1) return { field: 'birthDate', kind: 'one_day', points: W.birthDate.oneDay, value, days };
  if (transposedDate(q.birthDate!) === c.birthDate) {
    return { field: 'birthDate', kind: 'transposed_day_month', points: W.birthDate.transposedDayMonth, value };
  }
  if (days <= W.birthDate.withinDaysMax) return { field: 'birthDate', kind: 'within_days', points: W.birthDate.withinDays, value, days };
  if (q.birthDateEstimated || c.birthDateEstimated) {
    if (a.y === b.y) return { field: 'birthDate', kind: 'estimated_same_year', points: W.birthDate.estimatedSameYear, value };
    if (Math.abs(a.y - b.y) === 1) return { field: 'birthDate', kind: 'estimated_one_year', points: W.birthDate.estimatedOneYear, value };
    return { field: 'birthDate', kind: 'different', points: 0, value, days };
  }
  return { field: 'birthDate', kind: 'different', points: W.birthDate.conflict, value, days };
}

export function compareNationalities(q: MatchPerson, c: MatchPerson): Extract<MatchReason, { field: 'nationality' }> {
  const value = [...(c.nationalities ?? [])];
  const mine = new Set((q.nationalities ?? []).map((n) => n.toUpperCase()));
  if (mine.size === 0 || value.length === 0) return { field: 'nationality', kind: 'missing', points: 0, value };
  const common = value.filter((n) => mine.has(n.toUpperCase()));
  if (common.length > 0) return { field: 'nationality', kind: 'match', points: W.nationality.overlap, value, common };
  return { field: 'nationality', kind: 'different', points: W.nationality.conflict, value };
}

export function compareDocuments(q: MatchPerson, c: MatchPerson): Extract<MatchReason, { field: 'document' }> {
  const mine = (q.documents ?? []).filter((d) => documentKey(d.number).length >= DOCUMENT_KEY_MIN);
  const theirs = (c.documents ?? []).filter((d) => documentKey(d.number).length >= DOCUMENT_KEY_MIN);
  if (mine.length === 0 || theirs.length === 0) return { field: 'document', kind: 'missing', points: 0, value: null };
  for (const d of mine) {
    const other = theirs.find((t) => documentKey(t.number) === documentKey(d.number));
    if (other) {
      const sameIssuingCountry = !d.issuingCountry || !other.issuingCountry
        || d.issuingCountry.toUpperCase() === other.issuingCountry.toUpperCase();
      return { field: 'document', kind: 'match', points: W.document.match, value: documentKey(d.number), sameIssuingCountry };
    }
  }
  return { field: 'document', kind: 'different', points: 0, value: null };
}

/** Compares a new or existing person with a candidate record: total score and one reason per field. */
export function scoreCandidate(q: MatchPerson, c: MatchPerson): MatchResult {
  const reasons: MatchReason[] = [compareNames(q, c), compareBirthDates(q, c), compareNationalities(q, c), compareDocuments(q, c)];
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  const score = Math.max(0, Math.min(100, total));
  const documentMatch = reasons.some((r) => r.field === 'document' && r.kind === 'match');
  const level = score >= W.high ? 'high' : score >= W.threshold ? 'possible' : 'low';
  return { score, level, reasons, documentMatch };
}

/** Shown to the clerk: at or above the threshold, or sharing a document number. */
export function isShownCandidate(result: MatchResult): boolean {
  return result.score >= W.threshold || result.documentMatch;
}

/** Dates whose persons the birth-date index fetches for a candidate with this date. */
export function nearbyBirthDates(value: string | null | undefined): string[] {
  if (!value || !parseDate(value)) return [];
  const transposed = transposedDate(value);
  return [shiftDate(value, -1), value, shiftDate(value, 1), ...(transposed ? [transposed] : [])];
}
