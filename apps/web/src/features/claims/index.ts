// Public surface of the claims feature: its pages, and the cache key another feature refreshes
// when it creates a claim (accepting a referral).
export { CLAIMS_KEY } from './api/claims.ts';
export { ClaimsPage } from './components/ClaimsPage.tsx';
export { ClaimPage } from './components/ClaimPage.tsx';
export { RegisterClaimPage } from './components/RegisterClaimPage.tsx';
export { TodayClaimsCard } from './components/TodayClaimsCard.tsx';
