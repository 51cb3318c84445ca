import { z } from 'zod';

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

export const ZOverrideQuery = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  format: z.enum(['json', 'csv']).default('json'),
}).refine((q) => q.from <= q.to, { message: 'validation.range_reversed', path: ['to'] });
export type TOverrideQuery = z.infer<typeof ZOverrideQuery>;

/**
 * A claim assigned to an officer lacking a competency it required, by a supervisor's written
 * exception. The claim number is shown only to readers of the claim's sensitive data: with it,
 * a missing "gender identity" competency would tell who is LGBTIQ.
 */
export const ZGatingOverride = z.object({
  assignmentId: z.string(),
  assignedAt: z.string(),
  officeName: z.string(),
  claimId: z.string().nullable(),
  claimNumber: z.string().nullable(),
  officerName: z.string(),
  assignedByName: z.string().nullable(),
  missing: z.array(z.object({ code: z.string(), title: z.string() })),
  reason: z.string(),
  /** The officer has since gained every competency that was missing. */
  resolved: z.boolean(),
});
export type TGatingOverride = z.infer<typeof ZGatingOverride>;
