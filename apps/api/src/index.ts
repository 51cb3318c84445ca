export { buildApp, type BuildAppOptions } from './app.ts';
export { configFromEnv, type AppConfig } from './config.ts';
export { openReadyDatabase, seedDemoIfEmpty } from './bootstrap.ts';
export { SESSION_COOKIE } from './plugins/access.ts';
export type { App } from './types.ts';
