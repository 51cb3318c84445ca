/** `npm run bench -- <suite> [options]`: runs one benchmark suite and prints JSON results. */
import { parseArgs } from 'node:util';
import { benchDuplicates } from './duplicates.ts';
import { benchFoundation } from './foundation.ts';
import { benchCalendars } from './calendars.ts';
import { benchIntake } from './intake.ts';
import { benchGating } from './training-gating.ts';
import { benchCertificates } from './training-certificates.ts';
import { benchNeeds } from './training-needs.ts';
import { benchScheduling } from './scheduling.ts';
import { benchInterviews } from './interviews.ts';
import { benchDecisions } from './decisions.ts';
import { benchConcurrency } from './concurrency.ts';
import { benchWeb } from './web.ts';
import { benchResults } from './results.ts';
import { benchImpact } from './training-impact.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'database-url': { type: 'string' }, port: { type: 'string' }, persons: { type: 'string' }, queries: { type: 'string' },
    claims: { type: 'string' }, 'data-dir': { type: 'string' }, seconds: { type: 'string' }, concurrency: { type: 'string' },
    'no-suspension': { type: 'boolean' }, officers: { type: 'string' }, participants: { type: 'string' }, staff: { type: 'string' },
    appointments: { type: 'string' }, rounds: { type: 'string' }, questions: { type: 'string' }, saves: { type: 'string' },
    sources: { type: 'string' }, facts: { type: 'string' }, evidence: { type: 'string' }, offices: { type: 'string' }, runs: { type: 'string' } },
});
const suite = positionals[0] ?? 'foundation';
const suites: Record<string, () => Promise<unknown>> = {
  foundation: () => benchFoundation({ databaseUrl: values['database-url'], port: Number(values.port) || undefined }),
  calendars: () => benchCalendars({ databaseUrl: values['database-url'] }),
  duplicates: () => benchDuplicates({
    databaseUrl: values['database-url'], persons: Number(values.persons) || undefined, queries: Number(values.queries) || undefined,
  }),
  intake: () => benchIntake({
    databaseUrl: values['database-url'], dataDir: values['data-dir'], claims: Number(values.claims) || undefined,
    seconds: Number(values.seconds) || undefined, concurrency: Number(values.concurrency) || undefined,
    port: Number(values.port) || undefined, suspension: !values['no-suspension'],
  }),
  gating: () => benchGating({
    databaseUrl: values['database-url'], officers: Number(values.officers) || undefined,
    claims: Number(values.claims) || undefined, queries: Number(values.queries) || undefined,
  }),
  certificates: () => benchCertificates({ databaseUrl: values['database-url'], participants: Number(values.participants) || undefined }),
  scheduling: () => benchScheduling({
    databaseUrl: values['database-url'], officers: Number(values.officers) || undefined,
    appointments: Number(values.appointments) || undefined, rounds: Number(values.rounds) || undefined,
  }),
  interviews: () => benchInterviews({
    databaseUrl: values['database-url'], questions: Number(values.questions) || undefined, saves: Number(values.saves) || undefined,
  }),
  decisions: () => benchDecisions({
    databaseUrl: values['database-url'], sources: Number(values.sources) || undefined, facts: Number(values.facts) || undefined,
    evidence: Number(values.evidence) || undefined, rounds: Number(values.rounds) || undefined,
  }),
  concurrency: () => benchConcurrency({
    databaseUrl: values['database-url'], claims: Number(values.claims) || undefined, seconds: Number(values.seconds) || undefined,
    concurrency: Number(values.concurrency) || undefined, port: Number(values.port) || undefined,
  }),
  web: () => benchWeb({ databaseUrl: values['database-url'], rounds: Number(values.rounds) || undefined, port: Number(values.port) || undefined }),
  results: () => benchResults({ databaseUrl: values['database-url'], claims: Number(values.claims) || undefined, rounds: Number(values.rounds) || undefined }),
  impact: () => benchImpact({
    databaseUrl: values['database-url'], claims: Number(values.claims) || undefined, officers: Number(values.officers) || undefined,
    offices: Number(values.offices) || undefined, runs: Number(values.runs) || undefined,
  }),
  needs: () => benchNeeds({ databaseUrl: values['database-url'], staff: Number(values.staff) || undefined, claims: Number(values.claims) || undefined }),
};
const run = suites[suite];
if (!run) {
  console.error(`Unknown suite "${suite}". Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
console.log(JSON.stringify(await run(), null, 2));
