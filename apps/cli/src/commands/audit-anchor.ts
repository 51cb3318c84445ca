import { databaseConfigFromEnv } from '@refugio/db';
import { loadAuditSigningKey, sealAuditEvents, writeAuditCheckpoint } from '@refugio/domain/server';
import { CliError, flag, type Command } from '../command.ts';
import { describeTarget, hasSchema, withDatabase } from '../database.ts';

export const auditAnchorCommand: Command = {
  name: 'audit anchor',
  summary: 'Sign the current head of the audit chain (a checkpoint) and print it as one JSON line, to keep outside the database.',
  details: [
    'Append the line to a file kept elsewhere (another machine, a ticket, paper): `refugio audit verify --anchor FILE` then '
      + 'fails if the events up to it were deleted or rewritten, even with every hash recomputed. The chain is verified first; '
      + 'a chain that does not verify is not signed (exit 1).',
    'The line carries the public key (base64, Ed25519) that verifies it; --public-key prints only that key.',
  ],
  options: {
    'public-key': { type: 'boolean', description: 'Print only the public key of the audit signing key (base64)' },
  },
  async run(ctx) {
    const dataDir = databaseConfigFromEnv(ctx.io.env).dataDir;
    const key = await loadAuditSigningKey({ env: ctx.io.env, dataDir, create: true });
    if (!key) throw new CliError('No audit signing key could be read or created.');
    if (flag(ctx, 'public-key')) {
      ctx.print(key.publicKey);
      return 0;
    }
    return withDatabase(ctx.io, { prepare: 'as-is', mustExist: true }, async (db, config) => {
      if (!(await hasSchema(db))) throw new CliError(`The ${describeTarget(config)} has no Refugio schema yet.`);
      // The head anchored is the newest event: what committed and waits for the sealer is sealed first (ADR 032).
      await sealAuditEvents(db);
      const result = await writeAuditCheckpoint(db, key, { fullCheck: true });
      if (result.status === 'empty') throw new CliError('The audit trail is empty: there is nothing to anchor yet.');
      if (result.status === 'refused') {
        throw new CliError(`The audit chain does not verify (seq ${result.verification.firstBadSeq}: ${result.verification.reason}); nothing was signed. Run \`refugio audit verify\`.`);
      }
      ctx.print(JSON.stringify(result.anchor));
      ctx.note(`Anchored seq ${result.anchor.seq} with key ${result.anchor.keyId} (${key.source}). Keep this line outside the database.`);
      return 0;
    });
  },
};
