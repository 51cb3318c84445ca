import { registerSafeguard } from '../../procedure/server/index.ts';

/**
 * No claim is recorded as interviewed without a signed interview record (LRPCPAP art. 24: the
 * decision rests on the facts established in the procedure; EUAA practical guide on the personal
 * interview: the record is read back, corrected and signed). Guards `record_interview`, so the
 * bare lifecycle route cannot skip the interview; the law allows no authority to switch it off.
 */
export function registerSignedRecordSafeguard(): void {
  registerSafeguard({
    code: 'signed_interview_record', feature: 'interviews', steps: ['record_interview'], switchable: false,
    source: { kind: 'law', citationKey: 'interviews.sources.signedRecord' },
    async check(run) {
      const { rows } = await run.tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM interviews WHERE claim_id = $1 AND status = 'signed'`, [run.claim.id]);
      return (rows[0]?.n ?? 0) > 0 ? { met: true } : { met: false };
    },
  });
}
