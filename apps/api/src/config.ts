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
  /** Mark cookies Secure; also implied per request when it arrived over HTTPS via a trusted proxy. */
  secureCookies: boolean;
  /** Whose X-Forwarded-For/-Proto to believe: nobody (false), any peer (true), or these addresses and CIDR ranges. */
  trustProxy: boolean | string[];
  bodyLimitBytes: number;
  logLevel: string;
  /** Minutes between signed audit checkpoints (and throttling clean-up); REFUGIO_AUDIT_CHECKPOINT_MINUTES. */
  auditCheckpointMinutes: number;
  /**
   * Milliseconds between seals of committed audit events into the chain (ADR 032); how long an
   * event stays unsealed at most while the server runs. REFUGIO_AUDIT_SEAL_MS, default 1000.
   */
  auditSealMs: number;
  /** Results (ADR 040, 041): cells under the threshold suppressed for observers and outside exports
   *  (REFUGIO_SUPPRESSION_THRESHOLD, default 5); minutes between rebuilds of the summaries (REFUGIO_RESULTS_REFRESH_MINUTES, default 15). */
  results: { suppressionThreshold: number; refreshMinutes: number };
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
    trustProxy: trustProxyFromEnv(env.REFUGIO_TRUST_PROXY),
    bodyLimitBytes: Number(env.REFUGIO_BODY_LIMIT_BYTES) || 1_048_576,
    logLevel: env.LOG_LEVEL || 'info',
    auditCheckpointMinutes: Number(env.REFUGIO_AUDIT_CHECKPOINT_MINUTES) > 0 ? Number(env.REFUGIO_AUDIT_CHECKPOINT_MINUTES) : 60,
    auditSealMs: Number(env.REFUGIO_AUDIT_SEAL_MS) > 0 ? Number(env.REFUGIO_AUDIT_SEAL_MS) : 1000,
    results: {
      suppressionThreshold: Number(env.REFUGIO_SUPPRESSION_THRESHOLD) >= 1 ? Math.floor(Number(env.REFUGIO_SUPPRESSION_THRESHOLD)) : 5,
      refreshMinutes: Number(env.REFUGIO_RESULTS_REFRESH_MINUTES) > 0 ? Number(env.REFUGIO_RESULTS_REFRESH_MINUTES) : 15,
    },
    webDist: path.resolve(import.meta.dirname, '../../web/dist'),
  };
}

/**
 * REFUGIO_TRUST_PROXY: `0` (default) believes no forwarding header; `1` believes any peer (only
 * when nothing but the proxy can reach the port); a comma-separated list of addresses or CIDR
 * ranges (`10.0.0.5,172.16.0.0/12`) believes those peers only, so a client reaching the port
 * directly cannot claim another address or HTTPS.
 */
export function trustProxyFromEnv(value: string | undefined): boolean | string[] {
  const text = (value ?? '').trim();
  if (text === '' || text === '0') return false;
  if (text === '1') return true;
  return text.split(',').map((part) => part.trim()).filter((part) => part !== '');
}
