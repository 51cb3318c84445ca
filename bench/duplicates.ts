/**
 * Duplicate check at scale (a first look; the full intake benchmark loads claims through the CLI).
 * Loads synthetic persons straight into `persons` (names with a skewed frequency, as real surnames
 * are: Hernández and López far more often than Zúñiga), then times findDuplicateCandidates for
 * re-registrations of existing persons (accents dropped, surnames swapped, birth date one day
 * off) and for new persons, in process, and prints the plan of the candidate query.
 * Usage: npm run bench -- duplicates --database-url postgres://…/db [--persons 500000] [--queries 300]
 */
import { migrate, openPostgres } from '@refugio/db';
import { duplicateCandidateQuery, findDuplicateCandidates, withNameScanThreshold, type RequestContext } from '@refugio/domain/server';

const GIVEN = ['José', 'María', 'Juan', 'Luis', 'Carlos', 'Ana', 'Jorge', 'Kevin', 'Yesenia', 'Wendy', 'Brayan', 'Jean', 'Marie',
  'Wilner', 'Mackenson', 'Widlene', 'Yoandri', 'Yunior', 'Yaimara', 'Dayana', 'Mohamed', 'Ahmed', 'Youssef', 'Fatima',
  'Guadalupe', 'Francisco', 'Pedro', 'Rosa', 'Carmen', 'Daniel', 'Miguel', 'Josué', 'Dilcia', 'Lourdes', 'Ángel', 'Héctor',
  'Jefferson', 'Anderson', 'Nahomy', 'Génesis', 'Esther', 'Roberto', 'Óscar', 'Elvin', 'Marvin', 'Iris', 'Sonia', 'Reina',
  'Fredy', 'Walter', 'Ruth', 'Jonathan', 'Alexis', 'Emmanuel', 'Sabine', 'Nadège', 'Ricardo', 'Cristian', 'Belkis', 'Odalys'];
const SURNAMES = ['Hernández', 'López', 'García', 'Martínez', 'Rodríguez', 'Pérez', 'González', 'Ramírez', 'Flores', 'Cruz',
  'Reyes', 'Morales', 'Castillo', 'Mejía', 'Sánchez', 'Díaz', 'Romero', 'Joseph', 'Pierre', 'Jean', 'Louis', 'Charles',
  'Baptiste', 'Alvarado', 'Aguilar', 'Vásquez', 'Zelaya', 'Banegas', 'Murillo', 'Fuentes', 'Ortiz', 'Chávez', 'Paz',
  'Maldonado', 'Mendoza', 'Guzmán', 'Orellana', 'Portillo', 'Rivera', 'Gómez', 'Figueroa', 'Valle', 'Espinoza', 'Lara',
  'Cabrera', 'Fernández', 'Álvarez', 'Delgado', 'Núñez', 'Suárez', 'Toussaint', 'Desir', 'Dorvil', 'Etienne', 'Saint-Fleur',
  'Haddad', 'Al-Hassan', 'Zúñiga', 'Bonilla', 'Cárcamo'];
const NATIONALITIES = ['HND', 'CUB', 'HTI', 'SLV', 'GTM', 'VEN', 'NIC', 'COL', 'SYR', 'AFG'];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;
// Skewed pick: index ~ n·u², so the first entries are far more frequent.
const pick = (name: string) => `${name}[1 + floor(array_length(${name}, 1) * random() ^ 2)::int]`;

