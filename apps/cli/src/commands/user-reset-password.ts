import { resetUserPassword } from '@refugio/domain/server';
import { cliContext } from '../cli-context.ts';
import { positional, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';
import { findUser } from '../user-lookup.ts';

export const userResetPasswordCommand: Command = {
  name: 'user reset-password',
  summary: 'Give a user a one-time password, close their sessions and lift any lock.',
  details: ['The user must change the password at the next login. Audited with actor "cli".'],
  positionals: [{ name: 'USERNAME', description: 'The account to reset', required: true }],
  options: {},
  json: true,
  async run(ctx) {
    const username = positional(ctx, 0, 'USERNAME');
    return withDatabase(ctx.io, { prepare: 'ready' }, async (db) => {
      const user = await findUser(db, username);
      const { temporaryPassword } = await resetUserPassword(db, cliContext(), user.id);
      if (ctx.json) {
        ctx.print(JSON.stringify({ username: user.username, temporaryPassword }));
      } else {
        ctx.print(`Password of ${user.username} reset; their sessions are closed.`);
        ctx.print(`One-time password: ${temporaryPassword}`);
        ctx.print('It is shown only this once; the user must change it at the next login.');
      }
      return 0;
    });
  },
};
