import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@refugio/domain';
import { canonicalJson } from '@refugio/domain/server';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;
/**
 * Retries come within minutes. A stored response may carry a one-time password (user create,
 * password reset), so it is not kept longer than a retry needs it.
 */
export const IDEMPOTENCY_RETENTION = '24 hours';

/**
 * Runs a create at most once per (user, Idempotency-Key). The key is claimed before the work
 * and filled with the response after it: a retry gets the stored response, a concurrent twin
 * gets a conflict, and a key reused for another request body is refused. Without the header
 * the create runs as usual.
 */
export async function idempotent<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  create: () => Promise<T>,
): Promise<T> {
  const key = request.headers['idempotency-key'];
  const actor = request.actor;
  if (key === undefined || !actor) {
    reply.status(status);
    return create();
  }
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new AppError('VALIDATION_FAILED', { fieldErrors: [{ field: 'header:idempotency-key', code: 'validation.invalid_format' }] });
  }
  const route = `${request.method} ${request.routeOptions.url}`;
  const hash = createHash('sha256').update(route);
  // A raw upload (a guide's PDF) is hashed as bytes, with the query that describes it.
  if (Buffer.isBuffer(request.body)) hash.update(request.body).update(canonicalJson(request.query ?? null));
  else hash.update(canonicalJson(request.body ?? null));
  const requestHash = hash.digest('hex');
  const db = request.server.db;
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - interval '${IDEMPOTENCY_RETENTION}'`);
  const claimed = await db.query(
    `INSERT INTO idempotency_keys (user_id, key, route, request_hash, status_code, response)
     VALUES ($1, $2, $3, $4, 0, 'null') ON CONFLICT (user_id, key) DO NOTHING`,
    [actor.userId, key, route, requestHash],
  );
  if (claimed.rowCount === 0) {
    const { rows } = await db.query<{ request_hash: string; status_code: number; response: T }>(
      'SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [actor.userId, key],
    );
    const stored = rows[0];
    if (!stored || stored.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (stored.status_code === 0) throw new AppError('INVALID_STATE', { extra: { reason: 'request_in_progress' } });
    reply.status(stored.status_code).header('idempotent-replayed', 'true');
    return stored.response;
  }
  try {
    const result = await create();
    await db.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2',
      [actor.userId, key, status, JSON.stringify(result)]);
    reply.status(status);
    return result;
  } catch (error) {
    // The create failed and wrote nothing: free the key so a corrected retry can use it.
    await db.query('DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2', [actor.userId, key]);
    throw error;
  }
}
