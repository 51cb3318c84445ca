// Public surface of the calendars feature: pure working-day maths, safe for server and web.
export {
  addCalendarDays,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isoWeekday,
  parseIsoDate,
  toDayNumber,
  type CivilDate,
  type IsoDate,
  type IsoWeekday,
} from './civil-date.ts';
export {
  DEFAULT_WEEKEND_DAYS,
  defineCalendar,
  extendCalendar,
  isWorkingDay,
  nonWorkingReason,
  validateCalendar,
  type Calendar,
  type CalendarInput,
  type CalendarIssue,
  type CalendarRule,
  type CalendarRuleKind,
  type DateRangeRule,
  type FixedDateRule,
  type NonWorkingKind,
  type NonWorkingReason,
  type NthWeekdayRule,
  type PeriodicRule,
  type SuspensionRule,
  type WorkingDayOverrideRule,
} from './calendar.rules.ts';
export {
  addWorkingDays,
  explainDueDate,
  groupSkippedDays,
  hoursClockDue,
  workingDaysBetween,
  type DueDateExplanation,
  type SkippedDay,
  type SkippedRange,
} from './working-days.ts';
export { WorkingDayIndex, workingDayOrdinals, type WorkingDayOrdinalRow } from './working-day-index.ts';
export {
  DEFAULT_CLAIM_CALENDAR_CODE,
  LFPA_ART_28,
  LFT_ART_74,
  MEXICO_CALENDARS,
  SAMPLE_COMAR_2024_HOLY_WEEK,
  SAMPLE_COVID_SUSPENSION_2020,
} from './mexico-calendars.ts';
export * from './clock.rules.ts';
export * from './calendars.schemas.ts';
