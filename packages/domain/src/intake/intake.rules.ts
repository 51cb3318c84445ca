/**
 * Pure rules of intake: claim numbers, ages and the vulnerability flags suggested from the
 * family. Shared by the server and the web app. The lifecycle is the procedure feature's.
 */

import { localDay } from '../shared/time.ts';

export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const CLAIM_CHANNELS = ['comar_office', 'inm_referral', 'detention_centre', 'third_party'] as const;
export const CLAIM_MODALITIES = ['regular', 'prioritised', 'accelerated'] as const;
export const MEMBER_RELATIONS = ['principal', 'spouse', 'partner', 'child', 'stepchild', 'parent', 'sibling', 'grandchild',
  'other_relative', 'other'] as const;
export type MemberRelation = (typeof MEMBER_RELATIONS)[number];

export const VULNERABILITY_CATEGORIES = ['child', 'unaccompanied_child', 'disability', 'elderly', 'pregnant',
  'single_parent', 'trafficking', 'serious_illness', 'mental_disorder', 'violence_survivor', 'lgbtiq'] as const;
export type VulnerabilityCategory = (typeof VULNERABILITY_CATEGORIES)[number];

/**
 * Categories under the field policy (ADR 012: sexual orientation and gender identity,
 * health, sexual violence; trafficking because consent comes before sharing). Pregnancy and
 * disability stay visible: scheduling and adapted communication depend on them.
 */
export const SENSITIVE_CATEGORIES: readonly VulnerabilityCategory[] = ['lgbtiq', 'serious_illness', 'mental_disorder',
  'violence_survivor', 'trafficking'];

export function isSensitiveCategory(category: VulnerabilityCategory): boolean {
  return SENSITIVE_CATEGORIES.includes(category);
}

export const ADULT_AGE = 18;
export const ELDERLY_AGE = 60;

/** Whole years from an ISO birth date to an ISO day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function isChildOn(birthDate: string | null, today: string): boolean | null {
  return birthDate ? ageOn(birthDate, today) < ADULT_AGE : null;
}

const ADULT_GUARDIANS: readonly MemberRelation[] = ['principal', 'spouse', 'partner', 'parent', 'sibling', 'other_relative',
  'grandchild', 'other'];

export interface FlagSuggestionMember {
  relation: MemberRelation;
  unaccompanied: boolean;
  birthDate: string | null;
  birthDateEstimated: boolean;
}

export interface FlagSuggestion {
  memberIndex: number;
  category: VulnerabilityCategory;
  /** A `intake.indicators.*` catalog key with its params (age, estimated). */
  indicatorKey: string;
  params: Record<string, string | number>;
}

/**
 * Child, unaccompanied child, elderly and single parent, from dates of birth and the family:
 * - a member under 18 is a child;
 * - a child is unaccompanied when marked so, or when no adult member of the claim could be
 *   their parent or guardian (a principal under 18 with no adult in the claim);
 * - a member aged 60 or more is elderly;
 * - a principal with children under 18 and no spouse or partner in the claim is a single parent.
 */
