import { readFile } from 'node:fs/promises';
import { databaseConfigFromEnv } from '@refugio/db';
import { loadAuditSigningKey, parseAnchors, verifyAuditChain, type AuditAnchor, type AuditVerificationReason } from '@refugio/domain/server';
import { CliError, stringOption, type Command } from '../command.ts';
import { describeTarget, hasSchema, withDatabase } from '../database.ts';

const REASONS: Record<AuditVerificationReason, string> = {
  hash_mismatch: 'its content does not match its hash (the row was altered)',
  broken_link: 'its prev_hash does not match the hash of the event before it (a row was replaced or reordered)',
  gap: 'this sequence number is missing (a row was deleted)',
  version_downgrade: 'it claims the older hash version after newer rows (a row was relabelled to hide an edit)',
  bad_signature: 'the signature of the checkpoint or anchor at this sequence number does not verify (forged or damaged)',
  checkpoint_mismatch: 'the event no longer has the hash a signed checkpoint recorded (events up to here were rewritten and their hashes recomputed)',
  anchor_mismatch: 'the event no longer has the hash the anchor recorded (events up to here were rewritten and their hashes recomputed)',
  truncated: 'a signed checkpoint or the anchor lies beyond the last event (the newest events were deleted)',
};

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary: 'Recompute the audit hash chain and check it against the signed checkpoints and, with --anchor, a saved head; exit 1 at the first problem.',
  details: [
    'Checkpoints are checked with the signing key of this installation (REFUGIO_AUDIT_SIGNING_KEY or the key file in the data dir) '
      + 'and with the public keys of the anchors given; checkpoints signed by another key are counted, not checked.',
    'Without --anchor, deleting the newest events together with their checkpoints, or rewriting events newer than the last '
      + 'checkpoint, cannot be seen. Keep the output of `refugio audit anchor` elsewhere and pass it with --anchor to close that gap.',
  ],
  options: {
    anchor: { type: 'string', value: 'FILE', description: 'Anchors printed by `refugio audit anchor` (one JSON object per line): each must still match' },
  },
  json: true,
  async run(ctx) {
    const anchorFile = stringOption(ctx, 'anchor');
    let anchors: AuditAnchor[] | undefined;
    if (anchorFile !== undefined) {
      let text: string;
      try {
        text = await readFile(anchorFile, 'utf8');
      } catch {
        throw new CliError(`Cannot read the anchor file ${anchorFile}.`);
      }
      try {
        anchors = parseAnchors(text);
      } catch (error) {
        throw new CliError(`The anchor file ${anchorFile} is not valid: ${(error as Error).message}.`);
      }
    }
    const key = await loadAuditSigningKey({ env: ctx.io.env, dataDir: databaseConfigFromEnv(ctx.io.env).dataDir, create: false });
    return withDatabase(ctx.io, { prepare: 'as-is', mustExist: true }, async (db, config) => {
      if (!(await hasSchema(db))) throw new CliError(`The ${describeTarget(config)} has no Refugio schema yet.`);
      const result = await verifyAuditChain(db, { trustedKeys: key ? [key.publicKey] : [], ...(anchors ? { anchors } : {}) });
      if (ctx.json) {
        ctx.print(JSON.stringify(result));
      } else if (result.ok) {
        const { verified, unverifiable, latestSeq } = result.checkpoints;
        const parts = [`audit chain ok: ${result.checked} events`];
        parts.push(verified > 0 ? `${verified} signed checkpoints match (latest at seq ${latestSeq})` : 'no signed checkpoint checked');
        if (unverifiable > 0) parts.push(`${unverifiable} checkpoints signed by a key not given here were not checked`);
        if (anchors) parts.push(`${result.anchors} of ${anchors.length} anchors match`);
        ctx.print(parts.join('; '));
        // Apart from the chain: committed, waiting for the sealer, not yet tamper-evident (ADR 032).
        if (result.unsealed.count > 0) ctx.print(`${result.unsealed.count} events not sealed yet (oldest recorded ${result.unsealed.oldestAt}); a running server seals them within seconds, or run \`refugio audit seal\``);
        if (!key) ctx.note('No audit signing key here (REFUGIO_AUDIT_SIGNING_KEY or the key file in the data dir): checkpoints were checked only against the anchors given.');
      } else {
        const reason = result.reason ? REASONS[result.reason] : 'unknown';
        ctx.print(`audit chain BROKEN at seq ${result.firstBadSeq}: ${reason}. ${result.checked} events before it verified.`);
        if (result.unsealed.count > 0) ctx.print(`${result.unsealed.count} events not sealed yet were not checked.`);
      }
      return result.ok ? 0 : 1;
    });
  },
};
