/**
 * Training at videoconference scale (ADR 016): a 150-participant videoconference session — import
 * its Zoom-style participants report (one file, reconnections included) and issue all
 * certificates, batch by batch as the web page does; then render one certificate PDF. Target:
 * import + issue ≤ 30 s. Runs the use cases the API routes call, in one process, on PGlite by
 * default or PostgreSQL with --database-url.
 * Usage: npm run bench -- certificates [--participants 150] [--database-url postgres://…/db]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase } from '@refugio/db';
import { certificatePdf, importRecords, issueCertificates, syncAccessCatalogue, type RequestContext } from '@refugio/domain/server';

const round = (ms: number) => Math.round(ms);
const DAY = '2025-11-20';

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { ms: round(performance.now() - started), result };
}

/** Minutes since midnight of the session day as Zoom writes a time (US, AM/PM). */
function at(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `11/20/2025 ${String(((h + 11) % 12) + 1).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00 ${h < 12 ? 'AM' : 'PM'}`;
}

/** A Zoom participants report: each person joins around 9:00, a third drop and rejoin, the host too. */
function zoomReport(participants: number): string {
  const lines = ['Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest', `Host,bench-host@bench.example,${at(520)},${at(800)},280,No`];
  for (let i = 1; i <= participants; i += 1) {
    const email = `bench-cert-${i}@bench.example`;
    const join = 535 + (i % 10);
    if (i % 3 === 0) {
      lines.push(`Participante ${i},${email},${at(join)},${at(600)},${600 - join},No`, `Participante ${i},${email},${at(598)},${at(785)},187,No`);
    } else {
      lines.push(`Participante ${i},${email},${at(join)},${at(782)},${782 - join},No`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export async function benchCertificates(options: { databaseUrl?: string | undefined; participants?: number }) {
  const participants = options.participants ?? 150;
  const dataDir = options.databaseUrl ? undefined : mkdtempSync(path.join(os.tmpdir(), 'refugio-certificates-'));
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: dataDir ?? os.tmpdir() });
  try {
    await migrate(db);
    await syncAccessCatalogue(db);
    const prefix = `bench-cert-${Date.now()}`;
    const one = async <T extends object>(sql: string, params: unknown[]) => (await db.query<T>(sql, params)).rows[0]!;
    const institution = await one<{ id: string }>(
      `INSERT INTO institutions (code, name, kind) VALUES ($1, 'Bench', 'asylum_authority') RETURNING id`, [prefix.toUpperCase()]);
    const coordinator = await one<{ id: string }>(
      `INSERT INTO users (username, full_name, institution_id, password_hash) VALUES ($1, 'Bench coordinator', $2, 'x') RETURNING id`,
      [`${prefix}-coordinator`, institution.id]);
    await db.query(
      `INSERT INTO users (username, full_name, email, institution_id, password_hash, language)
       SELECT $1 || '-' || i, 'Participante ' || i, 'bench-cert-' || i || '@bench.example', $2, 'x', (ARRAY['es-MX','en','fr'])[1 + i % 3]
         FROM generate_series(1, $3) i`, [prefix, institution.id, participants]);
    const module = await one<{ id: string }>(
      `INSERT INTO training_modules (code, title, level, formats, online_hours, face_to_face_days, validity_months, completion_rule)
       VALUES ($1, '{"es-MX":"Acceso al procedimiento de asilo","en":"Access to the asylum procedure","fr":"Accès à la procédure d''asile"}',
               'first_line', '{videoconference}', 0, 0.5, 24, '{"online":false,"attendance":true,"attendancePct":80,"passMark":null}') RETURNING id`, [prefix]);
    await db.query(`INSERT INTO training_module_competencies (module_id, competency_code) VALUES ($1, 'access_procedure')`, [module.id]);
    const session = await one<{ id: string }>(
      `INSERT INTO training_sessions (module_id, code, format, institution_id, capacity, status) VALUES ($1, $2, 'videoconference', $3, $4, 'completed') RETURNING id`,
      [module.id, prefix, institution.id, participants]);
    // The host is a visiting trainer without an account: the import skips the session's trainers.
    await db.query(
      `WITH t AS (INSERT INTO trainers (full_name, organisation, country_code, email) VALUES ('Host', 'EUAA', 'MT', 'bench-host@bench.example') RETURNING id)
       INSERT INTO training_session_trainers (session_id, trainer_id, lead) SELECT $1, id, true FROM t`,
      [session.id]);
    await db.query(`INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, $2, '09:00', '13:00')`, [session.id, DAY]);
    await db.query(
      `INSERT INTO training_enrolments (session_id, user_id, status) SELECT $1, id, 'enrolled' FROM users WHERE username LIKE $2 || '-%' AND email IS NOT NULL`,
      [session.id, prefix]);
    const ctx: RequestContext = {
      actor: {
        userId: coordinator.id, username: `${prefix}-coordinator`, operationId: 1, institutionId: institution.id, officeIds: [],
        roles: ['training_coordinator'], permissions: new Set(['manage:training:institution', 'read:competency:own']), language: 'es-MX',
      },
    };
    const csv = zoomReport(participants);
    const imported = await timed(() => importRecords(db, ctx, session.id, { kind: 'videoconference_attendance', fileName: 'zoom.csv', content: csv }));
    if (!imported.result.accepted) throw new Error(`import rejected: ${JSON.stringify(imported.result.errors.slice(0, 3))}`);
    const batches: number[] = [];
    const issued = await timed(async () => {
      for (;;) {
        const step = await timed(() => issueCertificates(db, ctx, session.id, { batchSize: 25 }));
        batches.push(step.ms);
        if (step.result.remaining === 0) return step.result;
      }
    });
    const again = await timed(() => issueCertificates(db, ctx, session.id, { batchSize: 25 }));
    const grants = await one<{ n: number }>(`SELECT count(*)::int AS n FROM competency_grants WHERE module_id = $1 AND revoked_at IS NULL`, [module.id]);
    const cert = await one<{ id: string }>(`SELECT id FROM training_certificates WHERE module_id = $1 LIMIT 1`, [module.id]);
    const pdf = await timed(() => certificatePdf(db, ctx, cert.id, 'https://refugio.example'));
    return {
      database: db.kind, participants, csvLines: csv.split('\n').length - 2, csvBytes: csv.length,
      importMs: imported.ms, recordsWritten: imported.result.recordsWritten, competenciesGranted: grants.n,
      issueAllMs: issued.ms, certificatesIssued: issued.result.issued, batchMs: batches,
      rerunIssuedNow: again.result.issuedNow, rerunMs: again.ms,
      importPlusIssueMs: imported.ms + issued.ms, targetMs: 30_000,
      onePdfMs: pdf.ms, onePdfBytes: pdf.result.pdf.length,
    };
  } finally {
    await db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
