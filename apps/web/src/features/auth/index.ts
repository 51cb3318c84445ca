// Public surface of the auth feature; other features and the app import from here only.
export { fetchMe, logout, ME_QUERY_KEY, useMe } from './api/session.ts';
export { saveLanguage } from './api/language.ts';
export { can, canAny } from './permissions.ts';
export { LoginPage } from './components/LoginPage.tsx';
