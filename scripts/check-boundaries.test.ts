import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries } from './check-boundaries.mjs';

const SCRIPT = fileURLToPath(new URL('./check-boundaries.mjs', import.meta.url));
const roots: string[] = [];
// A run of the command loads TypeScript first: about a second, several on a busy machine.
const COMMAND_TIMEOUT = 30_000;

/** A repository on disk holding `files` (path → source), removed after the test. */
function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'refugio-boundaries-'));
  roots.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

/** The checker run in-process, its report as the command prints it, and the exit status it would give. */
function check(root: string, only?: 'web' | 'domain'): { status: number; output: string } {
  const violations = checkBoundaries(only === undefined ? { root } : { root, only });
  const output = violations.map(({ file, line, message }) => `${file}:${line}: ${message}`).join('\n');
  return { status: violations.length > 0 ? 1 : 0, output };
}

/** The command itself, in a child process. */
function run(root: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [SCRIPT, '--root', root, ...args], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const WEB = 'apps/web/src';
const DOMAIN = 'packages/domain/src';

describe('check-boundaries: web', () => {
  const claims = {
    [`${WEB}/features/claims/index.ts`]: "export { claimLabel } from './components/labels.ts';\n",
    [`${WEB}/features/claims/components/labels.ts`]: "export const claimLabel = 'claim';\n",
  };

  it('passes an import through the feature index', () => {
    const root = fixture({
      ...claims,
      [`${WEB}/features/referrals/index.ts`]: "export { ReferralsPage } from './components/ReferralsPage.tsx';\n",
      [`${WEB}/features/referrals/components/ReferralsPage.tsx`]:
        "import { claimLabel } from '../../claims/index.ts';\nimport { toast } from '../../../lib/toast.ts';\nexport const ReferralsPage = () => `${claimLabel}${toast}`;\n",
      [`${WEB}/lib/toast.ts`]: "export const toast = 'ok';\n",
      [`${WEB}/app/routes.tsx`]: "const page = () => import('../features/referrals/index.ts');\nexport { page };\n",
    });
    expect(check(root)).toEqual({ status: 0, output: '' });
  });

  it('fails a deep import into another feature, naming the file, the line and the public surface', () => {
    const root = fixture({
      ...claims,
      [`${WEB}/features/referrals/components/ReferralsPage.tsx`]:
        "// the label of a claim\nimport { claimLabel } from '../../claims/components/labels.ts';\nexport const ReferralsPage = () => claimLabel;\n",
    });
    const { status, output } = check(root, 'web');
    expect(status).toBe(1);
    expect(output).toContain(
      `${WEB}/features/referrals/components/ReferralsPage.tsx:2: deep import into the feature 'claims' ('../../claims/components/labels.ts'); import it through ${WEB}/features/claims/index.ts`,
    );
  });

  it('fails a deep import from src/app, also in a dynamic import()', () => {
    const root = fixture({
      ...claims,
      [`${WEB}/app/routes.tsx`]: "export const labels = () => import('../features/claims/components/labels.ts');\n",
    });
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain(`${WEB}/app/routes.tsx:1: deep import into the feature 'claims'`);
  });

  it('fails src/components and src/lib importing a feature (even through its index) or src/app', () => {
    const root = fixture({
      ...claims,
      [`${WEB}/components/ui/ClaimBadge.tsx`]: "import { claimLabel } from '../../features/claims/index.ts';\nexport const ClaimBadge = () => claimLabel;\n",
      [`${WEB}/lib/labels.ts`]: "export type { X } from '../features/claims/index.ts';\n",
      [`${WEB}/lib/theme.ts`]: "export { theme } from '../app/theme.ts';\n",
      [`${WEB}/app/theme.ts`]: "export const theme = {};\n",
    });
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain(`${WEB}/components/ui/ClaimBadge.tsx:1: src/components is shared by the features and must not import the feature 'claims'`);
    expect(output).toContain(`${WEB}/lib/labels.ts:1: src/lib is shared by the features and must not import the feature 'claims'`);
    expect(output).toContain(`${WEB}/lib/theme.ts:1: src/lib is shared by the features and must not import src/app`);
  });

  it('reports a cycle between feature folders with the imports behind each edge', () => {
    const root = fixture({
      [`${WEB}/features/sessions/index.ts`]: "export { trainers } from './api/sessions.ts';\nexport const sessions = 1;\n",
      [`${WEB}/features/sessions/api/sessions.ts`]: "import { curriculum } from '../../curriculum/index.ts';\nexport const trainers = curriculum;\n",
      [`${WEB}/features/curriculum/index.ts`]: "export const curriculum = 1;\nexport { sessions } from '../sessions/index.ts';\n",
    });
    const { status, output } = check(root, 'web');
    expect(status).toBe(1);
    expect(output).toContain('web folder import cycle features/curriculum → features/sessions → features/curriculum');
    expect(output).toContain(`features/curriculum → features/sessions: ${WEB}/features/curriculum/index.ts:2`);
    expect(output).toContain(`features/sessions → features/curriculum: ${WEB}/features/sessions/api/sessions.ts:1`);
    expect(output).not.toContain('deep import');
  });

  it('leaves test files and testing/ helpers out', () => {
    const root = fixture({
      ...claims,
      [`${WEB}/features/referrals/components/ReferralsPage.test.tsx`]: "import { claimLabel } from '../../claims/components/labels.ts';\n",
      [`${WEB}/features/referrals/testing/render.ts`]: "import { claimLabel } from '../../claims/components/labels.ts';\n",
    });
    expect(check(root)).toEqual({ status: 0, output: '' });
  });
});

describe('check-boundaries: domain', () => {
  const calendars = {
    [`${DOMAIN}/calendars/index.ts`]: "export * from './working-days.ts';\n",
    [`${DOMAIN}/calendars/server/index.ts`]: "export * from './claim-clocks.ts';\n",
    [`${DOMAIN}/calendars/working-days.ts`]: "export const addWorkingDays = 1;\n",
    [`${DOMAIN}/calendars/server/claim-clocks.ts`]: "import { addWorkingDays } from '../working-days.ts';\nexport const startClock = addWorkingDays;\n",
  };

  it('passes imports through a feature index or server index, and anything inside a feature', () => {
    const root = fixture({
      ...calendars,
      [`${DOMAIN}/shared/errors.ts`]: "export class AppError extends Error {}\n",
      [`${DOMAIN}/training/sessions/server/sessions.ts`]:
        "import { startClock } from '../../../calendars/server/index.ts';\nimport { addWorkingDays } from '../../../calendars/index.ts';\nimport { grant } from '../../competencies/server/register.ts';\nimport { AppError } from '../../../shared/errors.ts';\nexport const s = [startClock, addWorkingDays, grant, AppError];\n",
      [`${DOMAIN}/training/competencies/server/register.ts`]: "export const grant = 1;\n",
      [`${DOMAIN}/demo/seed-demo.ts`]: "import { startClock } from '../calendars/server/index.ts';\nexport const seed = startClock;\n",
      [`${DOMAIN}/server.ts`]: "export * from './calendars/server/index.ts';\nexport * from './demo/seed-demo.ts';\n",
    });
    expect(check(root, 'domain')).toEqual({ status: 0, output: '' });
  });

  it('fails a deep import into another feature', () => {
    const root = fixture({
      ...calendars,
      [`${DOMAIN}/intake/server/create-claim.ts`]: "import { startClock } from '../../calendars/server/claim-clocks.ts';\nexport const create = startClock;\n",
    });
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toContain(
      `${DOMAIN}/intake/server/create-claim.ts:1: deep import into the feature 'calendars' ('../../calendars/server/claim-clocks.ts'); import it through ${DOMAIN}/calendars/index.ts or ${DOMAIN}/calendars/server/index.ts`,
    );
  });

  it('fails the kernel importing a feature, even through its index', () => {
    const root = fixture({
      ...calendars,
      [`${DOMAIN}/shared/limits.ts`]: "import { addWorkingDays } from '../calendars/index.ts';\nexport const limit = addWorkingDays;\n",
    });
    const { status, output } = check(root, 'domain');
    expect(status).toBe(1);
    expect(output).toContain(`${DOMAIN}/shared/limits.ts:1: the kernel folder 'shared' must not import the feature 'calendars'`);
  });

  it('resolves the package specifiers from package.json and refuses a feature importing the package root', () => {
    const root = fixture({
      ...calendars,
      'packages/domain/package.json': JSON.stringify({ name: '@refugio/domain', exports: { '.': './src/index.ts', './server': './src/server.ts' } }),
      [`${DOMAIN}/index.ts`]: "export * from './calendars/index.ts';\n",
      [`${DOMAIN}/server.ts`]: "export * from './calendars/server/index.ts';\n",
      [`${DOMAIN}/intake/server/create-claim.ts`]: "import { startClock } from '@refugio/domain/server';\nexport const create = startClock;\n",
      [`${WEB}/lib/clock.ts`]: "import { addWorkingDays } from '@refugio/domain';\nexport const clock = addWorkingDays;\n",
    });
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output).toBe(
      `${DOMAIN}/intake/server/create-claim.ts:1: 'intake' must not import the composition root index.ts/server.ts; import the feature's public surface ('@refugio/domain/server')`,
    );
  });

  it('reports a cycle between features that import each other through their surfaces', () => {
    const root = fixture({
      [`${DOMAIN}/audit/server/index.ts`]: "import { actor } from '../../auth/server/index.ts';\nexport const record = actor;\n",
      [`${DOMAIN}/auth/server/index.ts`]: "import { record } from '../../audit/server/index.ts';\nexport const actor = record;\n",
    });
    const { status, output } = check(root, 'domain');
    expect(status).toBe(1);
    expect(output).toContain('domain folder import cycle audit → auth → audit');
  });

  it('as a command: checks one tree when asked, both by default, and exits 1 on a violation', () => {
    const root = fixture({
      ...calendars,
      [`${DOMAIN}/intake/server/create-claim.ts`]: "import { startClock } from '../../calendars/server/claim-clocks.ts';\n",
      [`${WEB}/lib/toast.ts`]: "export const toast = 'ok';\n",
    });
    expect(run(root, '--only', 'web')).toMatchObject({ status: 0, output: 'check-boundaries (web): no violations\n' });
    const domain = run(root, '--only', 'domain');
    expect(domain.status).toBe(1);
    expect(domain.output).toContain(`${DOMAIN}/intake/server/create-claim.ts:1: deep import into the feature 'calendars'`);
    expect(domain.output).toContain('check-boundaries (domain): 1 violation');
    expect(run(root).status).toBe(1);
  }, COMMAND_TIMEOUT);

  it('refuses an unknown option', () => {
    const { status, output } = run(fixture({}), '--only', 'api');
    expect(status).toBe(2);
    expect(output).toContain('usage: node scripts/check-boundaries.mjs');
  }, COMMAND_TIMEOUT);
});
