// Request and response shapes of the calendars API, shared by the server and the web app.
import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { isIsoDate } from './civil-date.ts';
import { CLOCK_KINDS, CLOCK_STATES, MATERIALIZED_SPAN, RISK_BANDS } from './clock.rules.ts';

export const CALENDAR_RULE_KINDS = ['fixed_date', 'nth_weekday', 'periodic', 'date_range', 'suspension', 'working_day_override'] as const;
export const NON_WORKING_KINDS = ['weekend', 'holiday', 'declared', 'suspension'] as const;

const SPAN_FROM = `${MATERIALIZED_SPAN.fromYear}-01-01`;
const SPAN_TO = `${MATERIALIZED_SPAN.toYear}-12-31`;

/** A civil date `YYYY-MM-DD` inside the materialized span. */
export const ZIsoDate = z.string()
  .refine(isIsoDate, { message: 'validation.invalid_format' })
  // The message names the span's years; keep the catalogs in step with MATERIALIZED_SPAN.
  .refine((value) => value >= SPAN_FROM && value <= SPAN_TO, { message: 'validation.date_outside_calendar' });

const ZCalendarCode = z.string().trim().min(2).max(LIMITS.codeMax).regex(/^[A-Z0-9_-]+$/, { message: 'validation.code_format' });
const ZLabel = z.string().trim().min(1).max(LIMITS.nameMax);
/** The legal citation: "LFPA art. 28", "DOF 24/03/2020, Acuerdo …". */
const ZSource = z.string().trim().min(1).max(500);
const ZYear = z.number().int().min(1900).max(2200);
const ZMonth = z.number().int().min(1).max(12);
const ZVersion = z.number().int().positive();

const ruleBase = {
  label: ZLabel,
  source: ZSource,
  validFrom: ZYear.nullable().optional(),
  validTo: ZYear.nullable().optional(),
};
const ZRange = { from: ZIsoDate, to: ZIsoDate };

function rangeInOrder(value: { from?: string; to?: string }): boolean {
  return value.from === undefined || value.to === undefined || value.from <= value.to;
}
function yearsInOrder(value: { validFrom?: number | null | undefined; validTo?: number | null | undefined }): boolean {
  return value.validFrom == null || value.validTo == null || value.validFrom <= value.validTo;
}

export const ZCalendarRuleInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed_date'), ...ruleBase, month: ZMonth, day: z.number().int().min(1).max(31) }),
  z.strictObject({
    kind: z.literal('nth_weekday'), ...ruleBase, month: ZMonth, weekday: z.number().int().min(1).max(7),
    n: z.union([z.literal(-1), z.number().int().min(1).max(5)]),
  }),
  z.strictObject({
    kind: z.literal('periodic'), ...ruleBase, month: ZMonth, day: z.number().int().min(1).max(31),
    everyYears: z.number().int().min(1).max(100), anchorYear: ZYear,
  }),
  z.strictObject({ kind: z.literal('date_range'), ...ruleBase, ...ZRange }),
  z.strictObject({ kind: z.literal('suspension'), ...ruleBase, ...ZRange }),
  z.strictObject({ kind: z.literal('working_day_override'), ...ruleBase, date: ZIsoDate }),
]).refine((rule) => rangeInOrder(rule as { from?: string; to?: string }), { message: 'validation.range_reversed', path: ['to'] })
  .refine(yearsInOrder, { message: 'validation.range_reversed', path: ['validTo'] });
export type TCalendarRuleInput = z.infer<typeof ZCalendarRuleInput>;

/** Add a rule: the calendar's version guards against a concurrent change (409). */
export const ZCalendarRuleAdd = z.strictObject({ version: ZVersion, rule: ZCalendarRuleInput });
export const ZCalendarRulePreview = z.strictObject({ rule: ZCalendarRuleInput });

export const ZCalendarInput = z.strictObject({
  code: ZCalendarCode,
  name: ZLabel,
  /** The calendar this one adds days to (an authority's or office's DOF declarations). */
  extendsId: z.uuid(),
  /** Offices whose claims count on this calendar from now on. */
  officeIds: z.array(z.uuid()).max(100).default([]),
});

