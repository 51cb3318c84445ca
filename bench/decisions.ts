/**
 * The assessment behind a decision (ADR 029). Loads `--sources` COI sources (100,000 by default)
 * written from a Spanish and English vocabulary about the countries most seen at COMAR, then
 * - times library searches through the use case (`searchCoiSources`: words in Spanish or English,
 *   with and without accents, filtered by country, topic and date, ranked, counted; target ≤ 100 ms
 *   p95 on PostgreSQL), and
 * - times opening one claim's assessment with `--facts` facts (40) and `--evidence` items (200) —
 *   citations of library sources, typed and uploaded documents, witness statements — through the
 *   use case (`getAssessment`, its audit event included; target ≤ 150 ms p95).
 * - generates that claim's draft decision once (`generateDecision`: the six sections composed from
 *   the 40 facts, the draft_decision step and its safeguards, one transaction) and renders its PDF
 *   `--rounds` times through the download's use case (`decisionPdfFile`, audited; target: generating
 *   and rendering ≤ 2 s).
 * Usage: npm run bench -- decisions [--sources 100000] [--facts 40] [--evidence 200] [--database-url postgres://…/db]
 *        (without --database-url: embedded PGlite in a temporary folder)
 */
import type { Database } from '@refugio/db';
import { decisionPdfFile, demoContext, generateDecision, getAssessment, resolveCalendar, searchCoiSources } from '@refugio/domain/server';
import { ZCoiSearchQuery, type TCoiSearchQuery } from '@refugio/domain';
import { withBenchDatabase } from './lib/database.ts';
import { percentile } from './lib/load.ts';

const round = (ms: number) => Math.round(ms * 100) / 100;

const COUNTRIES = ['HND', 'HTI', 'CUB', 'SLV', 'GTM', 'VEN', 'NIC', 'COL', 'ECU', 'AFG', 'CMR', 'SEN', 'UKR', 'RUS', 'CHN', 'IND'];
const TOPICS = ['security_situation', 'armed_conflict', 'gangs_organised_crime', 'extortion', 'forced_recruitment', 'gender_based_violence',
  'domestic_violence', 'sogi', 'children', 'indigenous_peoples', 'political_opposition', 'journalists_defenders', 'religion', 'state_protection',
  'internal_relocation', 'human_trafficking', 'health', 'documents_identity', 'return', 'other'];
const PUBLISHERS = ['ACNUR', 'UNHCR', 'EUAA', 'U.S. Department of State', 'Human Rights Watch', 'Amnistía Internacional', 'Amnesty International',
  'Crisis Group', 'InSight Crime', 'CIDH', 'OACNUDH', 'Refugees International', 'ACAPS', 'IDMC'];
const ES = ['violencia', 'pandillas', 'maras', 'extorsión', 'renta', 'comerciantes', 'amenazas', 'homicidios', 'desplazamiento', 'forzado', 'mujeres',
  'niñas', 'niños', 'adolescentes', 'reclutamiento', 'policía', 'protección', 'Estado', 'impunidad', 'corrupción', 'periodistas', 'defensores',
  'derechos', 'humanos', 'indígenas', 'tierra', 'oposición', 'política', 'detenciones', 'arbitrarias', 'tortura', 'cárcel', 'salud', 'hospitales',
  'migración', 'retorno', 'deportación', 'documentos', 'identidad', 'pasaporte', 'religión', 'iglesia', 'trata', 'explotación', 'sexual',
  'violación', 'feminicidio', 'doméstica', 'LGBTI', 'trans', 'discriminación', 'ataques', 'fuerzas', 'seguridad', 'militares', 'conflicto',
  'armado', 'guerrilla', 'paramilitares', 'narcotráfico', 'cárteles', 'barrios', 'colonias', 'rurales', 'urbanas', 'elecciones', 'protestas',
  'represión', 'libertad', 'expresión', 'justicia', 'tribunales', 'fiscalía', 'denuncias', 'víctimas', 'testigos', 'huida', 'interna', 'refugio'];
