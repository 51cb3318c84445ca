export { ReferralFormPage } from './components/ReferralFormPage.tsx';
export { ReferralsPage } from './components/ReferralsPage.tsx';
export { TodayReferralsCard } from './components/TodayReferralsCard.tsx';
