// Public server surface of the auth feature: passwords, sessions, sign-in, one's own account.
export * from '../auth.settings.ts';
export * from './passwords.ts';
export * from './sessions.ts';
export * from './login.ts';
export * from './manage-account.ts';
export * from './throttle.ts';
