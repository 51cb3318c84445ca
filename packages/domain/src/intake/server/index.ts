// Public server surface of the intake feature: registration, the claim file, the work queue,
// flags, corrections, assignment and the lifecycle steps (taken through the procedure registry).
export * from './persons.ts';
export * from './create-claim.ts';
export * from './get-claim.ts';
export * from './claim-lifecycle.ts';
export * from './assign-claim.ts';
export * from './flags.ts';
export * from './list-claims.ts';
export { registerAttention, type AttentionCondition } from './work-queue-attention.ts';
export { registerNeedEffect, type NeedChange, type NeedEffect } from './need-effects.ts';
