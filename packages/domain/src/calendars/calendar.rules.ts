// Calendars are data: weekend days plus rules, each rule carrying its legal source, so an
// administrator can publish a DOF suspension without a code change and every skipped day can be
// explained with the text that made it non-working.
import {
  dayNumberToCivil,
  daysInMonth,
  formatIsoDate,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
  type IsoDate,
} from './civil-date.ts';

interface RuleBase {
  /** Stable identifier, unique within a calendar; skipped days refer to it. */
  id: string;
  label: string;
  /** Legal citation, e.g. "LFPA art. 28" or "DOF 24/03/2020". */
  source: string;
  /** First calendar year (inclusive) in which the rule applies; open when absent. */
  validFrom?: number;
  /** Last calendar year (inclusive) in which the rule applies; open when absent. */
  validTo?: number;
}

/** The same day every year, e.g. 16 September. */
export interface FixedDateRule extends RuleBase {
  kind: 'fixed_date';
  month: number;
  day: number;
}

/** The n-th given weekday of a month (n = -1: the last one), e.g. third Monday of November. */
export interface NthWeekdayRule extends RuleBase {
  kind: 'nth_weekday';
  month: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 1–5, or -1 for the last. */
  n: number;
}

/**
 * A date every `everyYears` years counted from `anchorYear` in both directions, e.g. the transfer
 * of executive power; bound it in time with validFrom/validTo.
 */
export interface PeriodicRule extends RuleBase {
  kind: 'periodic';
  month: number;
  day: number;
  everyYears: number;
  anchorYear: number;
}

/** Non-working days declared in the DOF (vacation periods, Holy Week), both ends inclusive. */
export interface DateRangeRule extends RuleBase {
  kind: 'date_range';
  from: IsoDate;
  to: IsoDate;
}

/**
 * All time limits suspended, both ends inclusive; `source` holds the citation (e.g. the DOF
 * acuerdo). Counted like non-working days but reported distinctly, because a suspension moves
 * due dates that were already announced.
 */
export interface SuspensionRule extends RuleBase {
  kind: 'suspension';
  from: IsoDate;
  to: IsoDate;
}

/** A single date declared working even though another rule or the weekend says otherwise. */
export interface WorkingDayOverrideRule extends RuleBase {
  kind: 'working_day_override';
  date: IsoDate;
}

export type CalendarRule =
  | FixedDateRule
  | NthWeekdayRule
  | PeriodicRule
  | DateRangeRule
  | SuspensionRule
  | WorkingDayOverrideRule;

export type CalendarRuleKind = CalendarRule['kind'];

export interface Calendar {
  code: string;
  label?: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are never working days. */
  weekendDays: readonly number[];
  /** Citation that makes the weekend days non-working, reported with them. */
  weekendSource?: string;
  rules: readonly CalendarRule[];
}

export type NonWorkingKind = 'weekend' | 'holiday' | 'declared' | 'suspension';

export interface NonWorkingReason {
  kind: NonWorkingKind;
  ruleId?: string;
  label?: string;
  source?: string;
}

export const DEFAULT_WEEKEND_DAYS: readonly number[] = [6, 7];

export interface CalendarInput {
  code: string;
  label?: string;
  weekendDays?: readonly number[];
  weekendSource?: string;
  rules?: readonly CalendarRule[];
}

export function defineCalendar(input: CalendarInput): Calendar {
  return {
    code: input.code,
    ...(input.label === undefined ? {} : { label: input.label }),
    weekendDays: input.weekendDays ?? DEFAULT_WEEKEND_DAYS,
    ...(input.weekendSource === undefined ? {} : { weekendSource: input.weekendSource }),
    rules: input.rules ?? [],
  };
}

/** An authority's or office's calendar: a base calendar plus its own DOF declarations. */
export function extendCalendar(
  base: Calendar,
  extension: { code: string; label?: string; rules: readonly CalendarRule[] },
): Calendar {
  // The base label would misname the new calendar, so only the extension's own label is kept.
  return defineCalendar({
    code: extension.code,
    ...(extension.label === undefined ? {} : { label: extension.label }),
    weekendDays: base.weekendDays,
    ...(base.weekendSource === undefined ? {} : { weekendSource: base.weekendSource }),
    rules: [...base.rules, ...extension.rules],
  });
}

// When several rules hit the same day, report the most specific declaration: a suspension or a
// declared period is what the UI must show, even when the day is also a holiday or a weekend, and
// it keeps a declared range in one piece when skipped days are grouped.
const KIND_RANK: Record<NonWorkingKind, number> = { weekend: 0, holiday: 1, declared: 2, suspension: 3 };

function ruleReasonKind(rule: CalendarRule): NonWorkingKind | null {
  switch (rule.kind) {
    case 'fixed_date':
    case 'nth_weekday':
    case 'periodic':
      return 'holiday';
    case 'date_range':
      return 'declared';
    case 'suspension':
      return 'suspension';
    case 'working_day_override':
      return null;
  }
}

function appliesInYear(rule: CalendarRule, year: number): boolean {
  return (rule.validFrom === undefined || year >= rule.validFrom) && (rule.validTo === undefined || year <= rule.validTo);
}

function modulo(a: number, b: number): number {
  return ((a % b) + b) % b;
}

interface DayFacts {
  iso: IsoDate;
  year: number;
  month: number;
  day: number;
  weekday: number;
}

