import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLmsCompletionCsv, checkVideoconferenceCsv, type ImportRoster } from './csv-import.rules.ts';
import { decodeImportFile } from './decode-import-file.ts';
import { inferSlashOrder, parseWallClock, readTables } from './import-files.rules.ts';

const sample = (name: string) => decodeImportFile(new Uint8Array(readFileSync(path.join(import.meta.dirname, 'samples', name))));

/** The seminar of the samples (samples/README.md). */
const roster: ImportRoster = {
  participants: [
    { enrolmentId: 'e-ana', email: 'elegibilidad@demo.refugio.example', username: 'elegibilidad', fullName: 'Ana Elegibilidad Torres' },
    { enrolmentId: 'e-marta', email: 'supervisor@demo.refugio.example', username: 'supervisor', fullName: 'Marta Supervisora Gómez' },
    { enrolmentId: 'e-nadia', email: 'interprete@demo.refugio.example', username: 'interprete', fullName: 'Nadia Intérprete Joseph' },
    { enrolmentId: 'e-jorge', email: 'registro@demo.refugio.example', username: 'registro', fullName: 'Jorge Registro López' },
  ],
  others: [{ email: 'acnur@demo.refugio.example', username: 'acnur', fullName: 'Observadora ACNUR' }],
  skip: new Set(['formador@demo.refugio.example', 'formador']),
};
const days = [
  { id: 'd10', day: '2026-03-10', start: 9 * 60, end: 13 * 60 },
  { id: 'd11', day: '2026-03-11', start: 9 * 60, end: 13 * 60 },
];
const minutesOf = (rows: Array<{ enrolmentId: string; sessionDayId: string; minutes: number }>, day: string) =>
  Object.fromEntries(rows.filter((r) => r.sessionDayId === day).map((r) => [r.enrolmentId, r.minutes]));

describe('decoding a file as the tool wrote it', () => {
  it('reads UTF-16 with or without its byte-order mark, UTF-8 with a BOM, and Windows-1252', () => {
    const text = 'Nombre\tCorreo\nJosé Núñez\tjose@x.mx\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeImportFile(new Uint8Array([0xff, 0xfe, ...le]))).toBe(text);
    expect(decodeImportFile(new Uint8Array(le))).toBe(text);
    const be = Buffer.from(le).swap16();
    expect(decodeImportFile(new Uint8Array([0xfe, 0xff, ...be]))).toBe(text);
    expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toBe(text);
    expect(decodeImportFile(new Uint8Array(Buffer.from('Jos\xe9 N\xfa\xf1ez', 'latin1')))).toBe('José Núñez');
  });

  it('finds each table, with its own delimiter, whatever sits above it', () => {
    const tables = readTables(sample('teams-attendance-report.csv'));
    expect(Array.isArray(tables) && tables.map((t) => [t.headerLine, t.header[0], t.rows.length])).toEqual([
      [2, 'meeting title', 5], [10, 'name', 5], [18, 'name', 6],
    ]);
    // "Torres, Ana Elegibilidad": the comma is inside a tab-separated cell.
    expect(Array.isArray(tables) && tables[2]!.rows[1]).toEqual({
      line: 20,
      cells: { name: 'Torres, Ana Elegibilidad', 'join time': '3/11/26, 8:57:02 AM', 'leave time': '3/11/26, 10:20:15 AM', duration: '1h 23m 13s', email: 'elegibilidad@demo.refugio.example', role: 'Attendee' },
    });
    expect(readTables('\n\n')).toEqual({ line: 1, code: 'empty_file' });
    expect(readTables('a,b\n1,"2\n')).toEqual({ line: 2, code: 'malformed_csv' });
  });
});