const EN = ['violence', 'gangs', 'extortion', 'rent', 'shopkeepers', 'threats', 'murders', 'displacement', 'forced', 'women', 'girls', 'boys',
  'children', 'recruitment', 'police', 'protection', 'state', 'impunity', 'corruption', 'journalists', 'defenders', 'human', 'rights', 'indigenous',
  'land', 'opposition', 'political', 'arbitrary', 'detention', 'torture', 'prison', 'health', 'hospitals', 'return', 'deportation', 'documents',
  'identity', 'passport', 'religion', 'church', 'trafficking', 'exploitation', 'sexual', 'rape', 'femicide', 'domestic', 'LGBTI', 'transgender',
  'discrimination', 'attacks', 'security', 'forces', 'military', 'armed', 'conflict', 'guerrilla', 'paramilitary', 'drug', 'cartels',
  'neighbourhoods', 'rural', 'urban', 'elections', 'protests', 'repression', 'freedom', 'expression', 'justice', 'courts', 'prosecutor',
  'complaints', 'victims', 'witnesses', 'relocation', 'internal', 'asylum'];

/** A deterministic pseudo-random sequence, so every run loads the same library. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Words drawn with a skew (the first of the list far more often), as topics recur in real reports. */
function words(next: () => number, vocabulary: readonly string[], n: number): string {
  return Array.from({ length: n }, () => vocabulary[Math.floor(vocabulary.length * next() ** 2)]!).join(' ');
}

async function loadSources(db: Database, count: number): Promise<number> {
  const next = rng(20_261_204);
  const started = performance.now();
  const batch = 2000;
  for (let from = 0; from < count; from += batch) {
    const rows = Array.from({ length: Math.min(batch, count - from) }, () => {
      const spanish = next() < 0.5;
      const vocabulary = spanish ? ES : EN;
      const country = COUNTRIES[Math.floor(COUNTRIES.length * next() ** 1.5)]!;
      const year = 2012 + Math.floor(next() * 14);
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const topics = [...new Set([TOPICS[Math.floor(TOPICS.length * next())]!, TOPICS[Math.floor(TOPICS.length * next())]!])];
      return {
        title: `${country}: ${words(next, vocabulary, 6)}`, publisher: PUBLISHERS[Math.floor(PUBLISHERS.length * next())]!,
        published: `${year}-${month}-15`, language: spanish ? 'es' : 'en', countries: `{${country}}`, topics: `{${topics.join(',')}}`,
        excerpt: words(next, vocabulary, 40 + Math.floor(next() * 80)),
      };
    });
    await db.query(
      `INSERT INTO coi_sources (title, publisher, published_on, accessed_on, language, countries, topics, excerpt)
       SELECT t, p, d::date, d::date + 30, l, c::text[], tp::text[], e
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS r(t, p, d, l, c, tp, e)`,
      [rows.map((r) => r.title), rows.map((r) => r.publisher), rows.map((r) => r.published), rows.map((r) => r.language),
        rows.map((r) => r.countries), rows.map((r) => r.topics), rows.map((r) => r.excerpt)]);
  }
  await db.query('VACUUM (ANALYZE) coi_sources');
  return Math.round(performance.now() - started);
}

/** What officers type: words in either language, accents or not, a phrase, filters alone or with words. */
const SEARCHES: Array<Partial<TCoiSearchQuery>> = [
  { q: 'extorsion pandillas' }, { q: 'extorsión comerciantes', country: 'HND' }, { q: 'gang recruitment children' },
  { q: 'violencia mujeres', country: 'GTM' }, { q: 'femicide impunity' }, { q: '"human rights" defenders', country: 'VEN' },
  { q: 'reclutamiento forzado', topic: 'forced_recruitment' }, { q: 'police protection', country: 'SLV', publishedFrom: '2022-01-01' },
  { q: 'desplazamiento interno huida' }, { q: 'LGBTI discriminación' }, { q: 'Human Rights Watch' }, { q: 'tortura detenciones arbitrarias', country: 'NIC' },
  { country: 'HTI' }, { topic: 'state_protection' }, { country: 'HND', topic: 'gangs_organised_crime' }, { publishedFrom: '2024-01-01', publishedTo: '2024-12-31' },
  { q: 'violencia' }, { q: 'violence' }, { q: 'cartels drug trafficking', country: 'COL' }, { q: 'persecución oposición política', country: 'CUB' },
];

