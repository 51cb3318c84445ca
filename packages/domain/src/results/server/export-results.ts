import ExcelJS from 'exceljs';
import { translate } from '../../i18n/catalogs.ts';
import type { Language } from '../../shared/limits.ts';
import { toCsv } from '../../training/server/index.ts';
import type { TResultsView, TResultTable } from '../results.schemas.ts';

/** One table of a view as CSV (UTF-8 with BOM, formula-safe, as every Refugio export). */
export function resultTableCsv(table: TResultTable): string {
  return toCsv({ title: table.title, headers: table.headers, rows: table.rows });
}

const neutralize = (v: string | number | null) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/**
 * One table as a workbook laid out like UNHCR's annual statistical tables: a title block (what,
 * which period, as of when, whether small numbers are suppressed), the column headers frozen, and
 * the definitions of every figure on a second sheet.
 */
export async function resultTableXlsx(view: TResultsView, table: TResultTable, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Refugio';
  const sheet = workbook.addWorksheet(translate(language, 'results.export.tableSheet'));
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.addRow([translate(language, 'results.export.asOf', { asOf: view.asOf ?? '—' })]);
  sheet.addRow([view.suppressed ? translate(language, 'results.export.suppressed', { threshold: view.threshold }) : translate(language, 'results.export.exact')]);
  sheet.addRow([]);
  const header = sheet.addRow(table.headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const row of table.rows) sheet.addRow(row.map(neutralize));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  sheet.columns.forEach((column) => { column.width = 16; });
  const definitions = workbook.addWorksheet(translate(language, 'results.export.definitionsSheet'));
  definitions.addRow([translate(language, 'results.export.term'), translate(language, 'results.export.definition')]).font = { bold: true };
  for (const [term, text] of view.definitions) definitions.addRow([term, text]);
  definitions.getColumn(1).width = 32;
  definitions.getColumn(2).width = 110;
  definitions.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
