// Public surface of the audit feature (client-safe): the closed list of audit actions.
export * from './audit.actions.ts';
export * from './audit.schemas.ts';
