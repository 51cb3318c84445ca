import { z } from 'zod';
import { PERMISSIONS } from '../shared/permissions.ts';
import { LANGUAGES, LIMITS } from '../shared/limits.ts';
import { isTimeZone } from '../shared/time.ts';

export const INSTITUTION_KINDS = ['asylum_authority', 'migration_authority', 'observer', 'ngo', 'other'] as const;
export const OFFICE_KINDS = ['central', 'regional', 'border_post', 'detention_centre', 'liaison', 'other'] as const;

const ZCode = z.string().trim().min(2).max(LIMITS.codeMax).regex(/^[A-Z0-9-]+$/, { message: 'validation.code_format' });
const ZName = z.string().trim().min(1).max(LIMITS.nameMax);
/** ISO 3166-2 subdivision, e.g. MX-CHP. */
export const ZStateCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { message: 'validation.invalid_format' });
const ZVersion = z.number().int().positive();
/**
 * The IANA zone in which an office's days begin and end. Mexico's zones first (the office form
 * offers them); any IANA name is accepted.
 */
export const MEXICO_TIME_ZONES = ['America/Tijuana', 'America/Hermosillo', 'America/Mazatlan', 'America/Chihuahua',
  'America/Ciudad_Juarez', 'America/Mexico_City', 'America/Monterrey', 'America/Merida', 'America/Matamoros', 'America/Cancun'] as const;
export const ZTimeZone = z.string().max(64).refine(isTimeZone, { message: 'validation.time_zone' });

export const ZInstitutionInput = z.strictObject({
  code: ZCode,
  name: ZName,
  kind: z.enum(INSTITUTION_KINDS),
  active: z.boolean().default(true),
});
// Update schemas list their fields without defaults: zod applies a default even to an
// omitted optional field, which would silently reset it.
export const ZInstitutionUpdate = z.strictObject({
  code: ZCode.optional(), name: ZName.optional(), kind: z.enum(INSTITUTION_KINDS).optional(),
  active: z.boolean().optional(), version: ZVersion,
});
export const ZInstitution = z.object({
  id: z.string(), code: z.string(), name: z.string(), kind: z.enum(INSTITUTION_KINDS), active: z.boolean(),
  version: z.number(), officeCount: z.number(), userCount: z.number(),
});
export type TInstitution = z.infer<typeof ZInstitution>;

export const ZOfficeInput = z.strictObject({
  institutionId: z.uuid(),
  code: ZCode,
  name: ZName,
  kind: z.enum(OFFICE_KINDS),
  stateCode: ZStateCode,
  municipality: z.string().trim().max(LIMITS.nameMax).nullable().default(null),
  servedStateCodes: z.array(ZStateCode).max(40).default([]),
  timeZone: ZTimeZone.default('America/Mexico_City'),
  active: z.boolean().default(true),
});
export const ZOfficeUpdate = z.strictObject({
  code: ZCode.optional(), name: ZName.optional(), kind: z.enum(OFFICE_KINDS).optional(),
  stateCode: ZStateCode.optional(), municipality: z.string().trim().max(LIMITS.nameMax).nullable().optional(),
  servedStateCodes: z.array(ZStateCode).max(40).optional(), timeZone: ZTimeZone.optional(), active: z.boolean().optional(),
  version: ZVersion,
});
export const ZOffice = z.object({
  id: z.string(), institutionId: z.string(), institutionCode: z.string(), code: z.string(), name: z.string(),
  kind: z.enum(OFFICE_KINDS), stateCode: z.string(), municipality: z.string().nullable(),
  servedStateCodes: z.array(z.string()), timeZone: z.string(), active: z.boolean(), version: z.number(),
});
export type TOffice = z.infer<typeof ZOffice>;

export const ZUsername = z.string().trim().toLowerCase().min(LIMITS.usernameMin).max(LIMITS.usernameMax)
  .regex(/^[a-z0-9._-]+$/, { message: 'validation.username_format' });

export const ZUserInput = z.strictObject({
  username: ZUsername,
  fullName: ZName,
  email: z.email().max(LIMITS.emailMax).nullable().default(null),
  language: z.enum(LANGUAGES).default('es-MX'),
  institutionId: z.uuid(),
  officeIds: z.array(z.uuid()).max(50).default([]),
  roleCodes: z.array(z.string().max(64)).min(1).max(20),
  /** Omitted: a password is generated and returned once. */
  password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax).optional(),
});
export const ZUserUpdate = z.strictObject({
  fullName: ZName.optional(), email: z.email().max(LIMITS.emailMax).nullable().optional(),
  language: z.enum(LANGUAGES).optional(), officeIds: z.array(z.uuid()).max(50).optional(),
  roleCodes: z.array(z.string().max(64)).min(1).max(20).optional(), active: z.boolean().optional(), version: ZVersion,
});
export const ZUser = z.object({
  id: z.string(), username: z.string(), fullName: z.string(), email: z.string().nullable(),
  language: z.enum(LANGUAGES), institutionId: z.string(), institutionCode: z.string(),
  offices: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  roleCodes: z.array(z.string()), active: z.boolean(), totpEnabled: z.boolean(),
  locked: z.boolean(), lastLoginAt: z.string().nullable(), version: z.number(),
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  institutionId: z.uuid().optional(),
  officeId: z.uuid().optional(),
  role: z.string().max(64).optional(),
  active: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const ZUserCreated = z.object({ user: ZUser, temporaryPassword: z.string().nullable() });
export const ZPasswordReset = z.object({ temporaryPassword: z.string() });

const ZPermission = z.enum(PERMISSIONS);
export const ZRoleInput = z.strictObject({
  code: z.string().trim().min(2).max(64).regex(/^[a-z0-9_]+$/, { message: 'validation.invalid_format' }),
  name: ZName,
  description: z.string().trim().max(LIMITS.reasonMax).default(''),
  requiresTotp: z.boolean().default(false),
  permissions: z.array(ZPermission).max(PERMISSIONS.length),
});
export const ZRoleUpdate = z.strictObject({
  name: ZName.optional(), description: z.string().trim().max(LIMITS.reasonMax).optional(),
  requiresTotp: z.boolean().optional(), permissions: z.array(ZPermission).max(PERMISSIONS.length).optional(),
  version: ZVersion,
});
export const ZRole = z.object({
  id: z.string(), code: z.string(), name: z.string(), description: z.string(), requiresTotp: z.boolean(),
  builtIn: z.boolean(), permissions: z.array(z.string()), userCount: z.number(), version: z.number(),
});
export type TRole = z.infer<typeof ZRole>;
