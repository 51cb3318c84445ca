// Public surface of the organisations feature (client-safe).
export * from './organisations.schemas.ts';
