import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../../shared/limits.ts';

/** A guide file's largest size: the EUAA practical guides are 1–5 MB. */
export const GUIDE_MAX_BYTES = 10 * 1024 * 1024;

/** One code names a guide across its languages and versions, e.g. `euaa-personal-interview`. */
const ZGuideCode = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'validation.guide_code' });
const ZGuideTitle = z.string().trim().min(1).max(LIMITS.nameMax);

/** One version of a guide in one language: an uploaded PDF or a link. */
export const ZGuide = z.object({
  id: z.string(),
  code: z.string(),
  language: z.enum(LANGUAGES),
  version: z.number(),
  title: z.string(),
  kind: z.enum(['file', 'link']),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  sha256: z.string().nullable(),
  /** False when a later version of the same code and language exists. */
  latest: z.boolean(),
  /** Modules the guide (every version and language of its code) is linked to. */
  modules: z.array(z.object({ id: z.string(), code: z.string() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TGuide = z.infer<typeof ZGuide>;

export const ZGuideQuery = z.strictObject({
  /** Every version, not only the latest per code and language. */
  history: z.enum(['true', 'false']).transform((v) => v === 'true').default(false),
  code: ZGuideCode.optional(),
  language: z.enum(LANGUAGES).optional(),
  moduleId: z.uuid().optional(),
});

/** A link version: the guide lives on another site (EUAA, UNHCR). */
export const ZGuideLinkInput = z.strictObject({
  code: ZGuideCode,
  language: z.enum(LANGUAGES),
  title: ZGuideTitle,
  url: z.url({ protocol: /^https?$/, message: 'validation.invalid_url' }).max(1000),
});
export type TGuideLinkInput = z.infer<typeof ZGuideLinkInput>;

/** A file version: the PDF travels as the request body (application/pdf); these describe it. */
export const ZGuideFileQuery = z.strictObject({
  code: ZGuideCode,
  language: z.enum(LANGUAGES),
  title: ZGuideTitle,
  fileName: z.string().trim().min(1).max(200),
});
export type TGuideFileQuery = z.infer<typeof ZGuideFileQuery>;
