import { registerEffect, type StepRun } from '../../procedure/server/index.ts';
import { isOpenStatus } from '../../procedure/index.ts';
import type { ClockKind } from '../clock.rules.ts';
import { pauseClock, restartStoppedClock, resumeClock, startClaimClocks, stopClock, type StartClaimClocksInput } from './claim-clocks.ts';

const feature = 'calendars';
const law = (citationKey: string) => ({ kind: 'law' as const, citationKey });

async function clocksOf(run: StepRun): Promise<Array<{ kind: ClockKind; state: string }>> {
  return (await run.tx.query<{ kind: ClockKind; state: string }>('SELECT kind, state FROM claim_clocks WHERE claim_id = $1', [run.claim.id])).rows;
}

const reasonOf = (run: StepRun) => run.input.reason ?? `${run.from} → ${run.to}`;

/**
 * The legal clocks as effects of the procedure's steps (LRPCPAP arts. 11, 18, 24; Reglamento
 * art. 22): registration starts them; a prevención pauses the decision clock until admission;
 * the decision stops it; a side exit stops every clock still counting. Called once from the
 * domain's composition root.
 */
export function registerClockEffects(): void {
  registerEffect({
    code: 'clocks_started', feature, steps: ['register'], order: 10, source: law('procedure.sources.lrpcpap_arts_11_18_24'),
    async apply(run) {
      const facts = run.input.facts as unknown as Omit<StartClaimClocksInput, 'claimId'>;
      await startClaimClocks(run.tx, run.ctx, { ...facts, claimId: run.claim.id });
    },
  });
  registerEffect({
    code: 'decision_clock_paused', feature, steps: ['open_late_filing_review'], order: 10, source: law('procedure.sources.lrpcpap_art_18'),
    async apply(run) {
      const decision = (await clocksOf(run)).find((c) => c.kind === 'decision');
      if (decision?.state === 'running') await pauseClock(run.tx, run.ctx, { claimId: run.claim.id, kind: 'decision', on: run.today, reason: reasonOf(run) });
    },
  });
  registerEffect({
    code: 'decision_clock_resumed', feature, steps: ['admit'], order: 10, source: law('procedure.sources.lrpcpap_art_24'),
    async apply(run) {
      if (run.from !== 'late_filing_review') return;
      const decision = (await clocksOf(run)).find((c) => c.kind === 'decision');
      if (decision?.state === 'paused') await resumeClock(run.tx, run.ctx, { claimId: run.claim.id, kind: 'decision', on: run.today, reason: reasonOf(run) });
    },
  });
  registerEffect({
    code: 'decision_clock_stopped', feature, steps: ['decide'], order: 10, source: law('procedure.sources.lrpcpap_art_24'),
    async apply(run) {
      const decision = (await clocksOf(run)).find((c) => c.kind === 'decision');
      if (decision && decision.state !== 'stopped') await stopClock(run.tx, run.ctx, { claimId: run.claim.id, kind: 'decision', reason: reasonOf(run) });
    },
  });
  registerEffect({
    code: 'clocks_stopped', feature, steps: ['abandon', 'withdraw', 'transfer'], order: 10, source: law('procedure.sources.reglamento_art_24'),
    async apply(run) {
      for (const clock of (await clocksOf(run)).filter((c) => c.state !== 'stopped')) {
        await stopClock(run.tx, run.ctx, { claimId: run.claim.id, kind: clock.kind, reason: reasonOf(run) });
      }
    },
  });
  // A file reopened before its decision: the deciding clock counts again, without the working days it
  // stayed closed (ADR 050); reopened into a prevención, it stays paused until admission (art. 18).
  registerEffect({
    code: 'decision_clock_restarted', feature, steps: ['reopen'], order: 10, source: law('procedure.sources.lrpcpap_art_24'),
    async apply(run) {
      if (!run.to || !isOpenStatus(run.to)) return;
      const decision = (await clocksOf(run)).find((c) => c.kind === 'decision');
      if (decision?.state !== 'stopped') return;
      await restartStoppedClock(run.tx, run.ctx, {
        claimId: run.claim.id, kind: 'decision', on: run.today, paused: run.to === 'late_filing_review', reason: reasonOf(run),
      });
    },
  });
}
