// Public server surface of the audit feature: recording events, reading and verifying the trail.
export * from './audit-hash.ts';
export * from './record-audit.ts';
export * from './seal-audit-events.ts';
export * from './verify-audit-chain.ts';
export * from './audit-checkpoints.ts';
export * from './audit-signing-key.ts';
export * from './list-audit-events.ts';
export type { AuditAction } from '../audit.actions.ts';
