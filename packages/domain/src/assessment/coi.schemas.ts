import { z } from 'zod';
import { ZCountryCode } from '../intake/index.ts';
import { LIMITS } from '../shared/limits.ts';
import { COI_LANGUAGES, COI_MAX_AGE_LIMITS, COI_SEARCH_CAP, COI_SOURCE_STATUSES, COI_TOPICS } from './coi.rules.ts';

const ZVersion = z.number().int().positive();
const ZIsoDate = z.iso.date({ message: 'validation.invalid_date' });
const ZText = (max: number) => z.string().trim().min(1).max(max);

export const COI_TITLE_MAX = 500;
export const COI_EXCERPT_MAX = 20_000;

/** A source as the person adding it describes it; the PDF, if any, follows in its own request. */
export const ZCoiSourceInput = z.strictObject({
  title: ZText(COI_TITLE_MAX),
  publisher: ZText(LIMITS.nameMax),
  publishedOn: ZIsoDate,
  accessedOn: ZIsoDate,
  url: z.url({ protocol: /^https?$/, message: 'validation.invalid_url' }).max(1000).nullable().default(null),
  language: z.enum(COI_LANGUAGES),
  countries: z.array(ZCountryCode).min(1).max(30),
  topics: z.array(z.enum(COI_TOPICS)).max(COI_TOPICS.length).default([]),
  /** The passage or a summary written by whoever adds it: what the search reads besides the title. */
  excerpt: z.string().trim().max(COI_EXCERPT_MAX).default(''),
});
export type TCoiSourceInput = z.infer<typeof ZCoiSourceInput>;

export const ZCoiFileQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200) });

export const ZCoiRetireInput = z.strictObject({ version: ZVersion, reason: ZText(LIMITS.reasonMax) });

const ZBooleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Full-text search in Spanish and English, filtered by country, topic and date of publication. */
export const ZCoiSearchQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  country: ZCountryCode.optional(),
  topic: z.enum(COI_TOPICS).optional(),
  publishedFrom: ZIsoDate.optional(),
  publishedTo: ZIsoDate.optional(),
  /** Retired sources too (they stay cited where they were). */
  includeRetired: ZBooleanQuery.default(false),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** Pages reach as far as the search reads (COI_SEARCH_CAP). */
  offset: z.coerce.number().int().min(0).max(COI_SEARCH_CAP - 1).default(0),
});
export type TCoiSearchQuery = z.infer<typeof ZCoiSearchQuery>;

export const ZCoiSource = z.object({
  id: z.uuid(),
  title: z.string(),
  publisher: z.string(),
  publishedOn: z.string(),
  accessedOn: z.string(),
  url: z.string().nullable(),
  language: z.string(),
  countries: z.array(z.string()),
  topics: z.array(z.enum(COI_TOPICS)),
  excerpt: z.string(),
  file: z.object({ fileName: z.string(), sha256: z.string(), sizeBytes: z.number().int() }).nullable(),
  status: z.enum(COI_SOURCE_STATUSES),
  retiredReason: z.string().nullable(),
  retiredAt: z.string().nullable(),
  /** Older than the reader's authority's limit. */
  outdated: z.boolean(),
  /** The citation a decision prints, in the reader's language, marked when outdated. */
  citation: z.string(),
  /** Search relevance, when the list came from a text search. */
  rank: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type TCoiSource = z.infer<typeof ZCoiSource>;

export const ZCoiSearchResult = z.object({
  items: z.array(ZCoiSource),
  /** The matches read: all of them, or COI_SEARCH_CAP with `more` when the search found more. */
  total: z.number().int(),
  more: z.boolean(),
  maxAgeYears: z.number().int(),
});
export type TCoiSearchResult = z.infer<typeof ZCoiSearchResult>;

/** The reader's authority's limit; `version` 0 while the default applies. */
export const ZCoiSettings = z.object({ maxAgeYears: z.number().int(), isDefault: z.boolean(), version: z.number().int() });
export type TCoiSettings = z.infer<typeof ZCoiSettings>;

export const ZCoiSettingsInput = z.strictObject({
  /** 0 while the default applies; the current version otherwise. */
  version: z.number().int().min(0),
  maxAgeYears: z.number().int().min(COI_MAX_AGE_LIMITS.min).max(COI_MAX_AGE_LIMITS.max),
});
export type TCoiSettingsInput = z.infer<typeof ZCoiSettingsInput>;
