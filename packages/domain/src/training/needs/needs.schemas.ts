import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../../shared/limits.ts';
import { PLAN_FORMATS, PLAN_PRIORITIES, PLAN_REASONS } from './needs.rules.ts';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
const ZVersion = z.number().int().positive();

/** A needs-assessment campaign as lists and its page show it. */
export const ZCampaign = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  officeId: z.string().nullable(),
  officeName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  caseloadMonths: z.number(),
  /** Staff the campaign addresses (active accounts of its institution or office in a trained role) and how many answered. */
  staffCount: z.number(),
  responseCount: z.number(),
  version: z.number(),
});
export type TCampaign = z.infer<typeof ZCampaign>;

const ZCampaignFields = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.nameMax),
  description: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
  /** One office of the coordinator's institution, or the whole institution. */
  officeId: z.uuid().nullable().default(null),
  opensOn: ZIsoDate,
  closesOn: ZIsoDate,
  caseloadMonths: z.number().int().min(1).max(60).default(12),
});
const datesInOrder = (c: { opensOn: string; closesOn: string }) => c.closesOn >= c.opensOn;

export const ZCampaignInput = ZCampaignFields.refine(datesInOrder, { message: 'validation.range_reversed', path: ['closesOn'] });
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

/** Changes a campaign, its status included (draft → open → closed; a closed campaign can be reopened). */
export const ZCampaignUpdate = ZCampaignFields.extend({ status: z.enum(CAMPAIGN_STATUSES), version: ZVersion })
  .refine(datesInOrder, { message: 'validation.range_reversed', path: ['closesOn'] });
export type TCampaignUpdate = z.infer<typeof ZCampaignUpdate>;

/** The questionnaire: one per staff member and campaign, changed until the campaign closes. */
export const ZNeedsResponseInput = z.strictObject({
  yearsExperience: z.number().min(0).max(60).multipleOf(0.5),
  /** Competency code → 0 none, 1 basic, 2 confident, 3 expert. */
  selfLevels: z.record(z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, { message: 'validation.invalid_format' }), z.number().int().min(0).max(3)),
  preferredFormat: z.enum(PLAN_FORMATS),
  languages: z.array(z.enum(LANGUAGES)).min(1).max(LANGUAGES.length),
  comments: z.string().trim().max(LIMITS.reasonMax).nullable().default(null),
  /** The version answered last; absent for a first answer. */
  version: ZVersion.optional(),
// Nothing saved blank by accident: an answer rates at least one competency.
}).refine((r) => Object.keys(r.selfLevels).length > 0, { message: 'validation.needs_levels_blank', path: ['selfLevels'] });
export type TNeedsResponseInput = z.infer<typeof ZNeedsResponseInput>;

export const ZNeedsResponse = z.object({
  campaignId: z.string(),
  userId: z.string(),
  fullName: z.string(),
  officeName: z.string().nullable(),
  roleCode: z.string(),
  yearsExperience: z.number(),
  selfLevels: z.record(z.string(), z.number()),
  preferredFormat: z.enum(PLAN_FORMATS),
  languages: z.array(z.string()),
  comments: z.string().nullable(),
  submittedAt: z.string(),
  version: z.number(),
});
export type TNeedsResponse = z.infer<typeof ZNeedsResponse>;

/** A campaign as a staff member sees it: what to rate and their own answer. */
export const ZMyCampaign = z.object({
  campaign: ZCampaign.omit({ staffCount: true, responseCount: true }),
  competencies: z.array(z.object({ code: z.string(), title: z.string(), required: z.boolean() })),
  response: ZNeedsResponse.nullable(),
});
export type TMyCampaign = z.infer<typeof ZMyCampaign>;

export const ZCampaignResponses = z.object({
  responses: ZNeedsResponse.array(),
  /** Staff addressed who have not answered yet. */
  pending: z.array(z.object({ userId: z.string(), fullName: z.string(), officeName: z.string().nullable() })),
});

export const ZPlanQuery = z.strictObject({ format: z.enum(['json', 'csv', 'xlsx']).default('json') });

const ZPlanReason = z.object({ code: z.enum(PLAN_REASONS), share: z.number().optional(), moduleCode: z.string().optional() });

/** The proposed training plan of a campaign, with what it is based on. */
export const ZTrainingPlan = z.object({
  campaignId: z.string(),
  generatedAt: z.string(),
  basis: z.object({
    staff: z.number(),
    responded: z.number(),
    caseloadFrom: z.string(),
    caseloadTo: z.string(),
    offices: z.array(z.object({
      officeId: z.string(), officeName: z.string(), claims: z.number(),
      shares: z.array(z.object({ competencyCode: z.string(), competency: z.string(), claims: z.number(), share: z.number() })),
    })),
  }),
  items: z.array(z.object({
    userId: z.string(), fullName: z.string(), officeId: z.string(), officeName: z.string(),
    competencies: z.array(z.object({ code: z.string(), title: z.string() })),
    moduleId: z.string().nullable(), moduleCode: z.string().nullable(), moduleTitle: z.string().nullable(), level: z.string().nullable(),
    format: z.enum(PLAN_FORMATS).nullable(), preferred: z.boolean(), priority: z.enum(PLAN_PRIORITIES), step: z.union([z.literal(1), z.literal(2)]),
    reasons: ZPlanReason.array(),
  })),
  summary: z.array(z.object({
    moduleCode: z.string(), moduleTitle: z.string(), level: z.string(), format: z.enum(PLAN_FORMATS), people: z.number(), suggestedSessions: z.number(),
  })),
});
export type TTrainingPlan = z.infer<typeof ZTrainingPlan>;
