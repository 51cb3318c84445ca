import path from 'node:path';
import { databaseConfigFromEnv, type DatabaseConfig } from '@refugio/db';
import { authSettingsFromEnv, type AuthSettings } from '@refugio/domain/server';

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  auth: AuthSettings;
  /** Seed demo data into an empty database (REFUGIO_DEMO, default on). */
  demo: boolean;
  demoPassword: string | undefined;
  /** Mark cookies Secure; also implied per request when it arrived over HTTPS via a proxy. */
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  logLevel: string;
  /** Minutes between signed audit checkpoints (and throttling clean-up); REFUGIO_AUDIT_CHECKPOINT_MINUTES. */
  auditCheckpointMinutes: number;
  /** Built web app to serve; absent in API-only tests. */
  webDist: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: Number(env.PORT) || 3000,
    host: env.HOST || '127.0.0.1',
    database: databaseConfigFromEnv(env),
    auth: authSettingsFromEnv(env),
    demo: env.REFUGIO_DEMO !== '0',
    demoPassword: env.REFUGIO_DEMO_PASSWORD || undefined,
    secureCookies: env.REFUGIO_SECURE_COOKIES === '1',
    trustProxy: env.REFUGIO_TRUST_PROXY === '1',
    bodyLimitBytes: Number(env.REFUGIO_BODY_LIMIT_BYTES) || 1_048_576,
    logLevel: env.LOG_LEVEL || 'info',
    auditCheckpointMinutes: Number(env.REFUGIO_AUDIT_CHECKPOINT_MINUTES) > 0 ? Number(env.REFUGIO_AUDIT_CHECKPOINT_MINUTES) : 60,
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}
