// Public surface of the referrals feature (client-safe).
export * from './referrals.schemas.ts';
