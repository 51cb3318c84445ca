import { AppError } from '@refugio/domain';
import { hitRateLimit } from '@refugio/domain/server';
import type { App } from '../types.ts';

/**
 * Requests per source address on the routes that declare `config.addressLimit`, counted in the
 * database so that every API process behind a load balancer enforces one limit (ADR 021). Past
 * the limit: 429 RATE_LIMITED with Retry-After.
 */
export function registerAddressLimits(app: App): void {
  app.addHook('onRequest', async (request) => {
    const limit = request.routeOptions.config?.addressLimit;
    if (!limit) return;
    const hit = await hitRateLimit(app.db, limit.bucket, request.ip, limit.max, limit.windowSeconds);
    if (!hit.allowed) throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds: hit.retryAfterSeconds } });
  });
}
