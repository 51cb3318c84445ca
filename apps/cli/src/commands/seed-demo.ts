import { DEMO_USERS, seedDemo } from '@refugio/domain/server';
import { CliError, stringOption, type Command } from '../command.ts';
import { describeTarget, withDatabase } from '../database.ts';
import { whyNotEmpty } from '../emptiness.ts';

export const seedDemoCommand: Command = {
  name: 'seed-demo',
  summary: 'Seed demo institutions, offices and one account per role into an empty database.',
  details: [
    'Refuses a database that already has institutions, users or audit events. Each account gets the ' +
      'given password, else REFUGIO_DEMO_PASSWORD, else a generated one printed only this once.',
  ],
  options: {
    password: { type: 'string', value: 'PASSWORD', description: 'Password for every demo account' },
  },
  json: true,
  async run(ctx) {
    const password = stringOption(ctx, 'password') || ctx.io.env.REFUGIO_DEMO_PASSWORD || undefined;
    return withDatabase(ctx.io, { prepare: 'ready' }, async (db, config) => {
      const reason = await whyNotEmpty(db);
      if (reason) throw new CliError(`Refusing to seed demo data: the ${describeTarget(config)} is not empty (${reason}).`);
      const credentials = await seedDemo(db, { password });
      const roles = new Map(DEMO_USERS.map((u) => [u.username, u.role]));
      if (ctx.json) {
        ctx.print(JSON.stringify({ accounts: credentials.map((c) => ({ ...c, role: roles.get(c.username) })) }));
        return 0;
      }
      const source = password ? 'as given' : 'generated; shown only this once';
      ctx.print(`Demo data seeded into the ${describeTarget(config)}. Accounts (password ${source}):`);
      for (const c of credentials) ctx.print(`  ${c.username.padEnd(14)} ${c.password}  (${roles.get(c.username) ?? ''})`);
      return 0;
    });
  },
};
