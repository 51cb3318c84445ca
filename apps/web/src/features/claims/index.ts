// Public surface of the claims feature: its pages, and the cache key another feature refreshes
// when it creates a claim (accepting a referral). Each page is its own chunk, loaded on its first
// visit: the work queue does not download the registration wizard, nor the claim file.
import { lazy } from 'react';

export { CLAIMS_KEY } from './api/claims-key.ts';
export const ClaimsPage = lazy(() => import('./components/ClaimsPage.tsx').then((m) => ({ default: m.ClaimsPage })));
export const ClaimPage = lazy(() => import('./components/ClaimPage.tsx').then((m) => ({ default: m.ClaimPage })));
export const RegisterClaimPage = lazy(() => import('./components/RegisterClaimPage.tsx').then((m) => ({ default: m.RegisterClaimPage })));
// The start page's block of claims due soonest; the start page itself is loaded lazily.
export { TodayClaimsCard } from './components/TodayClaimsCard.tsx';
