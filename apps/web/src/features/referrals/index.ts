export { ReferralFormPage } from './components/ReferralFormPage.tsx';
export { ReferralsPage } from './components/ReferralsPage.tsx';