async function loadAssessment(db: Database, facts: number, evidence: number) {
  const prefix = `BENCH-ASSESS-${Date.now()}`;
  const institution = (await db.query<{ id: string }>(`INSERT INTO institutions (code, name, kind) VALUES ($1, 'Bench', 'asylum_authority') RETURNING id`, [prefix])).rows[0]!.id;
  const office = (await db.query<{ id: string }>(
    `INSERT INTO offices (institution_id, code, name, kind, state_code) VALUES ($1, $2, 'Bench office', 'regional', 'MX-CHP') RETURNING id`, [institution, prefix])).rows[0]!.id;
  const officer = (await db.query<{ id: string }>(
    `INSERT INTO users (username, full_name, institution_id, password_hash) VALUES ($1, 'Oficial de elegibilidad', $2, 'x') RETURNING id`, [`${prefix}-officer`, institution])).rows[0]!.id;
  await db.query(`INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = 'eligibility_officer'`, [officer]);
  await db.query('INSERT INTO user_offices (user_id, office_id) VALUES ($1, $2)', [officer, office]);
  const calendar = await resolveCalendar(db, 'LFPA_ART_28');
  const person = (await db.query<{ id: string }>(`INSERT INTO persons (given_names, first_surname, nationalities) VALUES ('Marisol', 'Cruz', '{HND}') RETURNING id`)).rows[0]!.id;
  const claim = (await db.query<{ id: string }>(
    `INSERT INTO claims (claim_number, office_id, principal_person_id, channel, lodged_at, calendar_id, status, assigned_officer_id)
     VALUES ($1, $2, $3, 'comar_office', now() - interval '30 days', $4, 'under_assessment', $5) RETURNING id`,
    [prefix, office, person, calendar.id, officer])).rows[0]!.id;
  const assessment = (await db.query<{ id: string }>(
    `INSERT INTO claim_assessments (claim_id, risk_assessment, nexus, convention_grounds, cartagena_circumstances, cartagena_analysis)
     VALUES ($1, repeat('Riesgo real de daño grave. ', 40), repeat('Nexo con el motivo. ', 20), '{particular_social_group}', '{generalized_violence}',
             repeat('Violencia generalizada. ', 30)) RETURNING id`, [claim])).rows[0]!.id;
  await db.query(
    `INSERT INTO material_facts (assessment_id, position, kind, statement, sufficiency, sufficiency_notes, internal_consistency, external_consistency,
       plausibility, conclusion, reasons, created_by)
     SELECT $1, i, (ARRAY['identity','nationality','past_event','feared_harm','profile','other'])[1 + i % 6], 'Hecho material ' || i || ': ' || repeat('relato ', 60),
            'positive', repeat('Detalles concretos. ', 10), 'positive', 'neutral', 'positive', 'accepted', repeat('Motivos de la conclusión. ', 15), $2
       FROM generate_series(1, $3) i`, [assessment, officer, facts]);
  const sources = (await db.query<{ id: string }>('SELECT id FROM coi_sources ORDER BY published_on DESC LIMIT 50')).rows.map((r) => r.id);
  // A quarter of the evidence cites the library, a quarter are uploaded documents (100 KB each, never read by the page), the rest typed.
  await db.query(
    `INSERT INTO fact_evidence (fact_id, kind, description, quote, file_name, content_type, content, sha256, size_bytes, coi_source_id, coi_passage, created_by)
     SELECT f.id, k.kind, 'Prueba ' || e, CASE WHEN k.kind IN ('witness', 'document') AND e % 8 <> 1 THEN repeat('Texto citado. ', 30) END,
            CASE WHEN e % 8 = 1 THEN 'documento-' || e || '.pdf' END, CASE WHEN e % 8 = 1 THEN 'application/pdf' END,
            CASE WHEN e % 8 = 1 THEN convert_to('%PDF-1.4 ' || repeat('x', 100000), 'UTF8') END,
            CASE WHEN k.kind = 'document' THEN md5(e::text) || md5(e::text) END, CASE WHEN e % 8 = 1 THEN 100009 END,
            CASE WHEN k.kind = 'coi' THEN ($4::uuid[])[1 + e % cardinality($4::uuid[])] END,
            CASE WHEN k.kind = 'coi' THEN repeat('Pasaje de la fuente. ', 10) END, $2
       FROM generate_series(1, $3) e
       JOIN material_facts f ON f.assessment_id = $1 AND f.position = 1 + e % $5
       CROSS JOIN LATERAL (SELECT CASE WHEN e % 4 = 0 THEN 'coi' WHEN e % 8 = 1 THEN 'document' WHEN e % 2 = 0 THEN 'witness' ELSE 'document' END AS kind) k`,
    [assessment, officer, evidence, sources, facts]);
  for (const table of ['material_facts', 'fact_evidence', 'claim_assessments']) await db.query(`VACUUM (ANALYZE) ${table}`);
  return { claim, officerUsername: `${prefix}-officer` };
}

