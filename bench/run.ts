/** `npm run bench -- <suite> [options]`: runs one benchmark suite and prints JSON results. */
import { parseArgs } from 'node:util';
import { benchDuplicates } from './duplicates.ts';
import { benchFoundation } from './foundation.ts';
import { benchCalendars } from './calendars.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'database-url': { type: 'string' }, port: { type: 'string' }, persons: { type: 'string' }, queries: { type: 'string' } },
});
const suite = positionals[0] ?? 'foundation';
const suites: Record<string, () => Promise<unknown>> = {
  foundation: () => benchFoundation({ databaseUrl: values['database-url'], port: Number(values.port) || undefined }),
  calendars: () => benchCalendars({ databaseUrl: values['database-url'] }),
  duplicates: () => benchDuplicates({
    databaseUrl: values['database-url'], persons: Number(values.persons) || undefined, queries: Number(values.queries) || undefined,
  }),
};
const run = suites[suite];
if (!run) {
  console.error(`Unknown suite "${suite}". Suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
console.log(JSON.stringify(await run(), null, 2));
