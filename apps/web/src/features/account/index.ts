export { ChangePasswordPage } from './components/ChangePasswordPage.tsx';
export { TwoFactorPage } from './components/TwoFactorPage.tsx';
