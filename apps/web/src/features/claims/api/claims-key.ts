/** The cache key of every claims query; its own module so the feature's surface stays free of the API code. */
export const CLAIMS_KEY = ['claims'] as const;
