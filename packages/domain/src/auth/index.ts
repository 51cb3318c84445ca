// Public surface of the auth feature (client-safe).
export * from './auth.schemas.ts';
