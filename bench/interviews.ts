/**
 * The personal interview at the size of a long eligibility interview (ADR 025): a questionnaire of
 * `--questions` questions (300 by default) all answered with a few sentences each, then timed in
 * process through the use cases the API routes call:
 * - autosave: `--saves` answer saves (200 by default) over the version last seen, one after the
 *   other as an officer types, each audited (targets: p95 ≤ 50 ms on PostgreSQL, ≤ 100 ms on PGlite);
 * - the acta: the whole signed record rendered as PDF (target ≤ 2 s).
 * Runs on PGlite by default, or on an empty PostgreSQL database with --database-url.
 * Usage: npm run bench -- interviews [--questions 300] [--saves 200] [--database-url postgres://…/db]
 */
import { loadavg } from 'node:os';
import { PDFDocument } from 'pdf-lib';
import type { Database } from '@refugio/db';
import { ZClaimInput, ZStartInterview, type TTemplateContentInput } from '@refugio/domain';
import {
  createClaim, demoContext, exportRecordPdf, isDatabaseEmpty, readBackInterview, saveAnswer, saveText, seedDemo, signInterview, startInterview,
  TRANSITION_USE_CASES,
} from '@refugio/domain/server';
import { withBenchDatabase } from './lib/database.ts';
import { percentile } from './lib/load.ts';

const round = (ms: number) => Math.round(ms * 10) / 10;
const SENTENCE = 'La persona explica que recibió amenazas de la pandilla del barrio durante varios meses y que la policía no quiso recibir su denuncia. ';

/** A stage of the method with one checklist item and no questions. */
const stage = (name: 'preparation' | 'opening' | 'conducting' | 'closing' | 'after') => ({
  stage: name, guidance: '', checklist: [{ id: `${name}_item`, text: `Punto de ${name}` }], questions: [],
});

/** A questionnaire of the EUAA stages whose substance holds `questions` free-text questions. */
function bigQuestionnaire(questions: number): TTemplateContentInput {
  return {
    stages: [stage('preparation'), stage('opening'), stage('conducting'),
      { stage: 'substance', guidance: '', checklist: [], questions: Array.from({ length: questions }, (_, i) => ({
        id: `pregunta_${i + 1}`, text: `Pregunta ${i + 1}: ¿qué ocurrió en el hecho número ${i + 1} que usted relata?`, type: 'text' as const,
      })) },
      stage('closing'), stage('after')],
  };
}

async function setUp(db: Database, questions: number) {
  if (await isDatabaseEmpty(db)) await seedDemo(db, { password: 'bench-password-interviews' });
  const supervisor = await demoContext(db, 'supervisor');
  const { rows: [office] } = await db.query<{ id: string; institution_id: string }>(`SELECT id, institution_id FROM offices WHERE code = 'COMAR-TAP'`);
  const { rows: [template] } = await db.query<{ id: string }>(
    `INSERT INTO interview_templates (institution_id, code, version, title, audience, status, content, published_at)
     VALUES ($1, $2, 1, 'Cuestionario de prueba de carga', 'eligibility', 'published', $3, now()) RETURNING id`,
    [office!.institution_id, `bench_${Date.now()}`, JSON.stringify(bigQuestionnaire(questions))]);
  let claim = await createClaim(db, supervisor, ZClaimInput.parse({
    officeId: office!.id, channel: 'comar_office',
    members: [{ relation: 'principal', person: { givenNames: 'Rosa Elvira', firstSurname: 'Maldonado', sex: 'female', birthDate: '1988-06-02', nationalities: ['HND'] } }],
  }));
  for (const action of ['admit', 'schedule_interview'] as const) {
    claim = await TRANSITION_USE_CASES[action](db, supervisor, claim.id, { version: claim.version, reason: null, toOfficeId: null });
  }
  const interview = await startInterview(db, supervisor, { claimId: claim.id, input: ZStartInterview.parse({
    personId: claim.members[0]!.person.id, templateId: template!.id, language: 'es',
  }) });
  return { ctx: supervisor, interview };
}

export async function benchInterviews(options: { databaseUrl?: string | undefined; questions?: number; saves?: number }) {
  const questions = options.questions ?? 300;
  const saves = options.saves ?? 200;
  return withBenchDatabase('interviews', options.databaseUrl, async (db) => {
    const { ctx, interview } = await setUp(db, questions);
    const id = interview.id;
    const versions = new Map<string, number>();
    const fillStarted = performance.now();
    for (let i = 1; i <= questions; i += 1) {
      const saved = await saveAnswer(db, ctx, { id, questionId: `pregunta_${i}`, input: { value: { text: SENTENCE.repeat(3) }, version: 0 } });
      versions.set(saved.key, saved.version);
    }
    const fillMs = performance.now() - fillStarted;
    await saveText(db, ctx, { id, field: 'narrative', input: { text: SENTENCE.repeat(40), version: 0 } });

    // The officer goes back over answers already given, as autosave sends them: update over the version last seen.
    const latencies: number[] = [];
    for (let i = 0; i < saves; i += 1) {
      const questionId = `pregunta_${1 + ((i * 37) % questions)}`;
      const started = performance.now();
      const saved = await saveAnswer(db, ctx, { id, questionId, input: { value: { text: `${SENTENCE.repeat(3)}Precisión ${i}.` }, version: versions.get(questionId)! } });
      latencies.push(performance.now() - started);
      versions.set(questionId, saved.version);
    }
    latencies.sort((a, b) => a - b);

    const readBack = await readBackInterview(db, ctx, { id, version: interview.version });
    await signInterview(db, ctx, { id, input: { role: 'applicant', method: 'declined', signerName: 'Rosa Elvira Maldonado', image: null, declinedReason: 'Prueba de carga' } });
    const signed = await signInterview(db, ctx, { id, input: { role: 'officer', method: 'attested', signerName: 'Marta Supervisora Gómez', image: null, declinedReason: null } });
    const pdfTimes: number[] = [];
    let bytes = 0;
    let pages = 0;
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const { pdf } = await exportRecordPdf(db, ctx, id);
      pdfTimes.push(performance.now() - started);
      bytes = pdf.length;
      pages = (await PDFDocument.load(pdf)).getPageCount();
    }
    return {
      database: db.kind, loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      questions, answersFilledMs: Math.round(fillMs), status: signed.status, readBackVersion: readBack.version,
      autosave: {
        saves, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)), maxMs: round(latencies.at(-1)!),
        targetP95Ms: db.kind === 'postgres' ? 50 : 100,
      },
      recordPdf: { runsMs: pdfTimes.map(Math.round), bytes, pages, targetMs: 2000 },
    };
  });
}
