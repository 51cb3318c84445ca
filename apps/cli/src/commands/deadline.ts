import {
  addWorkingDays, explainDueDate, isIsoDate, MATERIALIZED_SPAN, type SkippedDay,
} from '@refugio/domain';
import { defaultClaimCalendar, loadCalendar, resolveCalendar } from '@refugio/domain/server';
import { CliError, flag, stringOption, UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

const SPAN_FROM = `${MATERIALIZED_SPAN.fromYear}-01-01`;
const SPAN_TO = `${MATERIALIZED_SPAN.toYear}-12-31`;
const MAX_WORKING_DAYS = 10_000;

function workingDaysOption(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') throw new UsageError('--working-days is required');
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--working-days must be a whole number of days >= 0, got "${raw}"`);
  const n = Number(raw.trim());
  if (n > MAX_WORKING_DAYS) throw new UsageError(`--working-days must be at most ${MAX_WORKING_DAYS}, got ${n}`);
  return n;
}

function fromOptions(raw: unknown): string[] {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  if (values.length === 0) throw new UsageError('--from is required (a date YYYY-MM-DD; repeat it for several dates)');
  for (const value of values) {
    if (!isIsoDate(value)) throw new UsageError(`--from must be a date YYYY-MM-DD, got "${value}"`);
  }
  return values;
}

function describeSkipped(day: SkippedDay): string {
  const what = day.label ? `${day.kind}: ${day.label}` : day.kind;
  return `  ${day.date} ${what}${day.source ? ` (${day.source})` : ''}`;
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary: 'Print the due date N working days after each --from date, one "FROM DUE" line each (ISO dates).',
  details: [
    'Counts on the default claim calendar of the configured database (or --calendar, a code such as LFPA_ART_28 or an id), '
      + 'with its declared days and suspensions. The --from day is day 0; day 1 is the first working day after it.',
    '--explain lists under each line every skipped day with its reason (weekend, holiday, declared, suspension) and source.',
  ],
  options: {
    'working-days': { type: 'string', value: 'N', description: 'Working days to count (0 or more)', required: true },
    from: { type: 'string', multiple: true, value: 'DATE', description: 'Start date YYYY-MM-DD (day 0); repeat for several', required: true },
    calendar: { type: 'string', value: 'ID', description: 'Calendar code or id (default: the calendar for claims)' },
    explain: { type: 'boolean', description: 'List the skipped days under each line' },
  },
  json: true,
  async run(ctx) {
    const n = workingDaysOption(stringOption(ctx, 'working-days'));
    const froms = fromOptions(ctx.values.from);
    const calendarRef = stringOption(ctx, 'calendar');
    const explain = flag(ctx, 'explain');
    return withDatabase(ctx.io, { prepare: 'ready' }, async (db) => {
      let ref: { id: string; code: string };
      try {
        ref = calendarRef === undefined ? await defaultClaimCalendar(db) : await resolveCalendar(db, calendarRef);
      } catch {
        throw new CliError(calendarRef === undefined ? 'No default claim calendar is set.' : `No calendar with code or id "${calendarRef}".`);
      }
      const calendar = await loadCalendar(db, ref.id);
      // Inside the materialized span the stored ordinals answer, as for every claim clock; outside
      // it the engine counts day by day on the same rules.
      const { rows } = await db.query<{ due: string | null }>(
        `SELECT CASE WHEN f BETWEEN $3::date AND $4::date THEN add_working_days($1, f, $5) END AS due
           FROM unnest($2::date[]) WITH ORDINALITY AS u(f, i) ORDER BY i`,
        [ref.id, froms, SPAN_FROM, SPAN_TO, n],
      );
      const results = froms.map((from, i) => {
        const due = rows[i]?.due ?? addWorkingDays(calendar, from, n);
        return { from, due, skipped: explain ? explainDueDate(calendar, from, n).skipped : [] };
      });
      if (ctx.json) {
        ctx.print(JSON.stringify({ calendar: ref.code, workingDays: n, results: results.map((r) => ({
          from: r.from, due: r.due, ...(explain ? { skipped: r.skipped } : {}) })) }));
        return 0;
      }
      for (const result of results) {
        ctx.print(`${result.from} ${result.due}`);
        for (const day of result.skipped) ctx.print(describeSkipped(day));
      }
      return 0;
    });
  },
};
