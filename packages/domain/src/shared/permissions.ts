/**
 * Permissions are `action:entity:scope` strings. A route declares the exact string it needs;
 * a use case that filters records reads the widest scope the caller holds for action:entity.
 * Granting a scope always grants the narrower ones too (see `withImpliedScopes`), so an exact
 * string match and the scope order never disagree.
 */
export const SCOPES = ['own', 'office', 'institution', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const PERMISSIONS = [
  // Every signed-in user: own profile, password, second factor, language, logout.
  'use:account:own',
  'read:organisation:all',
  'manage:organisation:all',
  'read:user:office',
  'read:user:institution',
  'read:user:all',
  'manage:user:institution',
  'manage:user:all',
  'read:role:all',
  'manage:role:all',
  'read:audit:office',
  'read:audit:institution',
  'read:audit:all',
  // Calendars and clocks.
  'read:calendar:all',
  'manage:calendar:all',
  // Intake: claims, the persons in them, referrals from first contact.
  'read:claim:own',
  'read:claim:office',
  'read:claim:institution',
  'read:claim:all',
  'register:claim:office',
  'update:claim:own',
  'update:claim:office',
  'assign:claim:office',
  'create:referral:office',
  'read:referral:office',
  'read:referral:institution',
  'read:referral:all',
  'decide:referral:office',
  'merge:person:office',
  // Field policy: sexual orientation and gender identity, health, trauma.
  'read:sensitive:own',
  'read:sensitive:office',
  // Training: catalogue and sessions (everyone), coordination, teaching, one's own enrolments.
  'read:training:all',
  'enrol:training:own',
  'teach:training:own',
  'manage:training:institution',
  // Competency register: who holds what; recording experience routes and external certificates.
  'read:competency:own',
  'read:competency:office',
  'read:competency:institution',
  'read:competency:all',
  'manage:competency:institution',
  // Assigning a claim to an officer who lacks a required competency, with a written reason.
  'override:gating:office',
  // Statistics and reports (training reports first; the reporting issue adds the rest).
  'read:report:office',
  'read:report:institution',
  'read:report:all',
  // The authority's results as exact figures (ADR 041): UNHCR statistics, deadlines, quality and the
  // dashboards without small-number suppression. Report readers without it (observers) see aggregates
  // with numbers under the threshold suppressed.
  'read:results:office',
  'read:results:institution',
  'read:results:all',
  // The personal interview (ADR 024): the interpreter roster of an office; an interpreter's own
  // bookings and the interviews they took part in (nothing else of the claim); the authority's questionnaires.
  'read:interpreter:office',
  'manage:interpreter:office',
  'read:interview:own',
  'manage:template:institution',
  // Scheduling (ADR 027): confirming or dismissing the abandonment that missed weekly signatures
  // propose (Reglamento art. 24), a supervisor's decision, never automatic.
  'decide:abandonment:office',
  // The procedure's steps and safeguards (ADR 019): reading the catalogue; switching a safeguard per authority.
  'read:procedure:all',
  'manage:procedure:all',
  // Country-of-origin information (ADR 029): public information shared across the authority. Reading
  // it; adding a source (officers research as they assess); retiring sources and setting the age limit.
  'read:coi:all',
  'create:coi:all',
  'manage:coi:all',
  // Recording the supervisor's review of a considered exclusion (1951 Convention art. 1F, read restrictively).
  'review:exclusion:office',
  // Signing a claim's approved decision as the authority's signatory (ADR 030): the decide step,
  // after a second officer approved the draft (LRPCPAP art. 24: a written, reasoned decision).
  'sign:decision:office',
  // Reopening a closed, abandoned or withdrawn file with a written reason (ADR 050): the office head's act.
  'reopen:claim:office',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface ParsedPermission {
  action: string;
  entity: string;
  scope: Scope;
}

export function parsePermission(code: string): ParsedPermission {
  const [action, entity, scope] = code.split(':');
  if (!action || !entity || !SCOPES.includes(scope as Scope)) throw new Error(`Bad permission ${code}`);
  return { action, entity, scope: scope as Scope };
}

/** Adds the narrower scopes of every granted permission that exist in the catalogue. */
export function withImpliedScopes(codes: Iterable<string>): Permission[] {
  const result = new Set<Permission>();
  for (const code of codes) {
    const { action, entity, scope } = parsePermission(code);
    for (const narrower of SCOPES.slice(0, SCOPES.indexOf(scope) + 1)) {
      const candidate = `${action}:${entity}:${narrower}`;
      if ((PERMISSIONS as readonly string[]).includes(candidate)) result.add(candidate as Permission);
    }
  }
  return [...result].toSorted();
}

/** The widest scope held for action:entity, or null when none is. */
export function widestScope(held: ReadonlySet<string>, action: string, entity: string): Scope | null {
  for (let i = SCOPES.length - 1; i >= 0; i--) {
    if (held.has(`${action}:${entity}:${SCOPES[i]}`)) return SCOPES[i] ?? null;
  }
  return null;
}

export const ROLE_CODES = [
  'admin',
  'auditor',
  'supervisor',
  'registration_clerk',
  'eligibility_officer',
  'first_contact_officer',
  'training_coordinator',
  'trainer',
  'interpreter',
  'observer',
  'national_head',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

/** Built-in roles as first installed; administrators may change them afterwards. */
export const BUILT_IN_ROLES: Record<RoleCode, { permissions: Permission[]; requiresTotp: boolean }> = {
  admin: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'manage:organisation:all', 'read:user:all',
      'manage:user:all', 'read:role:all', 'manage:role:all', 'read:audit:all', 'read:calendar:all',
      'manage:calendar:all',
      'read:training:all', 'read:procedure:all', 'manage:procedure:all', 'manage:template:institution'],
  },
  auditor: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:user:all', 'read:role:all', 'read:audit:all',
      'read:calendar:all', 'read:training:all', 'read:competency:all', 'read:report:all', 'read:results:all', 'read:procedure:all', 'read:coi:all'],
  },
  supervisor: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:user:office', 'read:audit:office',
      'read:calendar:all', 'read:claim:office', 'register:claim:office', 'update:claim:office',
      'assign:claim:office', 'read:referral:office', 'decide:referral:office', 'merge:person:office',
      'read:sensitive:office',
      'read:training:all', 'enrol:training:own', 'read:competency:own', 'read:competency:office', 'override:gating:office', 'read:report:office',
      'read:results:office', 'read:procedure:all', 'read:interpreter:office', 'manage:interpreter:office', 'manage:template:institution',
      'decide:abandonment:office', 'read:coi:all', 'create:coi:all', 'manage:coi:all', 'review:exclusion:office',
      'sign:decision:office', 'reopen:claim:office'],
  },
  registration_clerk: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:calendar:all', 'read:claim:office',
      'register:claim:office', 'update:claim:office', 'read:referral:office', 'decide:referral:office',
      'read:training:all', 'enrol:training:own', 'read:competency:own'],
  },
  eligibility_officer: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:calendar:all', 'read:claim:own',
      'update:claim:own', 'read:sensitive:own', 'read:interpreter:office',
      'read:training:all', 'enrol:training:own', 'read:competency:own', 'read:coi:all', 'create:coi:all'],
  },
  first_contact_officer: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:calendar:all', 'create:referral:office',
      'read:referral:office',
      'read:training:all', 'enrol:training:own', 'read:competency:own'],
  },
  training_coordinator: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:user:institution',
      'read:training:all', 'enrol:training:own', 'read:competency:own', 'manage:training:institution', 'read:competency:institution',
      'manage:competency:institution', 'read:report:institution', 'read:results:institution'],
  },
  trainer: { requiresTotp: false, permissions: ['use:account:own', 'read:organisation:all', 'read:training:all', 'enrol:training:own', 'read:competency:own', 'teach:training:own'] },
  interpreter: { requiresTotp: false, permissions: ['use:account:own', 'read:training:all', 'enrol:training:own', 'read:competency:own', 'read:interview:own'] },
  // COI is public information, no personal data: the observer reads the library, never a claim's assessment.
  observer: { requiresTotp: false, permissions: ['use:account:own', 'read:organisation:all', 'read:training:all', 'read:report:all', 'read:procedure:all', 'read:coi:all'] },
  // The head of the authority (national level): the results of every office, compared and over time (ADR 041).
  national_head: {
    requiresTotp: false,
    permissions: ['use:account:own', 'read:organisation:all', 'read:calendar:all', 'read:training:all', 'read:report:all', 'read:results:all',
      'read:procedure:all', 'read:coi:all'],
  },
};
