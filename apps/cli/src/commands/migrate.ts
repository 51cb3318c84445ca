import { listMigrations, migrate } from '@refugio/db';
import { syncAccessCatalogue, syncBuiltInCalendars } from '@refugio/domain/server';
import type { Command } from '../command.ts';
import { describeTarget, withDatabase } from '../database.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations, sync the permission catalogue and install the built-in calendars.',
  details: ['Safe to run at any time: applied migrations are skipped. The server also runs this at start.'],
  options: {},
  json: true,
  async run(ctx) {
    return withDatabase(ctx.io, { prepare: 'as-is' }, async (db, config) => {
      const applied = await migrate(db);
      await syncAccessCatalogue(db);
      await syncBuiltInCalendars(db);
      const total = (await listMigrations()).length;
      if (ctx.json) {
        ctx.print(JSON.stringify({ database: db.kind, applied, total }));
      } else if (applied.length === 0) {
        ctx.print(`${describeTarget(config)} is up to date (${total} migrations).`);
      } else {
        ctx.print(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${describeTarget(config)}:`);
        for (const name of applied) ctx.print(`  ${name}`);
      }
      return 0;
    });
  },
};
