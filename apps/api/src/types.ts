import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '@refugio/db';
import type { Language, Permission, TMe } from '@refugio/domain';
import type { Actor, RequestContext } from '@refugio/domain/server';
import type { AppConfig } from './config.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: AppConfig;
  }
  interface FastifyRequest {
    session: { id: string; csrfToken: string; me: TMe } | null;
    actor: Actor | null;
    language: Language;
    /** Who is acting, from where: for use cases and audit events. */
    ctx: RequestContext;
  }
  interface FastifyContextConfig {
    /**
     * The permission a caller needs (`action:entity:scope`), or null for public routes. Every
     * route under /api must set it; registration fails otherwise.
     */
    permission?: Permission | null;
    /** Reachable while a required second factor is not enrolled yet (account set-up routes). */
    allowDuringTotpEnrolment?: boolean;
    /** Requests per source address in a window, counted in the database (plugins/address-limit.ts). */
    addressLimit?: { bucket: string; max: number; windowSeconds: number };
  }
}