describe('dates as tools and locales write them', () => {
  it('reads month names in English, Spanish and French, with or without the weekday and time', () => {
    expect(parseWallClock('Friday, 15 March 2024, 10:32 AM')).toEqual({ date: '2024-03-15', minutes: 632 });
    expect(parseWallClock('Friday, March 15, 2024, 10:32 PM')).toEqual({ date: '2024-03-15', minutes: 1352 });
    expect(parseWallClock('viernes, 15 de marzo de 2024, 10:32')).toEqual({ date: '2024-03-15', minutes: 632 });
    expect(parseWallClock('vendredi 1er mars 2024, 9h05')).toEqual({ date: '2024-03-01', minutes: 545 });
    expect(parseWallClock('2 de marzo de 2026, 5:45 p. m.')).toEqual({ date: '2026-03-02', minutes: 1065 });
    expect(parseWallClock('15 Sept 2024')).toEqual({ date: '2024-09-15', minutes: 0 });
    expect(parseWallClock('31 de febrero de 2024')).toBeNull();
    expect(parseWallClock('15 de brumario de 2024')).toBeNull();
  });

  it('takes the day/month order from the whole column', () => {
    expect(inferSlashOrder(['02/03/26, 17:45', '24/02/26, 10:12'])).toBe('dmy');
    expect(inferSlashOrder(['03/02/26, 17:45', '02/24/26, 10:12'])).toBe('mdy');
    expect(inferSlashOrder(['03/02/26', 'not a date'])).toBeNull();
    // Moodle in US English writes month first in 24 hours: the column says so.
    expect(parseWallClock('03/02/26, 17:45', 'mdy')).toEqual({ date: '2026-03-02', minutes: 1065 });
    expect(parseWallClock('03/02/26, 17:45')).toEqual({ date: '2026-02-03', minutes: 1065 });
  });
});

describe('the samples, exactly as exported', () => {
  it('Zoom with its meeting block: the table under it is read; guests and other names are listed, not refused', () => {
    const result = checkVideoconferenceCsv(sample('zoom-participants-with-meeting.csv'), roster, days);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // Ana rejoined (merged, 09:00–13:00 but for 2 minutes); Marta matched by address despite her display name;
    // Jorge, a guest without address, by his full name; the trainer skipped.
    expect(minutesOf(result.rows, 'd10')).toEqual({ 'e-ana': 237, 'e-marta': 233, 'e-nadia': 0, 'e-jorge': 227 });
    expect(result.unmatched).toEqual([
      { key: 'name:nadia (iphone)', name: 'Nadia (iPhone)', email: null, lines: [9], reason: 'unknown', suggestion: 'e-nadia', minutes: 189, completedOn: null },
      { key: 'name:invitada acnur', name: 'Invitada ACNUR', email: null, lines: [11], reason: 'unknown', suggestion: null, minutes: 90, completedOn: null },
    ]);
  });

  it('Zoom without the meeting block reads the same', () => {
    const plain = checkVideoconferenceCsv(sample('zoom-participants.csv'), roster, days);
    const full = checkVideoconferenceCsv(sample('zoom-participants-with-meeting.csv'), roster, days);
    expect(plain.ok && plain.rows).toEqual(full.ok && full.rows);
    expect(plain.ok && plain.unmatched.map((u) => [u.key, u.lines])).toEqual([['name:nadia (iphone)', [6]], ['name:invitada acnur', [8]]]);
  });

  it('applies the coordinator\'s matches: Nadia under her phone\'s name counts, the guest is ignored', () => {
    const resolutions = new Map([['name:nadia (iphone)', 'e-nadia'], ['name:invitada acnur', null]]);
    const result = checkVideoconferenceCsv(sample('zoom-participants-with-meeting.csv'), roster, days, resolutions);
    expect(result.ok && result.unmatched).toEqual([]);
    expect(result.ok && result.ignoredLines).toBe(1);
    expect(result.ok && minutesOf(result.rows, 'd10')['e-nadia']).toBe(189);
  });

  it('Teams attendance report as downloaded (UTF-16, tabs, three sections): the connections are read', () => {
    const result = checkVideoconferenceCsv(sample('teams-attendance-report.csv'), roster, days);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // From "In-Meeting Activities": Ana's 8-minute drop is not counted (the "Participants" table would hide it).
    expect(minutesOf(result.rows, 'd11')).toEqual({ 'e-ana': 231, 'e-marta': 238, 'e-nadia': 0, 'e-jorge': 0 });
    expect(result.unmatched.map((u) => [u.key, u.name, u.lines, u.reason, u.suggestion, u.minutes])).toEqual([
      ['email:nadia.joseph@example.com', 'Joseph, Nadia', [23], 'unknown', 'e-nadia', 234],
      ['email:luis.herrera@example.org', 'Luis Herrera (Externo)', [24], 'unknown', null, 75],
    ]);
  });

  it('Moodle report/completion: day-first short dates; a learner of another cohort listed only when complete', () => {
    const result = checkLmsCompletionCsv(sample('moodle-report-completion.csv'), roster, '2026-12-04');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows.map((r) => [r.enrolmentId, r.completedOn])).toEqual([['e-ana', '2026-03-02'], ['e-marta', '2026-03-05']]);
    // Nadia's personal address matches nobody; her full name proposes her. Tomás (not complete) is not asked about.
    expect(result.unmatched.map((u) => [u.key, u.lines, u.suggestion, u.completedOn])).toEqual([
      ['email:nadia.joseph@example.com', [4], 'e-nadia', '2026-03-06'], ['email:rosa.martinez@example.org', [6], null, '2026-03-01'],
    ]);
  });

  it('Moodle in Spanish with month names', () => {
    const result = checkLmsCompletionCsv(sample('moodle-completion-month-names.csv'), roster, '2026-12-04');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.rows.map((r) => [r.enrolmentId, r.completedOn])).toEqual([['e-ana', '2026-03-02'], ['e-marta', '2026-03-05']]);
    expect(result.unmatched.map((u) => u.completedOn)).toEqual(['2026-03-06']);
  });

  it('a file whose table lacks the times still names the line of its header, not line 1', () => {
    const text = 'Meeting ID,Topic\n1,Seminario\n\nName,User Email,Duration (Minutes)\nAna,ana@x.mx,60\n';
    const result = checkVideoconferenceCsv(text, roster, days);
    expect(!result.ok && result.errors.map((e) => [e.line, e.field, e.code])).toEqual([[4, 'join', 'missing_column'], [4, 'leave', 'missing_column']]);
  });
});

