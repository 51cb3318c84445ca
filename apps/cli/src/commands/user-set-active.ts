import { updateUser } from '@refugio/domain/server';
import { cliContext } from '../cli-context.ts';
import { positional, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';
import { findUser } from '../user-lookup.ts';

function setActiveCommand(active: boolean): Command {
  const verb = active ? 'enable' : 'disable';
  return {
    name: `user ${verb}`,
    summary: active
      ? 'Let a disabled user sign in again.'
      : 'Stop a user from signing in and close their open sessions.',
    details: ['Audited with actor "cli". Running it on an account already in that state changes nothing.'],
    positionals: [{ name: 'USERNAME', description: `The account to ${verb}`, required: true }],
    options: {},
    json: true,
    async run(ctx) {
      const username = positional(ctx, 0, 'USERNAME');
      return withDatabase(ctx.io, { prepare: 'ready' }, async (db) => {
        const user = await findUser(db, username);
        const changed = user.active !== active;
        // updateUser closes the sessions of a disabled user and audits user.updated + user.disabled.
        if (changed) await updateUser(db, cliContext(), user.id, { active, version: user.version });
        if (ctx.json) ctx.print(JSON.stringify({ username: user.username, active, changed }));
        else ctx.print(changed ? `User ${user.username} ${verb}d.` : `User ${user.username} is already ${verb}d; nothing changed.`);
        return 0;
      });
    },
  };
}

export const userDisableCommand = setActiveCommand(false);
export const userEnableCommand = setActiveCommand(true);
