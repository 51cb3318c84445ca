import type { Database, Queryable } from '@refugio/db';
import type { Actor, RequestContext } from '../shared/context.ts';
import { addCalendarDays } from '../calendars/index.ts';
import { ZClaimInput } from '../intake/index.ts';
import { assignClaim, createClaim, TRANSITION_USE_CASES } from '../intake/server/index.ts';
import { ZReferralInput } from '../referrals/index.ts';
import { createReferral } from '../referrals/server/index.ts';
import { todayIn } from '../shared/time.ts';

/** A demo user as the use cases see them (no session); also used by the training library's demo data. */
export async function demoContext(db: Queryable, username: string): Promise<RequestContext> {
  const { rows } = await db.query<{ id: string; institution_id: string; offices: string[]; roles: string[]; permissions: string[] }>(
    `SELECT u.id, u.institution_id, ARRAY(SELECT office_id::text FROM user_offices WHERE user_id = u.id) AS offices,
            ARRAY(SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
            ARRAY(SELECT DISTINCT rp.permission_code FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                   WHERE ur.user_id = u.id) AS permissions
       FROM users u WHERE u.username = $1`, [username]);
  const row = rows[0];
  if (!row) throw new Error(`No demo user ${username}`);
  const actor: Actor = {
    userId: row.id, username, operationId: 1, institutionId: row.institution_id, officeIds: row.offices, roles: row.roles,
    permissions: new Set(row.permissions), language: 'es-MX',
  };
  return { actor, requestId: 'seed-demo' };
}

const officeId = async (db: Queryable, code: string) =>
  (await db.query<{ id: string }>('SELECT id FROM offices WHERE code = $1', [code])).rows[0]!.id;

/**
 * A realistic start for the intake pages: three claims at COMAR Tapachula (a family with a young
 * child, a claim assigned to the eligibility officer, a late filing under review) and two pending
 * referrals from INM. Written through the use cases, so numbers, clocks and audit events are real.
 * Not part of the test template: tests start from empty case data.
 */
export async function seedDemoIntake(db: Database): Promise<void> {
  const today = todayIn();
  const daysAgo = (n: number) => addCalendarDays(today, -n);
  const registro = await demoContext(db, 'registro');
  const supervisor = await demoContext(db, 'supervisor');
  const inm = await demoContext(db, 'inm');
  const tapachula = await officeId(db, 'COMAR-TAP');

  await createClaim(db, registro, ZClaimInput.parse({
    officeId: tapachula, channel: 'comar_office', enteredMexicoOn: daysAgo(12),
    members: [
      { relation: 'principal', person: { givenNames: 'Rosa Amelia', firstSurname: 'Cárcamo', secondSurname: 'Ortiz', sex: 'female',
        birthDate: '1991-07-14', nationalities: ['HND'], languages: ['es'], documents: [{ type: 'national_id', number: '0801-1991-04512', issuingCountry: 'HND' }] } },
      { relation: 'child', person: { givenNames: 'Josué', firstSurname: 'Cárcamo', sex: 'male', birthDate: '2019-02-03', nationalities: ['HND'] } },
    ],
    flags: [{ memberIndex: 1, category: 'child', indicator: 'Niño de 7 años según su acta de nacimiento' }],
  }));
  const assigned = await createClaim(db, registro, ZClaimInput.parse({
    officeId: tapachula, channel: 'comar_office', enteredMexicoOn: daysAgo(20),
    members: [{ relation: 'principal', person: { givenNames: 'Jean-Baptiste', firstSurname: 'Louis', sex: 'male', birthDate: '1985-11-30',
      nationalities: ['HTI'], languages: ['ht', 'fr'], needsInterpreter: true } }],
  }));
  const admitted = await TRANSITION_USE_CASES.admit(db, registro, assigned.id, { version: assigned.version, reason: null, toOfficeId: null });
  const elegibilidad = (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'elegibilidad'")).rows[0]!.id;
  await assignClaim(db, supervisor, assigned.id, { version: admitted.version, officerId: elegibilidad, reason: 'Intérprete de criollo haitiano disponible', overrideGating: false });
  const late = await createClaim(db, registro, ZClaimInput.parse({
    officeId: tapachula, channel: 'comar_office', enteredMexicoOn: daysAgo(90),
    members: [{ relation: 'principal', person: { givenNames: 'Yanelis', firstSurname: 'Portuondo', sex: 'female', birthDate: '1979-03-08',
      nationalities: ['CUB'], languages: ['es'] } }],
  }));
  await TRANSITION_USE_CASES.open_late_filing_review(db, registro, late.id, { version: late.version, reason: 'Ingresó hace más de 30 días hábiles: se le piden las causas', toOfficeId: null });

  const now = Date.now();
  await createReferral(db, inm, ZReferralInput.parse({
    sourceOfficeId: await officeId(db, 'INM-CHD'), expressedAt: new Date(now - 20 * 3600_000).toISOString(),
    expressedPlace: 'Puente fronterizo Rodolfo Robles, Ciudad Hidalgo', expressedStateCode: 'MX-CHP', enteredMexicoOn: daysAgo(2),
    members: [{ relation: 'principal', person: { givenNames: 'Kevin Alexander', firstSurname: 'Rivas', sex: 'male', birthDate: '2010-09-21',
      birthDateEstimated: true, nationalities: ['SLV'], languages: ['es'] }, unaccompanied: true }],
    identified: true, informed: true, referred: true,
    indicators: [{ memberIndex: 0, category: 'unaccompanied_child', indicator: 'Viaja solo; dice tener 16 años; sin documentos' }],
  }));
  await createReferral(db, inm, ZReferralInput.parse({
    sourceOfficeId: await officeId(db, 'INM-TAP-EM'), expressedAt: new Date(now - 60 * 3600_000).toISOString(),
    expressedPlace: 'Estación Migratoria Siglo XXI', expressedStateCode: 'MX-CHP', enteredMexicoOn: daysAgo(5),
    members: [
      { relation: 'principal', person: { givenNames: 'Nicole', firstSurname: 'Sánchez', sex: 'female', birthDate: '1998-01-17', nationalities: ['VEN'] } },
      { relation: 'partner', person: { givenNames: 'Luis Alberto', firstSurname: 'Peña', sex: 'male', birthDate: '1996-06-02', nationalities: ['VEN'] } },
    ],
    identified: true, informed: true, referred: true,
    indicators: [{ memberIndex: 0, category: 'pregnant', indicator: 'Embarazo de unos 5 meses, refiere' }],
  }));
}
