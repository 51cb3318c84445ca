/**
 * Civil days in an office's time zone. The authority's days begin and end where the office is:
 * Mexico alone spans four zones, and a claim lodged at 23:30 in Tijuana is lodged that day (day 0
 * of its clocks, LFPA art. 28 counting), not the next one in Mexico City. Offices carry an IANA
 * zone (`offices.time_zone`); what belongs to no office (training, certificates) uses the
 * operation's zone.
 */

/** The operation's zone: offices default to it, and so does anything that has no office. */
export const DEFAULT_TIME_ZONE = 'America/Mexico_City';

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The civil day (YYYY-MM-DD) on which `instant` falls in `timeZone`. */
export function localDay(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dayFormatter(timeZone).format(instant);
}

/** Today's civil day in `timeZone`. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  return localDay(now, timeZone);
}

/** Whether the runtime knows the zone (IANA names such as America/Tijuana). */
export function isTimeZone(value: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** SQL for today's civil day in a zone given as a SQL expression (a column such as `o.time_zone`). */
export const todaySql = (zoneSql: string): string => `(now() AT TIME ZONE ${zoneSql})::date`;

/** SQL for today's civil day in the operation's zone. */
export const TODAY_SQL = todaySql(`'${DEFAULT_TIME_ZONE}'`);

/** SQL for the civil day of a timestamptz column in a zone given as a SQL expression. */
export const localDaySql = (column: string, zoneSql = `'${DEFAULT_TIME_ZONE}'`): string => `(${column} AT TIME ZONE ${zoneSql})::date`;
