import type { Database, Queryable } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import type { VulnerabilityCategory } from '../../intake/index.ts';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import type { Language } from '../../shared/limits.ts';
import { loadClaimFor, mayReadSensitive, type ClaimKey } from '../../shared/policies/claim.policy.ts';
import type { Specialist } from '../screening.rules.ts';
import type { TBestInterests, TGuarantee, TIndicator, TScreening, TSpecialistReferral } from '../screening.schemas.ts';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface IndicatorRow extends Omit<TIndicator, 'redacted' | 'category'> { category: VulnerabilityCategory }
interface ReferralRow extends Omit<TSpecialistReferral, 'redacted' | 'specialist'> { specialist: Specialist }
interface GuaranteeRow extends Omit<TGuarantee, 'redacted' | 'code'> { code: string }

export function presentIndicator(row: IndicatorRow, readSensitive: boolean): TIndicator {
  const hidden = row.sensitive && !readSensitive;
  return {
    ...row, redacted: hidden, category: hidden ? null : row.category, description: hidden ? null : row.description,
    observedBy: hidden ? null : row.observedBy, observedPlace: hidden ? null : row.observedPlace,
    withdrawnReason: hidden ? null : row.withdrawnReason,
  };
}

export function presentReferral(row: ReferralRow, readSensitive: boolean): TSpecialistReferral {
  const hidden = row.sensitive && !readSensitive;
  return { ...row, redacted: hidden, specialist: hidden ? null : row.specialist, reason: hidden ? null : row.reason, outcome: hidden ? null : row.outcome };
}

/** A guarantee named after a sensitive need (an interviewer trained in SOGI) would reveal it. */
export function presentGuarantee(row: GuaranteeRow, readSensitive: boolean): TGuarantee {
  const hidden = row.sensitive && !readSensitive;
  return {
    ...row, redacted: hidden, code: hidden ? null : row.code, title: hidden ? null : row.title, description: hidden ? null : row.description,
    source: hidden ? null : row.source, needCodes: hidden ? [] : row.needCodes, evidence: hidden ? null : row.evidence,
    reason: hidden ? null : row.reason,
  };
}

export const INDICATOR_SELECT = `SELECT i.id, i.person_id AS "personId", i.flag_id AS "flagId", i.category, i.kind, i.description, i.sensitive,
    i.observed_by AS "observedBy", ${ISO('i.observed_at')} AS "observedAt", i.observed_place AS "observedPlace",
    u.full_name AS "recordedBy", ${ISO('i.recorded_at')} AS "recordedAt", ${ISO('i.withdrawn_at')} AS "withdrawnAt",
    i.withdrawn_reason AS "withdrawnReason", i.version
  FROM vulnerability_indicators i LEFT JOIN users u ON u.id = i.recorded_by`;

export const REFERRAL_SELECT = `SELECT r.id, r.person_id AS "personId", r.specialist, r.sensitive, r.reason, u.full_name AS "referredBy",
    ${ISO('r.referred_at')} AS "referredAt", r.status, r.outcome, ${ISO('r.outcome_recorded_at')} AS "outcomeRecordedAt", r.version
  FROM specialist_referrals r LEFT JOIN users u ON u.id = r.referred_by`;

export const BEST_INTERESTS_SELECT = `SELECT b.id, b.person_id AS "personId", b.assessed_on::text AS "assessedOn", b.assessed_by AS "assessedBy",
    b.summary, b.recommendations, b.version FROM best_interests_assessments b`;

/** $1: language. */
export const GUARANTEE_SELECT = `SELECT g.id, g.person_id AS "personId", g.guarantee_code AS code,
    coalesce(t.title ->> $1, t.title ->> 'es-MX') AS title, coalesce(t.description ->> $1, t.description ->> 'es-MX') AS description,
    t.source, t.governs_interview AS "governsInterview", g.need_codes AS "needCodes", g.sensitive, g.status, g.evidence, g.reason,
    u.full_name AS "decidedBy", ${ISO('g.decided_at')} AS "decidedAt", g.version
  FROM claim_guarantees g JOIN guarantee_types t ON t.code = g.guarantee_code LEFT JOIN users u ON u.id = g.decided_by`;

export async function loadGuarantee(db: Queryable, language: Language, claimId: string, id: string): Promise<GuaranteeRow | undefined> {
  return (await db.query<GuaranteeRow>(`${GUARANTEE_SELECT} WHERE g.claim_id = $2 AND g.id = $3`, [language, claimId, id])).rows[0];
}

/** Everything screening holds on a claim, as this reader may see it. */
export async function screeningOf(db: Queryable, actor: Actor, claim: ClaimKey): Promise<TScreening> {
  const sensitive = mayReadSensitive(actor, claim);
  const [indicators, referrals, assessments, guarantees] = await Promise.all([
    db.query<IndicatorRow>(`${INDICATOR_SELECT} WHERE i.claim_id = $1 ORDER BY i.observed_at, i.id`, [claim.id]),
    db.query<ReferralRow>(`${REFERRAL_SELECT} WHERE r.claim_id = $1 ORDER BY r.referred_at, r.id`, [claim.id]),
    db.query<TBestInterests>(`${BEST_INTERESTS_SELECT} WHERE b.claim_id = $1 ORDER BY b.assessed_on`, [claim.id]),
    db.query<GuaranteeRow>(`${GUARANTEE_SELECT} WHERE g.claim_id = $2 ORDER BY t.sort, g.person_id`, [actor.language, claim.id]),
  ]);
  return {
    claimId: claim.id,
    canReadSensitive: sensitive,
    indicators: indicators.rows.map((r) => presentIndicator(r, sensitive)),
    specialistReferrals: referrals.rows.map((r) => presentReferral(r, sensitive)),
    bestInterests: assessments.rows,
    guarantees: guarantees.rows.map((r) => presentGuarantee(r, sensitive)),
    pendingBeforeInterview: guarantees.rows.filter((g) => g.status === 'pending' && g.governsInterview).length,
  };
}

/** A claim's screening: indicators, specialist referrals, best-interests assessments, guarantees (an audited read). */
export async function getScreening(db: Database, ctx: RequestContext, claimId: string): Promise<TScreening> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, claimId, 'read');
    const screening = await screeningOf(tx, actor, claim);
    await recordAudit(tx, ctx, { action: 'claim.screening_viewed', entityType: 'claim', entityId: claimId, officeId: claim.office_id });
    return screening;
  });
}
