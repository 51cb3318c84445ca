import type { Database } from '@refugio/db';
import type { RoleCode } from '../shared/permissions.ts';
import { generatePassword, hashPassword } from '../auth/server/index.ts';
import { recordAudit } from '../audit/server/index.ts';

interface DemoOffice {
  code: string;
  name: string;
  kind: string;
  state: string;
  municipality: string;
  serves: string[];
}

const DEMO_INSTITUTIONS: Array<{ code: string; name: string; kind: string; offices: DemoOffice[] }> = [
  {
    code: 'COMAR', name: 'Comisión Mexicana de Ayuda a Refugiados', kind: 'asylum_authority', offices: [
      { code: 'COMAR-CDMX', name: 'COMAR Ciudad de México', kind: 'central', state: 'MX-CMX', municipality: 'Ciudad de México',
        serves: ['MX-CMX', 'MX-MEX', 'MX-MOR', 'MX-HID', 'MX-PUE', 'MX-TLA', 'MX-QUE', 'MX-GRO', 'MX-JAL', 'MX-NLE', 'MX-COA', 'MX-BCN'] },
      { code: 'COMAR-TAP', name: 'COMAR Tapachula', kind: 'regional', state: 'MX-CHP', municipality: 'Tapachula', serves: ['MX-CHP'] },
      { code: 'COMAR-PAL', name: 'COMAR Palenque', kind: 'regional', state: 'MX-CHP', municipality: 'Palenque', serves: ['MX-CAM', 'MX-YUC', 'MX-ROO'] },
      { code: 'COMAR-VHS', name: 'COMAR Villahermosa', kind: 'regional', state: 'MX-TAB', municipality: 'Centro', serves: ['MX-TAB'] },
      { code: 'COMAR-ACA', name: 'COMAR Acayucan', kind: 'regional', state: 'MX-VER', municipality: 'Acayucan', serves: ['MX-VER', 'MX-OAX'] },
    ],
  },
  {
    code: 'INM', name: 'Instituto Nacional de Migración', kind: 'migration_authority', offices: [
      { code: 'INM-TAP-EM', name: 'Estación Migratoria Siglo XXI, Tapachula', kind: 'detention_centre', state: 'MX-CHP', municipality: 'Tapachula', serves: [] },
      { code: 'INM-CHD', name: 'Punto de internación Ciudad Hidalgo', kind: 'border_post', state: 'MX-CHP', municipality: 'Suchiate', serves: [] },
      { code: 'INM-TNQ', name: 'Punto de internación Tenosique', kind: 'border_post', state: 'MX-TAB', municipality: 'Tenosique', serves: [] },
    ],
  },
  {
    code: 'ACNUR', name: 'ACNUR México (observador)', kind: 'observer', offices: [
      { code: 'ACNUR-CDMX', name: 'ACNUR Ciudad de México', kind: 'liaison', state: 'MX-CMX', municipality: 'Ciudad de México', serves: [] },
    ],
  },
  {
    code: 'OSC-DEMO', name: 'Red de Acompañamiento Legal (organización civil de demostración)', kind: 'ngo', offices: [
      { code: 'OSC-TAP', name: 'Red de Acompañamiento Legal, Tapachula', kind: 'other', state: 'MX-CHP', municipality: 'Tapachula', serves: [] },
    ],
  },
];

/** One demo account per built-in role; listed in the README. */
export const DEMO_USERS: Array<{ username: string; fullName: string; role: RoleCode; institution: string; offices: string[] }> = [
  { username: 'admin', fullName: 'Administración del sistema', role: 'admin', institution: 'COMAR', offices: ['COMAR-CDMX'] },
  { username: 'auditor', fullName: 'Lucía Auditora Ramírez', role: 'auditor', institution: 'COMAR', offices: ['COMAR-CDMX'] },
  { username: 'supervisor', fullName: 'Marta Supervisora Gómez', role: 'supervisor', institution: 'COMAR', offices: ['COMAR-TAP'] },
  { username: 'registro', fullName: 'Jorge Registro López', role: 'registration_clerk', institution: 'COMAR', offices: ['COMAR-TAP'] },
  { username: 'elegibilidad', fullName: 'Ana Elegibilidad Torres', role: 'eligibility_officer', institution: 'COMAR', offices: ['COMAR-TAP'] },
  { username: 'inm', fullName: 'Pedro Primer Contacto Ruiz', role: 'first_contact_officer', institution: 'INM', offices: ['INM-CHD', 'INM-TAP-EM'] },
  { username: 'capacitacion', fullName: 'Sofía Capacitación Díaz', role: 'training_coordinator', institution: 'COMAR', offices: ['COMAR-CDMX'] },
  { username: 'formador', fullName: 'Carlos Formador Vega', role: 'trainer', institution: 'COMAR', offices: ['COMAR-CDMX'] },
  { username: 'interprete', fullName: 'Nadia Intérprete Joseph', role: 'interpreter', institution: 'COMAR', offices: ['COMAR-TAP'] },
  { username: 'acnur', fullName: 'Observadora ACNUR', role: 'observer', institution: 'ACNUR', offices: ['ACNUR-CDMX'] },
  { username: 'jefatura', fullName: 'Elena Titular Morales', role: 'national_head', institution: 'COMAR', offices: ['COMAR-CDMX'] },
];

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM institutions');
  return (rows[0]?.n ?? 0) === 0;
}

