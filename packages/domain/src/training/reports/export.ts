import ExcelJS from 'exceljs';

/** A report as a table: header labels (already localized) and rows of plain values. */
export interface ReportTable {
  title: string;
  headers: string[];
  rows: Array<Array<string | number | null>>;
}

/**
 * A spreadsheet program runs a cell starting with = + - @ (or a tab/CR) as a formula; quoting it
 * keeps exported names and reasons as text (OWASP "CSV injection").
 */
function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralize(value);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, so Excel in Spanish opens accents correctly. */
export function toCsv(table: ReportTable): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One worksheet, header row bold and frozen; numbers stay numbers. */
export async function toXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Refugio';
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralize(v) : v)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => { column.width = 22; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
