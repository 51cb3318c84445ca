import { SMALL_NUMBER_THRESHOLD } from '@refugio/domain';

const cell = (value: string | number | null) => {
  if (value === null) return '';
  const text = String(value);
  // A spreadsheet runs a cell starting with = + - @ as a formula (OWASP "CSV injection").
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * Downloads a chart's table as CSV for outside use: the columns named in `counts` hold numbers of
 * people, and those under the threshold are written "<5" (ADR 046), as their shares would single them out.
 */
export function downloadCsv(fileName: string, headers: string[], rows: Array<Array<string | number | null>>, counts: number[]): void {
  const suppressed = rows.map((row) => {
    const small = counts.some((i) => typeof row[i] === 'number' && (row[i] as number) < SMALL_NUMBER_THRESHOLD);
    // A count under the threshold is written "<5"; a figure derived from it (a share) is left out.
    return row.map((v, i) => {
      if (counts.includes(i)) return typeof v === 'number' && v < SMALL_NUMBER_THRESHOLD ? '<5' : v;
      return small && typeof v === 'number' ? null : v;
    });
  });
  const text = `\uFEFF${[headers, ...suppressed].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}
