import { z } from 'zod';
import { LIMITS } from '../shared/limits.ts';
import { CLAIM_STATUSES, SAFEGUARD_SOURCE_KINDS, SAFEGUARD_STATES, STEP_CODES } from './procedure.rules.ts';

/** A safeguard's source, cited the way the decision and the administrator read it. */
export const ZSafeguardSource = z.object({
  kind: z.enum(SAFEGUARD_SOURCE_KINDS),
  /** Localized citation: "Ley sobre Refugiados…, art. 24", "EUAA, Guía práctica: la entrevista personal". */
  citation: z.string(),
});

/** One safeguard as it stands for one step of one claim. */
export const ZSafeguardCheck = z.object({
  code: z.string(),
  state: z.enum(SAFEGUARD_STATES),
  title: z.string(),
  /** Why it is unmet (localized, with the facts), or what it requires when met. */
  message: z.string(),
  /** What would satisfy it. */
  remedy: z.string(),
  source: ZSafeguardSource,
  /** A supervisor may take the step anyway with a written reason (e.g. the competency gate). */
  overridable: z.boolean(),
});
export type TSafeguardCheck = z.infer<typeof ZSafeguardCheck>;

/** A step the claim's status allows now: whether the reader may take it, and what is missing. */
export const ZNextStep = z.object({
  step: z.enum(STEP_CODES),
  to: z.enum(CLAIM_STATUSES).nullable(),
  allowed: z.boolean(),
  /** The reader lacks the step's permission on this claim (another office, not assigned). */
  permitted: z.boolean(),
  needsReason: z.boolean(),
  safeguards: z.array(ZSafeguardCheck),
  /** What taking the step sets off (clocks started or stopped, notices), for the confirmation. */
  effects: z.array(z.object({ code: z.string(), title: z.string(), description: z.string() })),
});
export type TNextStep = z.infer<typeof ZNextStep>;

export const ZNextSteps = z.object({
  status: z.enum(CLAIM_STATUSES),
  version: z.number().int(),
  steps: z.array(ZNextStep),
});
export type TNextSteps = z.infer<typeof ZNextSteps>;

/** A safeguard as the catalogue lists it, with how each authority has it. */
export const ZSafeguardEntry = z.object({
  code: z.string(),
  title: z.string(),
  requirement: z.string(),
  remedy: z.string(),
  source: ZSafeguardSource,
  /** Registered by this feature (training, calendars, procedure…). */
  feature: z.string(),
  /** The law lets an authority switch it off, with a written reason. */
  switchable: z.boolean(),
  overridable: z.boolean(),
  /** Authorities (institutions) that switched it off, with who, when and why. */
  switchedOff: z.array(z.object({
    institutionId: z.uuid(), institutionName: z.string(), reason: z.string(), changedBy: z.string().nullable(),
    changedAt: z.string(), version: z.number().int(),
  })),
});
export type TSafeguardEntry = z.infer<typeof ZSafeguardEntry>;

export const ZEffectEntry = z.object({
  code: z.string(),
  title: z.string(),
  description: z.string(),
  source: ZSafeguardSource,
  feature: z.string(),
});

export const ZStepEntry = z.object({
  step: z.enum(STEP_CODES),
  title: z.string(),
  from: z.array(z.enum(CLAIM_STATUSES)),
  to: z.enum(CLAIM_STATUSES).nullable(),
  /** `action:claim:scope` strings any of which lets a caller take it (scope narrows the claims). */
  permissions: z.array(z.string()),
  needsReason: z.boolean(),
  safeguards: z.array(ZSafeguardEntry),
  effects: z.array(ZEffectEntry),
});
export type TStepEntry = z.infer<typeof ZStepEntry>;

/** Switching a safeguard off (or back on) for one authority: a written reason either way. */
export const ZSafeguardSwitch = z.strictObject({
  institutionId: z.uuid(),
  enabled: z.boolean(),
  reason: z.string().trim().min(10).max(LIMITS.reasonMax),
  /** The setting's version when read (0 when the authority has never changed it). */
  version: z.number().int().min(0),
});
export type TSafeguardSwitch = z.infer<typeof ZSafeguardSwitch>;