export function suggestFlags(members: readonly FlagSuggestionMember[], today: string): FlagSuggestion[] {
  const ages = members.map((m) => (m.birthDate ? ageOn(m.birthDate, today) : null));
  const isAdult = (i: number) => (ages[i] ?? ADULT_AGE) >= ADULT_AGE;
  const adultGuardianPresent = members.some((m, i) => ADULT_GUARDIANS.includes(m.relation) && isAdult(i) && ages[i] !== null);
  const suggestions: FlagSuggestion[] = [];
  members.forEach((member, index) => {
    const age = ages[index];
    if (age === null || age === undefined) return;
    const estimated = member.birthDateEstimated ? 'estimated' : 'exact';
    if (age < ADULT_AGE) {
      suggestions.push({ memberIndex: index, category: 'child', indicatorKey: 'intake.indicators.child', params: { age, estimated } });
      if (member.unaccompanied || (member.relation === 'principal' && !adultGuardianPresent)) {
        suggestions.push({ memberIndex: index, category: 'unaccompanied_child', indicatorKey: 'intake.indicators.unaccompanied', params: { age, estimated } });
      }
    }
    if (age >= ELDERLY_AGE) {
      suggestions.push({ memberIndex: index, category: 'elderly', indicatorKey: 'intake.indicators.elderly', params: { age, estimated } });
    }
  });
  const principalIndex = members.findIndex((m) => m.relation === 'principal');
  const hasChildren = members.some((m, i) => ['child', 'stepchild'].includes(m.relation) && (ages[i] ?? 0) < ADULT_AGE && ages[i] !== null);
  const hasPartner = members.some((m) => m.relation === 'spouse' || m.relation === 'partner');
  if (principalIndex >= 0 && isAdult(principalIndex) && hasChildren && !hasPartner) {
    const children = members.filter((m, i) => ['child', 'stepchild'].includes(m.relation) && (ages[i] ?? ADULT_AGE) < ADULT_AGE).length;
    suggestions.push({ memberIndex: principalIndex, category: 'single_parent', indicatorKey: 'intake.indicators.single_parent', params: { children } });
  }
  return suggestions;
}

/**
 * Formats a claim number: `{prefix}`, `{year}` and `{seq:N}` (counter padded to N digits;
 * `{seq}` unpadded). Unknown placeholders are left as written.
 */
export function formatClaimNumber(format: string, values: { prefix: string; year: number; seq: number }): string {
  return format.replace(/\{(prefix|year|seq)(?::(\d{1,2}))?\}/g, (_, name: string, width?: string) => {
    if (name === 'prefix') return values.prefix;
    if (name === 'year') return String(values.year);
    return width ? String(values.seq).padStart(Number(width), '0') : String(values.seq);
  });
}

/** The prefix an office without its own uses: the last segment of its code (COMAR-TAP → TAP). */
export function defaultClaimPrefix(officeCode: string): string {
  return officeCode.split('-').at(-1) ?? officeCode;
}

/** The referral's 72-hour notice window (Reglamento art. 22). */
export const INM_NOTICE_HOURS = 72;

/** A field and the catalog key of what is wrong with it. */
export interface FieldIssue { field: string; message: string }

/** Clock skew between a clerk's computer and the server that still counts as "now". */
const SKEW_MS = 5 * 60_000;

const instant = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/**
 * The order of a person's arrival: entry into Mexico (which starts the 30-working-day filing term,
 * LRPCPAP art. 18), then the wish for protection, then the lodging, none in the future. Checked
 * the same way by the forms as the person types and by the API, in the office's own day.
 */
export function arrivalDateIssues(
  input: { enteredMexicoOn: string | null; protectionExpressedAt: string | null; lodgedAt?: string | null },
  timeZone: string,
  now: Date = new Date(),
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const today = localDay(now, timeZone);
  const latest = now.getTime() + SKEW_MS;
  const expressed = instant(input.protectionExpressedAt);
  const lodged = instant(input.lodgedAt);
  if (input.enteredMexicoOn && input.enteredMexicoOn > today) issues.push({ field: 'enteredMexicoOn', message: 'validation.date_in_future' });
  else if (input.enteredMexicoOn && !Number.isNaN(expressed) && input.enteredMexicoOn > localDay(new Date(expressed), timeZone)) {
    issues.push({ field: 'enteredMexicoOn', message: 'validation.entry_after_request' });
  }
  if (expressed > latest) issues.push({ field: 'protectionExpressedAt', message: 'validation.date_in_future' });
  else if (expressed > lodged) issues.push({ field: 'protectionExpressedAt', message: 'validation.after_lodging' });
  if (lodged > latest) issues.push({ field: 'lodgedAt', message: 'validation.date_in_future' });
  return issues;
}