describe('a half-day seminar for 128 officers', () => {
  it('reads 128 participants, rejoins, 9 guests and 6 renamed people in one pass', () => {
    const participants = Array.from({ length: 128 }, (_, i) => ({
      enrolmentId: `e${i}`, email: `oficial${i}@comar.example`, username: `oficial${i}`, fullName: `Oficial Número ${i} Pérez`,
    }));
    const big: ImportRoster = { participants, others: [], skip: new Set() };
    const lines = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent'];
    participants.forEach((p, i) => {
      const renamed = i % 20 === 0;
      const name = renamed ? `Tablet ${i} (Oficial Número ${i} Pérez)` : p.fullName;
      lines.push(`${name},${renamed ? '' : p.email},03/10/2026 08:59:00 AM,03/10/2026 11:00:00 AM,121,${renamed ? 'Yes' : 'No'},Y`);
      lines.push(`${name},${renamed ? '' : p.email},03/10/2026 11:05:00 AM,03/10/2026 01:00:00 PM,115,${renamed ? 'Yes' : 'No'},Y`);
    });
    for (let g = 0; g < 9; g++) lines.push(`Invitado ${g},,03/10/2026 09:00:00 AM,03/10/2026 10:00:00 AM,60,Yes,Y`);
    const result = checkVideoconferenceCsv(lines.join('\n'), big, days);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    // "Tablet 0 (Oficial Número 0 Pérez)": the original name is the person's.
    expect(result.rows.filter((r) => r.minutes === 235)).toHaveLength(128);
    expect(result.unmatched).toHaveLength(9);
  });
});
