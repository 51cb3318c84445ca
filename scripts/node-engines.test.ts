/**
 * The README promises Node 20 (ADR 031): no locked package may exclude it, or `npm ci` warns
 * EBADENGINE on a supported machine and the package may fail at run time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '..');
const rootManifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; dev?: boolean }>;
};

describe('Node engines', () => {
  const oldestSupported = semver.minVersion(rootManifest.engines.node)?.version ?? '';

  it('the project names a lowest Node version', () => {
    expect(oldestSupported).toMatch(/^20\./);
  });

  it('no locked package excludes the lowest supported Node', () => {
    const excluding = Object.entries(lock.packages).flatMap(([where, pkg]) => {
      const range = Array.isArray(pkg.engines) ? undefined : pkg.engines?.node;
      if (!where || !range) return [];
      return semver.satisfies(oldestSupported, range, { includePrerelease: true }) ? [] : [`${where}@${pkg.version}: node ${range}`];
    });
    expect(excluding).toEqual([]);
  });
});
