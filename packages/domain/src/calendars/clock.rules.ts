// The legal clocks a claim runs (LRPCPAP arts. 11, 18, 24, 25; Reglamento arts. 20, 22) and the risk band of a due date. Pure data
// and arithmetic, shared by the server (which stores due dates) and the web (which shows them).
import { toDayNumber, type IsoDate } from './civil-date.ts';

export const CLOCK_KINDS = ['decision', 'filing_limit', 'appeal', 'ratification', 'inm_notice'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export const CLOCK_STATES = ['running', 'paused', 'stopped'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export interface ClockDefinition {
  kind: ClockKind;
  /** Working days on the claim's calendar; absent for the hours clock. */
  workingDays?: number;
  /** Elapsed hours (weekends and holidays count). */
  hours?: number;
  /** Working days the one-time extension adds (LRPCPAP art. 24: once, by an equal period). */
  extensionDays?: number;
  source: string;
}

export const CLOCK_DEFINITIONS: Readonly<Record<ClockKind, ClockDefinition>> = {
  decision: { kind: 'decision', workingDays: 45, extensionDays: 45, source: 'LRPCPAP art. 24' },
  filing_limit: { kind: 'filing_limit', workingDays: 30, source: 'LRPCPAP art. 18' },
  appeal: { kind: 'appeal', workingDays: 15, source: 'LRPCPAP art. 25' },
  ratification: { kind: 'ratification', workingDays: 3, source: 'LRPCPAP art. 11; Reglamento art. 20' },
  inm_notice: { kind: 'inm_notice', hours: 72, source: 'Reglamento LRPCPAP art. 22' },
};

export const RISK_BANDS = ['on_track', 'due_soon', 'overdue'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** "Due soon" means this many working days left or fewer, the due day included. */
export const DUE_SOON_WORKING_DAYS = 10;

/**
 * Risk band from the working days left (ordinal(due) - ordinal(today)); the same rule as the SQL
 * function claim_risk_band. Overdue only once the due date has passed: on the due day it is due soon.
 */
export function riskBand(dueOn: IsoDate, today: IsoDate, workingDaysLeft: number): RiskBand {
  if (toDayNumber(dueOn) < toDayNumber(today)) return 'overdue';
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_track';
}

/**
 * Calendars are materialized day by day (calendar_days) over these years, both inclusive: 2000
 * covers every claim a national authority may still hold (the 2017 earthquake and 2020 COVID
 * suspensions included) and 2050 leaves a decision term plus its extension room after any date
 * the system will meet in its lifetime; 51 years are about 18,600 rows per calendar. Dates outside
 * the span are refused by the clock service.
 */
export const MATERIALIZED_SPAN = { fromYear: 2000, toYear: 2050 } as const;
