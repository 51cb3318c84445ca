// Public server surface of the referrals feature (INM → COMAR, the 72-hour notice).
export * from './referrals.ts';