export async function benchDecisions(options: { databaseUrl?: string | undefined; sources?: number; facts?: number; evidence?: number; rounds?: number }) {
  const sources = options.sources ?? 100_000;
  const facts = options.facts ?? 40;
  const evidence = options.evidence ?? 200;
  const rounds = options.rounds ?? 10;
  return withBenchDatabase('decisions', options.databaseUrl, async (db) => {
    const loadMs = await loadSources(db, sources);
    const { claim, officerUsername } = await loadAssessment(db, facts, evidence);
    const ctx = await demoContext(db, officerUsername);

    // Search: every query once to warm up, then `rounds` passes.
    const queries = SEARCHES.map((s) => ZCoiSearchQuery.parse(s));
    const matches = new Map<string, number>();
    let capped = 0;
    for (const query of queries) {
      const result = await searchCoiSources(db, ctx, { query });
      matches.set(JSON.stringify(query), result.total);
      if (result.more) capped++;
    }
    const searchTimes: number[] = [];
    const slowest = new Map<string, number>();
    for (let pass = 0; pass < rounds; pass++) {
      for (const query of queries) {
        const started = performance.now();
        await searchCoiSources(db, ctx, { query });
        const ms = performance.now() - started;
        searchTimes.push(ms);
        const key = JSON.stringify({ q: query.q, country: query.country, topic: query.topic, from: query.publishedFrom });
        slowest.set(key, Math.max(slowest.get(key) ?? 0, ms));
      }
    }
    searchTimes.sort((a, b) => a - b);

    // Opening the assessment: five warm-up reads, then `rounds * 5`.
    for (let i = 0; i < 5; i++) await getAssessment(db, ctx, { claimId: claim });
    const openTimes: number[] = [];
    let shape = { facts: 0, evidence: 0 };
    for (let i = 0; i < rounds * 5; i++) {
      const started = performance.now();
      const assessment = await getAssessment(db, ctx, { claimId: claim });
      openTimes.push(performance.now() - started);
      shape = { facts: assessment.facts.length, evidence: assessment.facts.reduce((n, f) => n + f.evidence.length, 0) };
    }
    openTimes.sort((a, b) => a - b);

    // The draft decision, generated once (a claim has one), then its PDF rendered `rounds` times.
    const { version } = (await db.query<{ version: number }>('SELECT version FROM claims WHERE id = $1', [claim])).rows[0]!;
    let started = performance.now();
    const draft = await generateDecision(db, ctx, { claimId: claim, input: { version, outcome: 'refugee_cartagena', personOutcomes: [] } });
    const generateMs = performance.now() - started;
    const pdfTimes: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < rounds; i++) {
      started = performance.now();
      const file = await decisionPdfFile(db, ctx, { claimId: claim });
      pdfTimes.push(performance.now() - started);
      pdfBytes = file.pdf.byteLength;
    }
    pdfTimes.sort((a, b) => a - b);
    return {
      database: options.databaseUrl ? 'postgres' : 'pglite',
      load: { sources, ms: loadMs },
      search: {
        queries: queries.length, runs: searchTimes.length, matches: { min: Math.min(...matches.values()), max: Math.max(...matches.values()) },
        // Searches that matched more than the ranked cap (ADR 056): their total reads 1,000.
        capped,
        p50: round(percentile(searchTimes, 50)), p95: round(percentile(searchTimes, 95)), max: round(searchTimes.at(-1)!), targetP95: 100,
        slowest: [...slowest].toSorted((a, b) => b[1] - a[1]).slice(0, 3).map(([query, ms]) => ({ query: JSON.parse(query) as unknown, ms: round(ms) })),
      },
      openAssessment: {
        ...shape, runs: openTimes.length, p50: round(percentile(openTimes, 50)), p95: round(percentile(openTimes, 95)), max: round(openTimes.at(-1)!),
        targetP95: 150,
      },
      draftDecision: {
        sectionsChars: Object.values(draft.decision?.sections ?? {}).reduce((n, section) => n + section.text.length, 0),
        generateMs: round(generateMs), pdf: { runs: pdfTimes.length, bytes: pdfBytes, p50: round(percentile(pdfTimes, 50)), p95: round(percentile(pdfTimes, 95)),
          max: round(pdfTimes.at(-1)!) },
        generateAndRenderMs: round(generateMs + percentile(pdfTimes, 50)), target: 2000,
      },
    };
  });
}