export const ZCalendarUpdate = z.strictObject({
  version: ZVersion,
  name: ZLabel.optional(),
  /** Only `true` is accepted: the default moves to this calendar. */
  isDefaultForClaims: z.literal(true).optional(),
});

export const ZCalendarRule = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(CALENDAR_RULE_KINDS),
  label: z.string(),
  source: z.string(),
  validFrom: z.number().nullable(),
  validTo: z.number().nullable(),
  params: z.record(z.string(), z.unknown()),
  /** The calendar that holds the rule (an ancestor's rules are inherited, read-only here). */
  calendarId: z.string(),
  calendarCode: z.string(),
  inherited: z.boolean(),
  createdAt: z.string(),
});
export type TCalendarRule = z.infer<typeof ZCalendarRule>;

export const ZCalendarSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  extendsId: z.string().nullable(),
  extendsCode: z.string().nullable(),
  weekendDays: z.array(z.number()),
  weekendSource: z.string().nullable(),
  isDefaultForClaims: z.boolean(),
  builtIn: z.boolean(),
  ruleCount: z.number(),
  officeCodes: z.array(z.string()),
  version: z.number(),
});
export type TCalendarSummary = z.infer<typeof ZCalendarSummary>;

export const ZCalendarDetail = ZCalendarSummary.extend({ rules: z.array(ZCalendarRule) });
export type TCalendarDetail = z.infer<typeof ZCalendarDetail>;

export const ZSkippedRange = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number(),
  kind: z.enum(NON_WORKING_KINDS),
  ruleId: z.string().optional(),
  label: z.string().optional(),
  source: z.string().optional(),
});
export type TSkippedRange = z.infer<typeof ZSkippedRange>;

export const ZDueDateQuery = z.strictObject({
  from: ZIsoDate,
  workingDays: z.coerce.number().int().min(0).max(1000),
});

export const ZDueDateExplanation = z.object({
  calendarId: z.string(),
  calendarCode: z.string(),
  from: z.string(),
  workingDays: z.number(),
  due: z.string(),
  skipped: z.array(ZSkippedRange),
});
export type TDueDateExplanation = z.infer<typeof ZDueDateExplanation>;

/** What a rule change does to the clocks: computed without writing (preview) or applied. */
export const ZRecomputation = z.object({
  calendarIds: z.array(z.string()),
  movedClocks: z.number(),
  movedClaims: z.number(),
});
export type TRecomputation = z.infer<typeof ZRecomputation>;

export const ZCalendarChangeResult = z.object({
  calendar: ZCalendarDetail,
  changeId: z.string(),
  recomputation: ZRecomputation,
});
export type TCalendarChangeResult = z.infer<typeof ZCalendarChangeResult>;

export const ZClaimClock = z.object({
  id: z.string(),
  kind: z.enum(CLOCK_KINDS),
  state: z.enum(CLOCK_STATES),
  calendarId: z.string().nullable(),
  calendarCode: z.string().nullable(),
  /** The calendar as people call it ("Calendario de la COMAR"), for the screen; the code is for exports. */
  calendarName: z.string().nullable(),
  startedOn: z.string().nullable(),
  startedAt: z.string().nullable(),
  workingDays: z.number().nullable(),
  hours: z.number().nullable(),
  extensionDays: z.number(),
  pausedWorkingDays: z.number(),
  pausedSince: z.string().nullable(),
  dueOn: z.string().nullable(),
  dueAt: z.string().nullable(),
  workingDaysLeft: z.number().nullable(),
  riskBand: z.enum(RISK_BANDS).nullable(),
  source: z.string(),
  /** Non-working days passed over between the start and the due date, grouped. */
  skipped: z.array(ZSkippedRange),
  /** Filing-limit clock: the day the wish for protection was expressed (or the claim lodged), and whether that was late. */
  filedOn: z.string().nullable(),
  late: z.boolean().nullable(),
  /** Due-date moves caused by calendar changes, newest first. */
  moves: z.array(z.object({
    changeId: z.string(), at: z.string(), oldDueOn: z.string().nullable(), newDueOn: z.string().nullable(),
    ruleLabel: z.string(), ruleSource: z.string(), action: z.string(),
  })),
  version: z.number(),
});
export type TClaimClock = z.infer<typeof ZClaimClock>;
