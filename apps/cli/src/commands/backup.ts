import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeBackup } from '../backup/write-backup.ts';
import { CliError, flag, stringOption, type Command } from '../command.ts';
import { describeTarget, hasSchema, withDatabase } from '../database.ts';
import { rowProgress } from '../progress.ts';

function defaultFileName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `refugio-backup-${stamp}.jsonl.gz`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write a consistent full backup of the database to one file.',
  details: [
    'The file is gzip-compressed JSON lines: a header (format version, migrations, tables, row counts, ' +
      'sequences, created_at, database kind) and every row of every table, read in one snapshot. The same ' +
      'format comes from PGlite and PostgreSQL, and "refugio restore" loads it into either.',
    'The embedded database can only be read while no server holds it: stop "npm start" first. PostgreSQL ' +
      'can be backed up while the server runs. The file contains password hashes and second-factor secrets: ' +
      'it is created readable by its owner only; store it accordingly.',
  ],
  options: {
    out: { type: 'string', short: 'o', value: 'FILE', description: 'Where to write (default ./refugio-backup-<UTC time>.jsonl.gz)' },
    force: { type: 'boolean', description: 'Overwrite FILE if it exists' },
  },
  json: true,
  async run(ctx) {
    const file = path.resolve(stringOption(ctx, 'out') ?? defaultFileName());
    if (existsSync(file) && !flag(ctx, 'force')) throw new CliError(`${file} already exists (use --force to overwrite it).`);
    if (!existsSync(path.dirname(file))) throw new CliError(`Folder ${path.dirname(file)} does not exist.`);
    return withDatabase(ctx.io, { prepare: 'as-is', mustExist: true }, async (db, config) => {
      if (!(await hasSchema(db))) throw new CliError(`The ${describeTarget(config)} has no Refugio schema: nothing to back up.`);
      const progress = rowProgress(ctx.io, 'Backup');
      const summary = await writeBackup(db, file, (done, total) => progress.update(done, total)).finally(() => progress.stop());
      const { header } = summary;
      const auditEvents = header.tables.find((t) => t.name === 'audit_events')?.rows ?? 0;
      if (ctx.json) {
        ctx.print(JSON.stringify({
          file, bytes: summary.bytes, createdAt: header.createdAt, database: header.database,
          migrations: header.migrations.length, tables: header.tables.length, rows: summary.rows, auditEvents,
        }));
        return 0;
      }
      ctx.print(`Backup of the ${describeTarget(config)} written to ${file} (${formatBytes(summary.bytes)}):`);
      ctx.print(`  ${header.tables.length} tables, ${summary.rows} rows (${auditEvents} audit events), ${header.migrations.length} migrations.`);
      ctx.print('It contains password hashes: keep it as safe as the database itself.');
      return 0;
    });
  },
};
