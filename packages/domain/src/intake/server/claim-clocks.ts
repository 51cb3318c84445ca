import type { Queryable } from '@refugio/db';
import { todayInMexico } from '../../calendars/clock.rules.ts';
import { pauseClock, resumeClock, startClaimClocks, stopClock } from '../../calendars/server/claim-clocks.ts';
import type { RequestContext } from '../../shared/context.ts';
import type { ClaimStatus } from '../intake.rules.ts';

export interface ClaimClockStart {
  claimId: string;
  calendarId: string;
  lodgedOn: string;
  enteredMexicoOn: string | null;
  protectionExpressedAt: string | null;
  channel: 'comar_office' | 'inm_referral' | 'detention_centre' | 'third_party';
}

/**
 * The one place a new claim starts its legal clocks; the calendars feature owns the maths (and
 * sets claims.decision_due_on).
 */
export async function startClocksForClaim(tx: Queryable, ctx: RequestContext, start: ClaimClockStart): Promise<void> {
  await startClaimClocks(tx, ctx, start);
}

const SIDE_EXITS: readonly ClaimStatus[] = ['abandoned', 'withdrawn', 'transferred'];

/**
 * What a status change does to the clocks: a prevención pauses the decision clock until the
 * claim is admitted; the decision stops it; a side exit stops every clock still counting.
 */
export async function onClaimStatusChanged(
  tx: Queryable, ctx: RequestContext, change: { claimId: string; from: ClaimStatus; to: ClaimStatus; reason: string | null },
): Promise<void> {
  const { rows } = await tx.query<{ kind: 'decision' | 'filing_limit' | 'appeal' | 'ratification' | 'inm_notice'; state: string }>(
    'SELECT kind, state FROM claim_clocks WHERE claim_id = $1', [change.claimId]);
  const decision = rows.find((r) => r.kind === 'decision');
  const today = todayInMexico();
  const reason = change.reason ?? `${change.from} → ${change.to}`;
  if (change.to === 'late_filing_review' && decision?.state === 'running') {
    await pauseClock(tx, ctx, { claimId: change.claimId, kind: 'decision', on: today, reason });
  } else if (change.from === 'late_filing_review' && decision?.state === 'paused') {
    await resumeClock(tx, ctx, { claimId: change.claimId, kind: 'decision', on: today, reason });
  } else if (change.to === 'decided' && decision && decision.state !== 'stopped') {
    await stopClock(tx, ctx, { claimId: change.claimId, kind: 'decision', reason });
  } else if (SIDE_EXITS.includes(change.to)) {
    for (const clock of rows.filter((r) => r.state !== 'stopped')) {
      await stopClock(tx, ctx, { claimId: change.claimId, kind: clock.kind, reason });
    }
  }
}