async function loadPersons(db: ReturnType<typeof openPostgres>, target: number): Promise<number> {
  const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM persons')).rows[0]!.n;
  const batch = 100_000;
  for (let done = have; done < target; done += batch) {
    const n = Math.min(batch, target - done);
    const started = performance.now();
    await db.query(`
      INSERT INTO persons (given_names, first_surname, second_surname, birth_date, birth_date_estimated, nationalities, documents, sex)
      SELECT ${pick('g')} || CASE WHEN random() < 0.5 THEN ' ' || ${pick('g')} ELSE '' END,
             ${pick('s')}, CASE WHEN random() < 0.85 THEN ${pick('s')} END,
             date '1950-01-01' + floor(random() * 27000)::int, random() < 0.1,
             ARRAY[${pick('n')}],
             CASE WHEN random() < 0.4 THEN jsonb_build_array(jsonb_build_object('type', 'passport',
               'number', upper(substr(md5(i::text || random()::text), 1, 9)), 'issuingCountry', 'HND')) ELSE '[]'::jsonb END,
             CASE WHEN random() < 0.5 THEN 'female' ELSE 'male' END
        FROM generate_series(1, ${n}) i,
             (SELECT ${sqlArray(GIVEN)} AS g, ${sqlArray(SURNAMES)} AS s, ${sqlArray(NATIONALITIES)} AS n) lists`);
    console.error(`loaded ${done + n} persons (${Math.round(performance.now() - started)} ms for ${n})`);
  }
  await db.query('ANALYZE persons');
  return Math.max(have, target);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

const stripAccents = (s: string | null) => s && s.normalize('NFD').replace(/\p{M}/gu, '');
function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export async function benchDuplicates(options: { databaseUrl?: string | undefined; persons?: number; queries?: number }) {
  if (!options.databaseUrl) throw new Error('--database-url is required (PostgreSQL)');
  const db = openPostgres(options.databaseUrl);
  try {
    await migrate(db);
    const persons = await loadPersons(db, options.persons ?? 500_000);
    const ctx: RequestContext = {
      actor: {
        userId: '00000000-0000-0000-0000-000000000000', username: 'bench', operationId: 1, institutionId: '00000000-0000-0000-0000-000000000000',
        officeIds: [], roles: [], permissions: new Set(['read:claim:all']), language: 'es-MX',
      },
    };
    const samples = (await db.query<{ givenNames: string; firstSurname: string | null; secondSurname: string | null; birthDate: string; nationalities: string[] }>(
      `SELECT given_names AS "givenNames", first_surname AS "firstSurname", second_surname AS "secondSurname",
              birth_date AS "birthDate", nationalities FROM persons TABLESAMPLE SYSTEM (1) LIMIT $1`, [options.queries ?? 300])).rows;
    const run = async (label: string, queries: Parameters<typeof findDuplicateCandidates>[2][]) => {
      const times: number[] = [];
      let found = 0;
      for (const q of queries.slice(0, 20)) await findDuplicateCandidates(db, ctx, q); // warm-up
      for (const q of queries) {
        const started = performance.now();
        const result = await findDuplicateCandidates(db, ctx, q);
        times.push(performance.now() - started);
        if (result.length > 0) found++;
      }
      times.sort((a, b) => a - b);
      return { label, queries: queries.length, withCandidates: found, p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)), max: round(times.at(-1)!) };
    };
    // Re-registration: accents dropped, surnames swapped, birth date one day later.
    const again = samples.map((s) => ({
      givenNames: stripAccents(s.givenNames)!, firstSurname: stripAccents(s.secondSurname ?? s.firstSurname),
      secondSurname: s.secondSurname ? stripAccents(s.firstSurname) : null, birthDate: nextDay(s.birthDate), nationalities: s.nationalities,
    }));
    // New persons: names shuffled from the lists, a birth date nobody may have.
    const fresh = samples.map((s, i) => ({
      givenNames: GIVEN[(i * 7) % GIVEN.length]!, firstSurname: SURNAMES[(i * 11) % SURNAMES.length]!,
      secondSurname: SURNAMES[(i * 13 + 5) % SURNAMES.length]!, birthDate: s.birthDate, nationalities: ['VEN'],
    }));
    const undated = again.map((q) => ({ ...q, birthDate: null }));
    const results = [
      await run('re-registration (accents dropped, surnames swapped, DOB +1 day)', again),
      await run('new person', fresh),
      await run('re-registration without a birth date', undated),
    ];
    const explain = (q: Parameters<typeof findDuplicateCandidates>[2]) => db.transaction(async (tx) => {
      const { sql, params, wholeName } = await duplicateCandidateQuery(tx, q);
      const arms = await withNameScanThreshold(tx, async () => (await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']));
      if (!wholeName) return arms;
      return [...arms, '-- whole name:', ...await withNameScanThreshold(tx, async () => (await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${wholeName.sql}`, wholeName.params)).rows.map((r) => r['QUERY PLAN']), wholeName.threshold)];
    });
    const plan = await explain(again[0]!);
    const undatedPlan = await explain(undated[0]!);
    return { database: 'postgres', persons, results, plan, undatedPlan };
  } finally {
    await db.close();
  }
}
