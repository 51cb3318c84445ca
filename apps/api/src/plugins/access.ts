import { AppError, languageFromHeader } from '@refugio/domain';
import { loadSession } from '@refugio/domain/server';
import type { App } from '../types.ts';

export const SESSION_COOKIE = 'refugio_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes any caller may reach: the API's own documentation. */
const PUBLIC_PREFIXES = ['/api/docs'];

/**
 * Resolves the session, then enforces the route's declared permission and CSRF token before
 * the body is even parsed, so an anonymous caller gets 401 whatever it sent.
 */
export function registerAccessControl(app: App): void {
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('language', 'es-MX');
  app.decorateRequest('ctx', null as never);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...route.config, permission: null };
      return;
    }
    if (route.config?.permission === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.language = languageFromHeader(request.headers['accept-language']);
    request.ctx = { actor: null, ip: request.ip, requestId: request.id };
    const permission = request.routeOptions.config?.permission;
    const token = request.cookies[SESSION_COOKIE];
    const loaded = token ? await loadSession(app.db, token, app.config.auth) : null;
    if (loaded) {
      request.session = { id: loaded.sessionId, csrfToken: loaded.csrfToken, me: loaded.me };
      request.actor = loaded.actor;
      request.language = loaded.actor.language;
      request.ctx = { actor: loaded.actor, ip: request.ip, requestId: request.id };
    }
    if (permission === null || permission === undefined) return;
    if (!loaded) throw new AppError('UNAUTHENTICATED');
    if (loaded.me.totpEnrolmentRequired && !request.routeOptions.config.allowDuringTotpEnrolment) {
      throw new AppError('TOTP_ENROLMENT_REQUIRED');
    }
    // A temporary password was chosen by whoever reset it: until the user replaces it, the
    // session reaches only the user's own account (password, second factor, language, logout).
    if (loaded.me.mustChangePassword && permission !== 'use:account:own') {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!loaded.actor.permissions.has(permission)) throw new AppError('FORBIDDEN');
    if (MUTATING.has(request.method) && request.headers['x-csrf-token'] !== loaded.csrfToken) {
      throw new AppError('CSRF_INVALID');
    }
  });
}
