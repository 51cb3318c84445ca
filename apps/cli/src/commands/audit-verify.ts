import { verifyAuditChain } from '@refugio/domain/server';
import { CliError, type Command } from '../command.ts';
import { describeTarget, hasSchema, withDatabase } from '../database.ts';

const REASONS = {
  hash_mismatch: 'its content does not match its hash (the row was altered)',
  broken_link: 'its prev_hash does not match the hash of the event before it (a row was replaced or reordered)',
  gap: 'this sequence number is missing (a row was deleted)',
} as const;

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Recompute the audit trail hash chain; exit 1 at the first altered, missing or reordered event.',
  options: {},
  json: true,
  async run(ctx) {
    return withDatabase(ctx.io, { prepare: 'as-is', mustExist: true }, async (db, config) => {
      if (!(await hasSchema(db))) throw new CliError(`The ${describeTarget(config)} has no Refugio schema yet.`);
      const result = await verifyAuditChain(db);
      if (ctx.json) {
        ctx.print(JSON.stringify(result));
      } else if (result.ok) {
        ctx.print(`audit chain ok: ${result.checked} events`);
      } else {
        const reason = result.reason ? REASONS[result.reason] : 'unknown';
        ctx.print(`audit chain BROKEN at seq ${result.firstBadSeq}: ${reason}. ${result.checked} events before it verified.`);
      }
      return result.ok ? 0 : 1;
    });
  },
};
