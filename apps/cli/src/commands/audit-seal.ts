import { sealAuditEvents } from '@refugio/domain/server';
import { CliError, type Command } from '../command.ts';
import { describeTarget, hasSchema, withDatabase } from '../database.ts';

export const auditSealCommand: Command = {
  name: 'audit seal',
  summary: 'Seal the audit events committed but not yet chained (each API process does so every second) and print how many.',
  details: [
    'Events are recorded without a place in the hash chain and sealed shortly after commit (ADR 032). '
      + 'A running server seals every second, at start and at shutdown; this command is for a database no server is running on, '
      + 'e.g. after copying it, or to see `refugio audit verify` report no unsealed event.',
  ],
  options: {},
  json: true,
  async run(ctx) {
    return withDatabase(ctx.io, { prepare: 'as-is', mustExist: true }, async (db, config) => {
      if (!(await hasSchema(db))) throw new CliError(`The ${describeTarget(config)} has no Refugio schema yet.`);
      const sealed = await sealAuditEvents(db);
      ctx.print(ctx.json ? JSON.stringify({ sealed }) : `sealed ${sealed} audit events`);
      return 0;
    });
  },
};
