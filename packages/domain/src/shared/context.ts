import { AppError } from './errors.ts';
import type { Language } from './limits.ts';

/** The signed-in user as every use case sees it. */
export interface Actor {
  userId: string;
  username: string;
  operationId: number;
  institutionId: string;
  officeIds: readonly string[];
  roles: readonly string[];
  permissions: ReadonlySet<string>;
  language: Language;
}

/** Who is acting, from where: carried into every audit event. */
export interface RequestContext {
  actor: Actor | null;
  ip?: string | undefined;
  requestId?: string | undefined;
}

/** The acting user; UNAUTHENTICATED when the request carries none. */
export function actorOf(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}