/**
 * Competencies the demo staff already hold, recognised from the certificates of the 2017–2018
 * EASO action (the training module then adds what they lack). The eligibility officer holds the
 * core modules but not "Interviewing children", so a child's claim shows the gating at work.
 */
const DEMO_GRANTS: Array<{ username: string; competency: string; grantedOn: string; expiresOn: string | null }> = [
  { username: 'elegibilidad', competency: 'interview_techniques', grantedOn: '2025-03-14', expiresOn: '2028-03-14' },
  { username: 'elegibilidad', competency: 'evidence_assessment', grantedOn: '2025-03-14', expiresOn: '2028-03-14' },
  { username: 'elegibilidad', competency: 'inclusion', grantedOn: '2025-06-20', expiresOn: '2028-06-20' },
  { username: 'supervisor', competency: 'interview_techniques', grantedOn: '2018-04-12', expiresOn: null },
  { username: 'supervisor', competency: 'evidence_assessment', grantedOn: '2018-04-12', expiresOn: null },
  { username: 'supervisor', competency: 'interviewing_children', grantedOn: '2024-09-27', expiresOn: '2027-09-27' },
  { username: 'inm', competency: 'access_procedure', grantedOn: '2025-10-08', expiresOn: '2027-10-08' },
  { username: 'formador', competency: 'trainer', grantedOn: '2024-02-16', expiresOn: null },
];

/**
 * Seeds demo institutions, offices and one user per role. Returns each user's password: the
 * given one, or a generated one the caller prints once.
 */
export async function seedDemo(db: Database, options: { password?: string | undefined }): Promise<Array<{ username: string; password: string }>> {
  const credentials = DEMO_USERS.map((u) => ({ username: u.username, password: options.password || generatePassword() }));
  const hashes = await Promise.all(credentials.map((c) => hashPassword(c.password)));
  await db.transaction(async (tx) => {
    const officeIds = new Map<string, string>();
    const institutionIds = new Map<string, string>();
    for (const institution of DEMO_INSTITUTIONS) {
      const { rows } = await tx.query<{ id: string }>(
        'INSERT INTO institutions (code, name, kind) VALUES ($1, $2, $3) RETURNING id',
        [institution.code, institution.name, institution.kind],
      );
      institutionIds.set(institution.code, rows[0]!.id);
      for (const office of institution.offices) {
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO offices (institution_id, code, name, kind, state_code, municipality, served_state_codes)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [rows[0]!.id, office.code, office.name, office.kind, office.state, office.municipality, office.serves],
        );
        officeIds.set(office.code, inserted.rows[0]!.id);
      }
    }
    for (const [index, user] of DEMO_USERS.entries()) {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO users (username, full_name, email, institution_id, password_hash)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [user.username, user.fullName, `${user.username}@demo.refugio.example`, institutionIds.get(user.institution), hashes[index]],
      );
      await tx.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, id FROM roles WHERE code = $2', [rows[0]!.id, user.role]);
      await tx.query('INSERT INTO user_offices (user_id, office_id) SELECT $1, unnest($2::uuid[])',
        [rows[0]!.id, user.offices.map((code) => officeIds.get(code))]);
    }
    for (const grant of DEMO_GRANTS) {
      await tx.query(
        `INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on, expires_on)
         SELECT id, $2, 'external_certificate', 'Constancia EASO (demostración)', $3, $4 FROM users WHERE username = $1`,
        [grant.username, grant.competency, grant.grantedOn, grant.expiresOn]);
    }
    await recordAudit(tx, { actor: null }, {
      action: 'system.demo_seeded', entityType: 'system', actorUsername: 'system',
      details: { institutions: DEMO_INSTITUTIONS.length, users: DEMO_USERS.length },
    });
  });
  return credentials;
}
