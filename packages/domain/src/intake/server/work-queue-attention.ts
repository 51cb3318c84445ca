import type { TClaimQuery } from '../intake.schemas.ts';

type Attention = NonNullable<TClaimQuery['attention']>;

/** An SQL condition on claims alias `c` for one attention filter, given today's SQL. */
export type AttentionCondition = (todaySql: string) => string;

const conditions = new Map<Attention, AttentionCondition>();

/**
 * Features that own a reason for a supervisor's attention register its condition here (the
 * training feature: an officer who lost a competency the claim requires), so the work queue
 * filters on it without intake knowing the facts behind it.
 */
export function registerAttention(attention: Attention, condition: AttentionCondition): void {
  conditions.set(attention, condition);
}

export function attentionCondition(attention: Attention, todaySql: string): string {
  const condition = conditions.get(attention);
  if (!condition) throw new Error(`No condition registered for the attention filter ${attention}`);
  return condition(todaySql);
}
