import { createHash } from 'node:crypto';
import type { Queryable } from '@refugio/db';
import { canonicalJson } from '../../audit/server/index.ts';

/**
 * The SHA-256 of the locked record: everything the signatures cover (what was said, who was
 * there, breaks, corrections, the signatures themselves), in canonical JSON. Stored when the
 * record locks and printed on its PDF, so a copy can be checked against the database (ADR 025).
 */
export async function recordDigest(db: Queryable, interviewId: string): Promise<string> {
  const one = async (sql: string) => (await db.query<{ data: unknown }>(sql, [interviewId])).rows[0]?.data ?? null;
  const record = {
    interview: await one(`SELECT json_build_object('id', id, 'claimId', claim_id, 'personId', person_id, 'templateId', template_id,
        'officerId', officer_id, 'interpreterId', interpreter_id, 'language', language, 'startedAt', started_at, 'readBackAt', read_back_at,
        'narrative', narrative, 'observations', observations) AS data FROM interviews WHERE id = $1`),
    participants: await one(`SELECT coalesce(json_agg(json_build_object('role', role, 'fullName', full_name, 'organisation', organisation)
        ORDER BY role, full_name), '[]') AS data FROM interview_participants WHERE interview_id = $1`),
    checklist: await one(`SELECT coalesce(json_agg(json_build_object('item', item_id, 'done', done, 'note', note) ORDER BY item_id), '[]') AS data
        FROM interview_checklist WHERE interview_id = $1`),
    answers: await one(`SELECT coalesce(json_agg(json_build_object('question', question_id, 'value', value) ORDER BY question_id), '[]') AS data
        FROM interview_answers WHERE interview_id = $1`),
    breaks: await one(`SELECT coalesce(json_agg(json_build_object('startedAt', started_at, 'endedAt', ended_at, 'reason', reason) ORDER BY started_at), '[]') AS data
        FROM interview_breaks WHERE interview_id = $1`),
    corrections: await one(`SELECT coalesce(json_agg(json_build_object('target', target, 'before', before_value, 'after', after_value,
        'requestedBy', requested_by_role, 'note', note, 'at', created_at) ORDER BY created_at, id), '[]') AS data FROM interview_corrections WHERE interview_id = $1`),
    signatures: await one(`SELECT coalesce(json_agg(json_build_object('role', role, 'method', method, 'signer', signer_name, 'image', image_sha256,
        'declinedReason', declined_reason, 'at', signed_at) ORDER BY role), '[]') AS data FROM interview_signatures WHERE interview_id = $1`),
  };
  return createHash('sha256').update(canonicalJson(record)).digest('hex');
}