function ruleMatches(rule: CalendarRule, facts: DayFacts): boolean {
  if (!appliesInYear(rule, facts.year)) return false;
  switch (rule.kind) {
    case 'fixed_date':
      return facts.month === rule.month && facts.day === rule.day;
    case 'nth_weekday':
      if (facts.month !== rule.month || facts.weekday !== rule.weekday) return false;
      return rule.n === -1
        ? facts.day + 7 > daysInMonth(facts.year, facts.month)
        : Math.ceil(facts.day / 7) === rule.n;
    case 'periodic':
      return (
        facts.month === rule.month &&
        facts.day === rule.day &&
        modulo(facts.year - rule.anchorYear, rule.everyYears) === 0
      );
    // Fixed-width ISO strings compare like the dates they denote.
    case 'date_range':
    case 'suspension':
      return facts.iso >= rule.from && facts.iso <= rule.to;
    case 'working_day_override':
      return facts.iso === rule.date;
  }
}

function weekendReason(calendar: Calendar): NonWorkingReason {
  return calendar.weekendSource === undefined ? { kind: 'weekend' } : { kind: 'weekend', source: calendar.weekendSource };
}

/** Why a day (as a day number) is not a working day, or null when it is one. */
export function nonWorkingReasonForDay(calendar: Calendar, dayNumber: number): NonWorkingReason | null {
  const { year, month, day } = dayNumberToCivil(dayNumber);
  const facts: DayFacts = { iso: formatIsoDate(year, month, day), year, month, day, weekday: isoWeekday(dayNumber) };
  let best: { rule: CalendarRule; kind: NonWorkingKind } | null = null;
  for (const rule of calendar.rules) {
    if (!ruleMatches(rule, facts)) continue;
    const kind = ruleReasonKind(rule);
    // An override is an explicit declaration for one date, so it beats every other rule.
    if (kind === null) return null;
    if (best === null || KIND_RANK[kind] > KIND_RANK[best.kind]) best = { rule, kind };
  }
  if (best !== null) {
    return { kind: best.kind, ruleId: best.rule.id, label: best.rule.label, source: best.rule.source };
  }
  return calendar.weekendDays.includes(facts.weekday) ? weekendReason(calendar) : null;
}

export function nonWorkingReason(calendar: Calendar, isoDate: IsoDate): NonWorkingReason | null {
  return nonWorkingReasonForDay(calendar, toDayNumber(isoDate));
}

export function isWorkingDayNumber(calendar: Calendar, dayNumber: number): boolean {
  return nonWorkingReasonForDay(calendar, dayNumber) === null;
}

export function isWorkingDay(calendar: Calendar, isoDate: IsoDate): boolean {
  return isWorkingDayNumber(calendar, toDayNumber(isoDate));
}

export interface CalendarIssue {
  ruleId?: string;
  message: string;
}

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function monthDayIssue(month: number, day: number): string | null {
  if (!isIntegerIn(month, 1, 12)) return `month must be 1–12, got ${month}`;
  // 29 February is allowed: it simply applies in leap years only.
  if (!isIntegerIn(day, 1, daysInMonth(2000, month))) return `day ${day} does not exist in month ${month}`;
  return null;
}

function rangeIssue(from: IsoDate, to: IsoDate): string | null {
  if (!parseIsoDate(from)) return `from is not a valid ISO date: ${from}`;
  if (!parseIsoDate(to)) return `to is not a valid ISO date: ${to}`;
  return from > to ? `from ${from} is after to ${to}` : null;
}

function ruleIssue(rule: CalendarRule): string | null {
  if (rule.label.trim() === '') return 'label is empty';
  if (rule.source.trim() === '') return 'source (legal citation) is empty';
  if (rule.validFrom !== undefined && !Number.isInteger(rule.validFrom)) return 'validFrom must be a year';
  if (rule.validTo !== undefined && !Number.isInteger(rule.validTo)) return 'validTo must be a year';
  if (rule.validFrom !== undefined && rule.validTo !== undefined && rule.validFrom > rule.validTo) {
    return `validFrom ${rule.validFrom} is after validTo ${rule.validTo}`;
  }
  switch (rule.kind) {
    case 'fixed_date':
      return monthDayIssue(rule.month, rule.day);
    case 'nth_weekday':
      if (!isIntegerIn(rule.month, 1, 12)) return `month must be 1–12, got ${rule.month}`;
      if (!isIntegerIn(rule.weekday, 1, 7)) return `weekday must be 1–7, got ${rule.weekday}`;
      return rule.n === -1 || isIntegerIn(rule.n, 1, 5) ? null : `n must be 1–5 or -1, got ${rule.n}`;
    case 'periodic':
      if (!isIntegerIn(rule.everyYears, 1, 100)) return `everyYears must be 1–100, got ${rule.everyYears}`;
      if (!Number.isInteger(rule.anchorYear)) return 'anchorYear must be a year';
      return monthDayIssue(rule.month, rule.day);
    case 'date_range':
    case 'suspension':
      return rangeIssue(rule.from, rule.to);
    case 'working_day_override':
      return parseIsoDate(rule.date) ? null : `date is not a valid ISO date: ${rule.date}`;
  }
}

/** Problems that would make the calendar unusable or ambiguous; empty when it is sound. */
export function validateCalendar(calendar: Calendar): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (calendar.code.trim() === '') issues.push({ message: 'code is empty' });
  if (!calendar.weekendDays.every((d) => isIntegerIn(d, 1, 7))) {
    issues.push({ message: 'weekendDays must be ISO weekdays 1–7' });
  }
  // At least one weekday must stay working, or no due date could ever be reached.
  if (new Set(calendar.weekendDays).size >= 7) issues.push({ message: 'every weekday is a weekend day' });
  const seen = new Set<string>();
  for (const rule of calendar.rules) {
    if (rule.id.trim() === '') issues.push({ message: 'a rule has an empty id' });
    else if (seen.has(rule.id)) issues.push({ ruleId: rule.id, message: 'duplicate rule id' });
    seen.add(rule.id);
    const message = ruleIssue(rule);
    if (message !== null) issues.push({ ruleId: rule.id, message });
  }
  return issues;
}
