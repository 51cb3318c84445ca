import { z } from 'zod';
import { VULNERABILITY_CATEGORIES } from '../../intake/index.ts';
import { LIMITS } from '../../shared/limits.ts';
import { ANY_CLAIM_NEED, EXCLUSION_NEED } from './gating.rules.ts';

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

/** Where a competency came from; 'training' grants are written by the records (completion rule). */
export const GRANT_SOURCES = ['training', 'experience', 'external_certificate'] as const;
/** A grant's status on a day: 'expiring' = valid but expires within the chosen number of days. */
export const GRANT_STATUSES = ['valid', 'expiring', 'expired', 'revoked', 'not_yet'] as const;
/** A cell of the office matrix: the best grant a person holds of a competency, or none. */
export const MATRIX_STATUSES = ['valid', 'expiring', 'expired', 'missing'] as const;
/** What a gating rule may require a competency for. */
export const GATING_NEEDS = [...VULNERABILITY_CATEGORIES, EXCLUSION_NEED, ANY_CLAIM_NEED] as const;

export const ZGrant = z.object({
  id: z.string(), userId: z.string(), userName: z.string(), competencyCode: z.string(), competencyTitle: z.string(),
  source: z.enum(GRANT_SOURCES), moduleId: z.string().nullable(), evidence: z.string().nullable(),
  grantedOn: z.string(), expiresOn: z.string().nullable(), renewsGrantId: z.string().nullable(),
  revokedAt: z.string().nullable(), revokedReason: z.string().nullable(), status: z.enum(GRANT_STATUSES),
});
export type TGrant = z.infer<typeof ZGrant>;

export const ZGrantQuery = z.strictObject({
  /** Absent: the caller's own register. */
  userId: z.uuid().optional(),
  officeId: z.uuid().optional(),
  includeRevoked: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
});

/** A grant the coordinator records by hand: experience route or an external certificate, with evidence. */
export const ZGrantInput = z.strictObject({
  userId: z.uuid(),
  competencyCode: z.string().trim().min(1).max(64),
  source: z.enum(['experience', 'external_certificate']),
  evidence: z.string().trim().min(1).max(LIMITS.reasonMax),
  grantedOn: ZIsoDate,
  expiresOn: ZIsoDate.nullable().default(null),
});

export const ZRevokeGrant = z.strictObject({ reason: z.string().trim().min(1).max(LIMITS.reasonMax) });

export const ZMatrixQuery = z.strictObject({
  officeId: z.uuid(),
  soonDays: z.coerce.number().int().min(1).max(730).default(90),
});

export const ZMatrix = z.object({
  officeId: z.string(), day: z.string(), soonDays: z.number(),
  competencies: z.array(z.object({ code: z.string(), title: z.string() })),
  people: z.array(z.object({
    id: z.string(), fullName: z.string(), roles: z.array(z.string()),
    cells: z.array(z.object({ code: z.string(), status: z.enum(MATRIX_STATUSES), expiresOn: z.string().nullable() })),
  })),
});

export const ZGatingRule = z.object({
  id: z.string(), needCode: z.string(), competencyCode: z.string(), competencyTitle: z.string(),
  active: z.boolean(), rationale: z.string().nullable(), version: z.number(),
});
/** The rules, with every competency a rule may require (for the coordinator's form). */
export const ZGatingRules = z.object({
  rules: z.array(ZGatingRule),
  competencies: z.array(z.object({ code: z.string(), title: z.string() })),
});
export const ZGatingRuleInput = z.strictObject({
  needCode: z.enum(GATING_NEEDS),
  competencyCode: z.string().trim().min(1).max(64),
  rationale: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
});
export const ZGatingRuleUpdate = z.strictObject({
  version: z.number().int().positive(),
  active: z.boolean(),
  rationale: z.string().trim().max(LIMITS.reasonMax).nullable(),
});
