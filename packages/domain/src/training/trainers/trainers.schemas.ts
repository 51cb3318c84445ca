import { z } from 'zod';
import { LIMITS } from '../../shared/limits.ts';

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

/** The trainer roster: national trainers (staff accounts) and visiting experts, certified per module. */
export const ZTrainer = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  fullName: z.string(),
  organisation: z.string(),
  countryCode: z.string(),
  languages: z.array(z.string()),
  email: z.string().nullable(),
  active: z.boolean(),
  certifications: z.array(z.object({ moduleId: z.string(), moduleCode: z.string(), certifiedOn: z.string(), expiresOn: z.string().nullable() })),
  version: z.number(),
});
export type TTrainer = z.infer<typeof ZTrainer>;

export const ZTrainerInput = z.strictObject({
  /** A staff account when the trainer is one of the authority's own (train-the-trainer). */
  userId: z.uuid().nullable().default(null),
  fullName: z.string().trim().min(1).max(LIMITS.nameMax),
  organisation: z.string().trim().min(1).max(LIMITS.nameMax),
  countryCode: z.string().regex(/^[A-Z]{2}$/, { message: 'validation.country_code_alpha2' }),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, { message: 'validation.language_code' })).max(10).default([]),
  email: z.email({ message: 'validation.invalid_email' }).max(LIMITS.emailMax).nullable().default(null),
});

export const ZCertificationInput = z.strictObject({
  certifiedOn: ZIsoDate,
  expiresOn: ZIsoDate.nullable().default(null),
}).refine((c) => c.expiresOn === null || c.expiresOn > c.certifiedOn, { message: 'validation.range_reversed', path: ['expiresOn'] });

/** Edits a roster entry (409 with the current one when `version` is stale); inactive trainers stay in past sessions. */
export const ZTrainerUpdate = ZTrainerInput.extend({ active: z.boolean(), version: z.number().int().positive() });
