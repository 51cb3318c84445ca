import type { Queryable } from '@refugio/db';
import type { RequestContext } from '../../shared/context.ts';
import type { VulnerabilityCategory } from '../intake.rules.ts';

/** A need identified or withdrawn for one person of a claim (a vulnerability flag). */
export interface NeedChange {
  claimId: string;
  /** The person the need is about (the principal when the flag names nobody). */
  personId: string;
  category: VulnerabilityCategory;
  change: 'identified' | 'withdrawn';
  /** Inside the claim's registration: the claim is new in this transaction (version 1). */
  registering: boolean;
}

export type NeedEffect = (tx: Queryable, ctx: RequestContext, change: NeedChange) => Promise<void>;

const effects: NeedEffect[] = [];

/**
 * What follows from a need, registered by the feature that owns it (screening: the procedural
 * guarantees the need calls for, a child's claim prioritised), run in the transaction that
 * records or withdraws the flag, so intake records needs without knowing their consequences.
 */
export function registerNeedEffect(effect: NeedEffect): void {
  if (!effects.includes(effect)) effects.push(effect);
}

export async function runNeedEffects(tx: Queryable, ctx: RequestContext, change: NeedChange): Promise<void> {
  for (const effect of effects) await effect(tx, ctx, change);
}
