import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../shared/limits.ts';

/**
 * The ten particularities of a good practice of the MIEUX actions (ICMPD, "MIEUX — 10 years of
 * peer-to-peer expertise", case study Mexico II 2017–2018, first page), in their order (ADR 047).
 */
export const GOOD_PRACTICE_CRITERIA = ['ownership', 'innovation', 'replicability', 'tangible_results', 'high_level_approval',
  'fit_with_priorities', 'highest_expertise', 'complementarity', 'eu_added_value', 'knowledge_exchange'] as const;
export type GoodPracticeCriterion = (typeof GOOD_PRACTICE_CRITERIA)[number];
/** The criteria the system holds evidence for, filled in from the records; the evaluator writes the rest. */
export const DATA_CRITERIA: readonly GoodPracticeCriterion[] = ['tangible_results', 'replicability', 'knowledge_exchange'];
export const CRITERION_RATINGS = ['met', 'partly_met', 'not_met', 'not_assessed'] as const;
export const ACTION_KINDS = ['eu_funded', 'national_programme', 'other'] as const;
export const EVALUATION_TEXT_MAX = 8000;

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

export const ZCriterionInput = z.strictObject({
  criterion: z.enum(GOOD_PRACTICE_CRITERIA),
  rating: z.enum(CRITERION_RATINGS),
  assessment: z.string().trim().max(EVALUATION_TEXT_MAX).default(''),
  evidence: z.string().trim().max(EVALUATION_TEXT_MAX).default(''),
});

const ZEvaluationFields = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.nameMax),
  kind: z.enum(ACTION_KINDS),
  funder: z.string().trim().max(LIMITS.nameMax).default(''),
  objectives: z.string().trim().max(EVALUATION_TEXT_MAX).default(''),
  partners: z.array(z.string().trim().min(1).max(LIMITS.nameMax)).max(30).default([]),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
  sessionIds: z.array(z.uuid()).max(200).default([]),
  criteria: z.array(ZCriterionInput).max(GOOD_PRACTICE_CRITERIA.length).default([])
    .refine((list) => new Set(list.map((c) => c.criterion)).size === list.length, { message: 'validation.invalid_value' }),
});
const datesInOrder = (a: { startsOn: string; endsOn: string }) => a.startsOn <= a.endsOn;
export const ZEvaluationInput = ZEvaluationFields.refine(datesInOrder, { message: 'validation.range_reversed', path: ['endsOn'] });
export type TEvaluationInput = z.infer<typeof ZEvaluationInput>;

export const ZEvaluationUpdate = ZEvaluationFields.extend({ version: z.number().int().positive() })
  .refine(datesInOrder, { message: 'validation.range_reversed', path: ['endsOn'] });
export type TEvaluationUpdate = z.infer<typeof ZEvaluationUpdate>;

export const ZEvaluationReportQuery = z.strictObject({ language: z.enum(LANGUAGES).optional() });

const ZCount = z.number().nullable();

export const ZEvaluationSummary = z.object({
  id: z.string(), title: z.string(), kind: z.enum(ACTION_KINDS), startsOn: z.string(), endsOn: z.string(), sessions: z.number(),
});

/** An action as read: what the evaluator wrote, and the evidence the records give (counts under 5 may be null for outside readers). */
export const ZEvaluation = z.object({
  id: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  kind: z.enum(ACTION_KINDS),
  funder: z.string(),
  objectives: z.string(),
  partners: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.number(),
  activities: z.array(z.object({
    sessionId: z.string(), code: z.string(), moduleId: z.string(), moduleCode: z.string(), moduleTitle: z.string(), format: z.string(),
    firstDay: z.string().nullable(), lastDay: z.string().nullable(), enrolled: ZCount, completed: ZCount,
    trainers: z.array(z.object({ fullName: z.string(), organisation: z.string(), countryCode: z.string() })),
  })),
  participants: z.array(z.object({ institution: z.string(), enrolled: ZCount, completed: ZCount })),
  criteria: z.array(z.object({
    criterion: z.enum(GOOD_PRACTICE_CRITERIA), rating: z.enum(CRITERION_RATINGS), assessment: z.string(), evidence: z.string(),
    /** Evidence the system wrote from its records (tangible results, replicability, knowledge exchange); null for the others. */
    fromData: z.array(z.string()).nullable(),
  })),
});
export type TEvaluation = z.infer<typeof ZEvaluation>;
