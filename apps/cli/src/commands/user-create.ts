import type { Database } from '@refugio/db';
import { INSTITUTION_KINDS, LANGUAGES, ZInstitutionInput, ZUserInput } from '@refugio/domain';
import { createInstitution, createUser, type RequestContext } from '@refugio/domain/server';
import { cliContext } from '../cli-context.ts';
import { CliError, listOption, requiredString, stringOption, type Command, type CommandContext } from '../command.ts';
import { withDatabase } from '../database.ts';
import { describeSchemaIssues } from '../errors.ts';

const FIELD_LABELS: Record<string, string> = {
  username: '--username', fullName: '--full-name', email: '--email', language: '--language',
  institutionId: '--institution', officeIds: '--offices', roleCodes: '--roles', password: '--password',
  code: '--institution', name: '--institution-name', kind: '--institution-kind',
};

const ZUserFields = ZUserInput.omit({ institutionId: true, officeIds: true });

function parseUserFields(ctx: CommandContext) {
  const parsed = ZUserFields.safeParse({
    username: requiredString(ctx, 'username'),
    fullName: requiredString(ctx, 'full-name'),
    email: stringOption(ctx, 'email') ?? null,
    language: stringOption(ctx, 'language') ?? 'es-MX',
    roleCodes: listOption(ctx, 'roles'),
    password: stringOption(ctx, 'password'),
  });
  if (!parsed.success) throw new CliError(describeSchemaIssues(parsed.error, FIELD_LABELS));
  return parsed.data;
}

async function findInstitution(db: Database, code: string): Promise<{ id: string; code: string } | null> {
  const { rows } = await db.query<{ id: string; code: string }>(
    'SELECT id, code FROM institutions WHERE operation_id = 1 AND upper(code) = upper($1)', [code]);
  return rows[0] ?? null;
}

/** Checks what would make the user insert fail, so a new institution is not left without its user. */
async function precheckNewUser(db: Database, username: string, roleCodes: readonly string[]): Promise<void> {
  const taken = await db.query('SELECT 1 FROM users WHERE operation_id = 1 AND lower(username) = lower($1)', [username]);
  if (taken.rowCount > 0) throw new CliError(`A user named "${username}" already exists.`);
  const { rows } = await db.query<{ code: string }>('SELECT code FROM roles WHERE operation_id = 1 AND code = ANY($1::text[])', [roleCodes]);
  const missing = roleCodes.filter((code) => !rows.some((r) => r.code === code));
  if (missing.length) throw new CliError(`Unknown role${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}.`);
}

async function resolveInstitution(
  db: Database, ctx: CommandContext, request: RequestContext, user: { username: string; roleCodes: string[] },
): Promise<{ id: string; code: string; created: boolean }> {
  const code = requiredString(ctx, 'institution').trim().toUpperCase();
  const existing = await findInstitution(db, code);
  const name = stringOption(ctx, 'institution-name');
  if (existing) {
    if (name) ctx.note(`Institution ${existing.code} exists already; --institution-name is ignored.`);
    return { ...existing, created: false };
  }
  if (!name) {
    const { rows } = await db.query<{ code: string }>('SELECT code FROM institutions WHERE operation_id = 1 ORDER BY code');
    const known = rows.length ? `Known institutions: ${rows.map((r) => r.code).join(', ')}.` : 'The database has no institutions yet.';
    throw new CliError(`Institution ${code} does not exist. ${known} Give --institution-name to create it.`);
  }
  if (listOption(ctx, 'offices').length) {
    throw new CliError(`Institution ${code} is being created and has no offices yet: leave out --offices.`);
  }
  const parsed = ZInstitutionInput.safeParse({ code, name, kind: stringOption(ctx, 'institution-kind') ?? 'other' });
  if (!parsed.success) throw new CliError(describeSchemaIssues(parsed.error, FIELD_LABELS));
  await precheckNewUser(db, user.username, user.roleCodes);
  const institution = await createInstitution(db, request, parsed.data);
  return { id: institution.id, code: institution.code, created: true };
}

