import { z } from 'zod';
import { ROLE_CODES } from '../../shared/permissions.ts';
import { LIMITS } from '../../shared/limits.ts';
import { MODULE_LEVELS, SESSION_FORMATS } from '../sessions/sessions.schemas.ts';

const ZVersion = z.number().int().positive();
const ZCompetencyCode = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, { message: 'validation.invalid_format' });

/**
 * When a participant has completed a module, as the coordinator sets it (stored in
 * `training_modules.completion_rule`, read back as records' `ZCompletionRule` and evaluated by
 * `evaluateCompletion`):
 * - `online`: the online part must be completed;
 * - `attendance`: the face-to-face or videoconference days must be attended, at least
 *   `attendancePct` per cent of the scheduled time;
 * - `passMark`: the assessment score (0–100) to reach, or null when there is no assessment.
 * A blended module sets both parts: only then is a person counted as trained (EUAA blended learning; ADR 016).
 */
export const ZCompletionRuleInput = z.strictObject({
  online: z.boolean(),
  attendance: z.boolean(),
  attendancePct: z.number().int().min(0).max(100),
  passMark: z.number().min(0).max(100).nullable(),
}).refine((rule) => rule.online || rule.attendance || rule.passMark !== null, { message: 'validation.completion_rule_empty', path: ['online'] });

/** The alternative to the prerequisites: this long in one of these roles (ADR 013, ADR 015). */
export const ZExperienceRoute = z.strictObject({
  roles: z.array(z.enum(ROLE_CODES)).min(1).max(ROLE_CODES.length),
  months: z.number().int().min(1).max(240),
  /** What the months were spent doing, for the reader ("interviewing"); not checked. */
  activity: z.string().trim().max(60).optional(),
});

/** Title or description in the three languages; Spanish is required, the others fall back to it. */
const localized = (max: number, required: boolean) => z.strictObject({
  'es-MX': required ? z.string().trim().min(1).max(max) : z.string().trim().max(max),
  en: z.string().trim().max(max).default(''),
  fr: z.string().trim().max(max).default(''),
});

export const ZModuleInput = z.strictObject({
  code: z.string().trim().regex(/^[A-Z][A-Z0-9]{1,9}$/, { message: 'validation.module_code' }),
  title: localized(LIMITS.nameMax, true),
  description: localized(LIMITS.reasonMax, false).default({ 'es-MX': '', en: '', fr: '' }),
  level: z.enum(MODULE_LEVELS),
  targetGroups: z.array(z.enum(ROLE_CODES)).max(ROLE_CODES.length).default([]),
  formats: z.array(z.enum(SESSION_FORMATS)).min(1).max(SESSION_FORMATS.length),
  onlineHours: z.number().min(0).max(999),
  faceToFaceDays: z.number().min(0).max(99).multipleOf(0.5),
  /** Null: the competencies it grants do not expire. */
  validityMonths: z.number().int().min(1).max(240).nullable(),
  completionRule: ZCompletionRuleInput,
  experienceRoute: ZExperienceRoute.nullable().default(null),
  competencies: z.array(ZCompetencyCode).max(20).default([]),
  prerequisites: z.array(ZCompetencyCode).max(20).default([]),
  active: z.boolean().default(true),
});
export type TModuleInput = z.infer<typeof ZModuleInput>;

export const ZModuleUpdate = ZModuleInput.extend({ version: ZVersion });
export type TModuleUpdate = z.infer<typeof ZModuleUpdate>;

const ZLocalizedText = z.object({ 'es-MX': z.string(), en: z.string(), fr: z.string() });

/** A module as the coordinator edits it: every language, the version, linked guides. */
export const ZCurriculumModule = z.object({
  id: z.string(),
  code: z.string(),
  title: ZLocalizedText,
  description: ZLocalizedText,
  level: z.enum(MODULE_LEVELS),
  targetGroups: z.array(z.string()),
  formats: z.array(z.enum(SESSION_FORMATS)),
  onlineHours: z.number(),
  faceToFaceDays: z.number(),
  validityMonths: z.number().nullable(),
  completionRule: z.object({ online: z.boolean(), attendance: z.boolean(), attendancePct: z.number(), passMark: z.number().nullable() }),
  experienceRoute: z.object({ roles: z.array(z.string()), months: z.number(), activity: z.string().optional() }).nullable(),
  competencies: z.array(z.string()),
  prerequisites: z.array(z.string()),
  /** Codes of the guides linked to the module (their versions are in the guides library). */
  guideCodes: z.array(z.string()),
  active: z.boolean(),
  version: z.number(),
  updatedAt: z.string(),
});
export type TCurriculumModule = z.infer<typeof ZCurriculumModule>;

export const ZCompetency = z.object({ code: z.string(), title: z.string(), description: z.string() });
export type TCompetency = z.infer<typeof ZCompetency>;
