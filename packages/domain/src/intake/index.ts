// Public surface of the intake feature (client-safe): persons, claims, families, flags.
export * from './intake.rules.ts';
export * from './intake.schemas.ts';