async function resolveOffices(db: Database, institution: { id: string; code: string }, codes: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string; code: string; institution_id: string; institution_code: string }>(
    `SELECT o.id, o.code, o.institution_id, i.code AS institution_code FROM offices o JOIN institutions i ON i.id = o.institution_id
      WHERE o.operation_id = 1 AND upper(o.code) = ANY($1::text[])`,
    [codes.map((c) => c.toUpperCase())],
  );
  return codes.map((code) => {
    const office = rows.find((r) => r.code.toUpperCase() === code.toUpperCase());
    if (!office) throw new CliError(`Office ${code} does not exist.`);
    if (office.institution_id !== institution.id) {
      throw new CliError(`Office ${office.code} belongs to ${office.institution_code}, not to ${institution.code}.`);
    }
    return office.id;
  });
}

export const userCreateCommand: Command = {
  name: 'user create',
  summary: 'Create a user account; prints a one-time password unless --password is given.',
  details: [
    'With --institution-name, an institution code that does not exist yet is created first, so an ' +
      'empty database can get its first administrator: refugio user create --username admin ' +
      '--full-name "…" --institution COMAR --institution-name "Comisión Mexicana de Ayuda a Refugiados" ' +
      '--institution-kind asylum_authority --roles admin',
    'A generated password must be changed at first login. Every change is audited with actor "cli".',
  ],
  options: {
    username: { type: 'string', value: 'USERNAME', description: 'Login name (lowercase letters, digits, . _ -)', required: true },
    'full-name': { type: 'string', value: 'NAME', description: 'Full name', required: true },
    institution: { type: 'string', value: 'CODE', description: 'Institution code, e.g. COMAR', required: true },
    roles: { type: 'string', value: 'ROLE,…', description: 'Role codes, comma-separated, e.g. admin', required: true },
    offices: { type: 'string', value: 'CODE,…', description: 'Office codes of the institution, comma-separated' },
    email: { type: 'string', value: 'EMAIL', description: 'Email address' },
    language: { type: 'string', value: 'LANG', description: `Interface language: ${LANGUAGES.join(', ')} (default es-MX)` },
    password: { type: 'string', value: 'PASSWORD', description: 'Initial password (at least 12 characters); generated when omitted' },
    'institution-name': { type: 'string', value: 'NAME', description: 'Create the institution with this name when the code is new' },
    'institution-kind': {
      type: 'string', value: 'KIND', description: `Kind of a new institution: ${INSTITUTION_KINDS.join(', ')} (default other)`,
    },
  },
  fieldLabels: FIELD_LABELS,
  json: true,
  async run(ctx) {
    const fields = parseUserFields(ctx);
    const request = cliContext();
    return withDatabase(ctx.io, { prepare: 'ready' }, async (db) => {
      const institution = await resolveInstitution(db, ctx, request, fields);
      const officeIds = await resolveOffices(db, institution, listOption(ctx, 'offices'));
      const { user, temporaryPassword } = await createUser(db, request, { ...fields, institutionId: institution.id, officeIds });
      if (ctx.json) {
        ctx.print(JSON.stringify({ user, temporaryPassword, institutionCreated: institution.created }));
        return 0;
      }
      if (institution.created) ctx.print(`Created institution ${institution.code}.`);
      const offices = user.offices.map((o) => o.code).join(', ') || 'none';
      ctx.print(`Created user ${user.username} (${user.id}) in ${user.institutionCode}; roles: ${user.roleCodes.join(', ')}; offices: ${offices}.`);
      if (temporaryPassword) {
        ctx.print(`One-time password: ${temporaryPassword}`);
        ctx.print('It is shown only this once; the user must change it at first login.');
      }
      return 0;
    });
  },
};
