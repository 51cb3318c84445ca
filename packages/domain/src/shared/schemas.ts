import { z } from 'zod';

/** `?version=N` on a DELETE: the version the caller read (ADR 008), so a stale delete gets 409. */
export const ZVersionQuery = z.strictObject({ version: z.coerce.number().int().positive() });
