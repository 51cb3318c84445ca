/**
 * The interview record as the API presents it (ADR 025), under the field policy: an answer to a
 * question marked sensitive, and a correction of one, keep their presence but not their content
 * for readers outside the claim's sensitive scope (ADR 012).
 */
import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { mayReadSensitiveAnswers, mayWriteInterview, type InterviewKey } from '../../shared/policies/interview.policy.ts';
import { requiredSignatures, TEXT_FIELDS, type AnswerValue } from '../interviews.rules.ts';
import type { TAnswer, TAudio, TBreak, TCorrection, TInterview, TInterviewSummary, TParticipant, TSignature } from '../interviews.schemas.ts';
import { questionIndex } from '../templates.rules.ts';
import { frozenContent, ISO } from './template-rows.ts';

export const SUMMARY_SELECT = `SELECT i.id, i.claim_id AS "claimId", c.claim_number AS "claimNumber", i.person_id AS "personId",
    concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS "personName",
    i.template_id AS "templateId", t.title AS "templateTitle", t.version AS "templateVersion",
    i.officer_id AS "officerId", ou.full_name AS "officerName",
    COALESCE(ip.full_name, (SELECT pp.full_name FROM interview_participants pp WHERE pp.interview_id = i.id AND pp.role = 'interpreter'
                             ORDER BY pp.created_at LIMIT 1)) AS "interpreterName",
    i.language, i.status, ${ISO('i.started_at')} AS "startedAt", ${ISO('i.ended_at')} AS "endedAt", ${ISO('i.signed_at')} AS "signedAt", i.version
  FROM interviews i
  JOIN claims c ON c.id = i.claim_id
  JOIN persons p ON p.id = i.person_id
  JOIN interview_templates t ON t.id = i.template_id
  JOIN users ou ON ou.id = i.officer_id
  LEFT JOIN interpreters ip ON ip.id = i.interpreter_id`;

interface RecordRow extends TInterviewSummary {
  officeName: string;
  templateCode: string;
  audience: TInterview['template']['audience'];
  narrative: string;
  narrativeVersion: number;
  observations: string;
  observationsVersion: number;
  readBackAt: string | null;
  recordSha256: string | null;
  claimStatus: string;
}

async function all<T extends object>(db: Queryable, sql: string, id: string): Promise<T[]> {
  return (await db.query<T>(sql, [id])).rows;
}

/** The whole record of an interview the caller has already loaded through the interview policy. */
export async function readRecord(db: Queryable, actor: Actor, key: InterviewKey): Promise<TInterview> {
  const { rows: [row] } = await db.query<RecordRow>(
    `${SUMMARY_SELECT.replace('  FROM interviews i', `, o.name AS "officeName", t.code AS "templateCode", t.audience, i.narrative,
       i.narrative_version AS "narrativeVersion", i.observations, i.observations_version AS "observationsVersion",
       ${ISO('i.read_back_at')} AS "readBackAt", i.record_sha256 AS "recordSha256", c.status AS "claimStatus"
  FROM interviews i`)} JOIN offices o ON o.id = c.office_id WHERE i.id = $1`, [key.id]);
  const r = row!;
  const content = await frozenContent(db, key.template_id);
  const questions = questionIndex(content);
  const sensitiveOk = mayReadSensitiveAnswers(actor, key);
  const hidden = (target: string) => !sensitiveOk && questions.get(target)?.sensitive === true;

  const participants = await all<TParticipant>(db,
    `SELECT id, role, full_name AS "fullName", organisation, interpreter_id IS NOT NULL AS "fromRoster", version
       FROM interview_participants WHERE interview_id = $1 ORDER BY array_position(ARRAY['applicant','officer','interpreter','representative','lawyer','trusted_person'], role), created_at`, key.id);
  const checklist = await all<TInterview['checklist'][number]>(db,
    `SELECT item_id AS "itemId", done, note, version, ${ISO('updated_at')} AS "updatedAt" FROM interview_checklist WHERE interview_id = $1`, key.id);
  const answers = (await all<Omit<TAnswer, 'redacted'> & { value: AnswerValue }>(db,
    `SELECT a.question_id AS "questionId", a.value, a.version, ${ISO('a.updated_at')} AS "updatedAt", u.full_name AS "updatedBy"
       FROM interview_answers a LEFT JOIN users u ON u.id = a.updated_by WHERE a.interview_id = $1`, key.id))
    .map((a): TAnswer => (hidden(a.questionId) ? { ...a, value: null, redacted: true } : { ...a, redacted: false }));
  const breaks = await all<TBreak>(db,
    `SELECT id, ${ISO('started_at')} AS "startedAt", ${ISO('ended_at')} AS "endedAt", reason, version
       FROM interview_breaks WHERE interview_id = $1 ORDER BY started_at`, key.id);
  const corrections = (await all<Omit<TCorrection, 'redacted'>>(db,
    `SELECT k.id, k.target, k.before_value AS before, k.after_value AS after, k.requested_by_role AS "requestedBy", k.note,
            u.full_name AS "recordedBy", ${ISO('k.created_at')} AS "createdAt"
       FROM interview_corrections k JOIN users u ON u.id = k.recorded_by WHERE k.interview_id = $1 ORDER BY k.created_at`, key.id))
    .map((k): TCorrection => (hidden(k.target) ? { ...k, before: null, after: null, redacted: true } : { ...k, redacted: false }));
  const signatures = await all<TSignature>(db,
    `SELECT s.role, s.method, s.signer_name AS "signerName", s.declined_reason AS "declinedReason", s.image_sha256 AS "imageSha256",
            ${ISO('s.signed_at')} AS "signedAt", u.full_name AS "recordedBy"
       FROM interview_signatures s JOIN users u ON u.id = s.recorded_by WHERE s.interview_id = $1
      ORDER BY array_position(ARRAY['applicant','interpreter','officer'], s.role)`, key.id);
  const annexes = await all<TInterview['annexes'][number]>(db,
    `SELECT x.id, x.text, u.full_name AS "addedBy", ${ISO('x.created_at')} AS "createdAt"
       FROM interview_annexes x JOIN users u ON u.id = x.added_by WHERE x.interview_id = $1 ORDER BY x.created_at`, key.id);
  const audio = await all<TAudio>(db,
    `SELECT a.id, a.content_type AS "contentType", a.byte_size AS "byteSize", a.sha256, u.full_name AS "uploadedBy", ${ISO('a.created_at')} AS "createdAt"
       FROM interview_audio a JOIN users u ON u.id = a.uploaded_by WHERE a.interview_id = $1 ORDER BY a.created_at`, key.id);

  const { officeName, templateCode, audience, narrative, narrativeVersion, observations, observationsVersion, readBackAt, recordSha256,
    claimStatus, ...summary } = r;
  return {
    ...summary, officeName, claimStatus,
    template: { id: r.templateId, code: templateCode, version: r.templateVersion, title: r.templateTitle, audience, content },
    participants, checklist, answers, breaks, corrections, signatures, annexes, audio,
    narrative: { text: narrative, version: narrativeVersion },
    observations: { text: observations, version: observationsVersion },
    readBackAt, recordSha256,
    requiredSignatures: requiredSignatures(participants.some((p) => p.role === 'interpreter')),
    canWrite: mayWriteInterview(actor, key),
    canReadSensitive: sensitiveOk,
  };
}

/** Whether a correction or autosave target names a text field rather than a question. */
export function isTextField(target: string): target is (typeof TEXT_FIELDS)[number] {
  return (TEXT_FIELDS as readonly string[]).includes(target);
}
