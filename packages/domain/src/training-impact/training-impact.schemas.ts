import { z } from 'zod';
import { IMPACT_METRICS, IMPACT_VERDICTS } from './training-impact.rules.ts';

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

/** A training action: a module and the date range of its sessions; the windows are `months` before and after. */
export const ZTrainingImpactQuery = z.strictObject({
  moduleId: z.uuid({ message: 'validation.invalid_uuid' }),
  from: ZIsoDate,
  to: ZIsoDate,
  months: z.coerce.number().int().min(1).max(36).default(12),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
}).refine((q) => q.from <= q.to, { message: 'validation.range_reversed', path: ['to'] });
export type TTrainingImpactQuery = z.infer<typeof ZTrainingImpactQuery>;

const ZCell = z.object({ n: z.number().nullable(), officers: z.number().nullable(), mean: z.number().nullable() });

export const ZTrainingImpact = z.object({
  module: z.object({ id: z.string(), code: z.string(), title: z.string() }),
  action: z.object({ from: z.string(), to: z.string() }),
  windows: z.object({ before: z.object({ from: z.string(), to: z.string() }), after: z.object({ from: z.string(), to: z.string() }) }),
  officers: z.object({ trained: z.number().nullable(), untrained: z.number().nullable() }),
  metrics: z.array(z.object({
    metric: z.enum(IMPACT_METRICS),
    cells: z.object({ trained_before: ZCell, trained_after: ZCell, untrained_before: ZCell, untrained_after: ZCell }),
    estimate: z.number().nullable(),
    standardError: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    verdict: z.enum(IMPACT_VERDICTS),
  })),
  /** Counts under the threshold were replaced by null (observers, exports). */
  suppressed: z.boolean(),
  computedAt: z.string(),
});
export type TTrainingImpact = z.infer<typeof ZTrainingImpact>;

/** A training action to compare, as offered by default: a session that trained someone, its module and its dates. */
export const ZTrainingAction = z.object({
  sessionId: z.string(), sessionCode: z.string(), moduleId: z.string(), moduleCode: z.string(), moduleTitle: z.string(),
  from: z.string(), to: z.string(), trained: z.number(),
});
export type TTrainingAction = z.infer<typeof ZTrainingAction>;
