import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrate } from '@refugio/db';
import { syncAccessCatalogue, verifyAuditChain } from '@refugio/domain/server';
import { openBackup } from '../backup/read-backup.ts';
import { restoreBackup } from '../backup/restore-backup.ts';
import { cliContext } from '../cli-context.ts';
import { CliError, positional, type Command } from '../command.ts';
import { describeTarget, withDatabase } from '../database.ts';
import { rowProgress } from '../progress.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup into an empty data dir or database.',
  details: [
    'Refuses a target that has institutions, users or audit events, or a newer schema than the backup. ' +
      'Loads everything in one transaction: the schema at the backup\'s migrations, every row with its ' +
      'original ids, the sequences. The audit chain must verify before the transaction commits, and the ' +
      'restore is recorded as a system.restored audit event. Newer migrations are applied afterwards.',
    'A backup from PGlite restores into PostgreSQL and the other way round.',
  ],
  positionals: [{ name: 'FILE', description: 'A file written by "refugio backup"', required: true }],
  options: {},
  json: true,
  async run(ctx) {
    const file = path.resolve(positional(ctx, 0, 'FILE'));
    if (!existsSync(file)) throw new CliError(`${file} does not exist.`);
    const reader = await openBackup(file);
    try {
      return await withDatabase(ctx.io, { prepare: 'as-is' }, async (db, config) => {
        const progress = rowProgress(ctx.io, 'Restore');
        const summary = await restoreBackup(db, reader, {
          ctx: cliContext(), file: path.basename(file), onProgress: (done, total) => progress.update(done, total),
        }).finally(() => progress.stop());
        const applied = [...summary.appliedMigrations, ...(await migrate(db))];
        await syncAccessCatalogue(db);
        const chain = await verifyAuditChain(db);
        if (!chain.ok) throw new CliError(`After the restore the audit chain fails at seq ${chain.firstBadSeq} (${chain.reason}).`);
        if (ctx.json) {
          ctx.print(JSON.stringify({ ...summary, appliedMigrations: applied, auditChain: chain, backup: reader.header.createdAt }));
          return 0;
        }
        ctx.print(`Restored ${file} (${reader.header.database.kind} backup of ${reader.header.createdAt}) into the ${describeTarget(config)}:`);
        ctx.print(`  ${summary.tables} tables, ${summary.rows} rows, ${summary.auditEvents} audit events.`);
        if (applied.length) ctx.print(`  Migrations applied after loading: ${applied.join(', ')}.`);
        ctx.print(`audit chain ok: ${chain.checked} events (the last one, seq ${summary.restoredEventSeq}, records this restore)`);
        return 0;
      });
    } finally {
      await reader.records.return(undefined);
    }
  },
};
