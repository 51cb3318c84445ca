import { ISO } from './template-rows.ts';

/** An interview as the interpreter who took part sees it (ADR 024). */
export const MINE_SELECT = `SELECT i.id, c.claim_number AS "claimNumber", concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS "applicantName",
    o.name AS "officeName", ou.full_name AS "officerName", i.language, i.status,
    ${ISO('i.started_at')} AS "startedAt", ${ISO('i.ended_at')} AS "endedAt", ${ISO('i.signed_at')} AS "signedAt",
    (SELECT coalesce(json_agg(json_build_object('role', pp.role, 'fullName', pp.full_name) ORDER BY pp.created_at), '[]')
       FROM interview_participants pp WHERE pp.interview_id = i.id) AS participants,
    (SELECT coalesce(json_agg(json_build_object('id', b.id, 'startedAt', ${ISO('b.started_at')}, 'endedAt', ${ISO('b.ended_at')},
              'reason', b.reason, 'version', b.version) ORDER BY b.started_at), '[]')
       FROM interview_breaks b WHERE b.interview_id = i.id) AS breaks,
    (SELECT json_build_object('method', s.method, 'signedAt', ${ISO('s.signed_at')}) FROM interview_signatures s
      WHERE s.interview_id = i.id AND s.role = 'interpreter') AS "mySignature"
  FROM interviews i JOIN claims c ON c.id = i.claim_id JOIN persons p ON p.id = i.person_id JOIN offices o ON o.id = c.office_id
  JOIN users ou ON ou.id = i.officer_id`;

