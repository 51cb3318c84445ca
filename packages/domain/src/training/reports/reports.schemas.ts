import { z } from 'zod';

export const TRAINING_REPORTS = ['trained', 'coverage', 'indicator', 'trainers'] as const;
export type TrainingReportName = (typeof TRAINING_REPORTS)[number];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;

const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });

export const ZTrainingReportQuery = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  format: z.enum(REPORT_FORMATS).default('json'),
}).refine((q) => q.from <= q.to, { message: 'validation.range_reversed', path: ['to'] });
export type TTrainingReportQuery = z.infer<typeof ZTrainingReportQuery>;

export const ZReportTable = z.object({
  title: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
});
