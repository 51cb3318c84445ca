// Public surface of the procedure feature (client-safe): statuses, steps, safeguard vocabulary.
export * from './procedure.rules.ts';
export * from './procedure.schemas.ts';
