import { randomUUID } from 'node:crypto';
import { PERMISSIONS } from '@refugio/domain';
import type { RequestContext } from '@refugio/domain/server';

/**
 * The CLI acts as `cli`, a pseudo-user holding every permission: whoever can run it already
 * has the database. Audit events name actor `cli`; the nil UUID marks that no user row is
 * behind it (actor_user_id has no foreign key).
 */
export const CLI_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
export const CLI_USERNAME = 'cli';

/** One request id per CLI run, so the events one command wrote can be found together. */
export function cliContext(): RequestContext {
  return {
    actor: {
      userId: CLI_ACTOR_ID,
      username: CLI_USERNAME,
      operationId: 1,
      institutionId: CLI_ACTOR_ID,
      officeIds: [],
      roles: [],
      permissions: new Set(PERMISSIONS),
      language: 'en',
    },
    requestId: `cli-${randomUUID()}`,
  };
}
