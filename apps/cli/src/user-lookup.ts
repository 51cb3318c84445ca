import type { Queryable } from '@refugio/db';
import { CliError } from './command.ts';

export interface UserRef {
  id: string;
  username: string;
  active: boolean;
  version: number;
}

/** Finds a user by username (case-insensitive, like login). */
export async function findUser(db: Queryable, username: string): Promise<UserRef> {
  const { rows } = await db.query<UserRef>(
    'SELECT id, username, active, version FROM users WHERE operation_id = 1 AND lower(username) = lower($1)',
    [username.trim()],
  );
  const user = rows[0];
  if (!user) throw new CliError(`No user named "${username}".`);
  return user;
}
