import { z } from 'zod';
import {
  ZDuplicateCheckInput, ZDuplicateCheckResult, ZMergeInput, ZMergeQuery, ZNonDuplicate, ZNotDuplicateInput, ZPersonMerge,
  ZUndoMergeInput,
} from '@refugio/domain';
import { checkDuplicates, listPersonMerges, mergePersons, recordNotDuplicate, undoPersonMerge } from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });
// A first-contact officer's referral is checked on the COMAR side, when the office accepts it.
const REGISTER = { permission: 'register:claim:office' } as const;
const MERGE = { permission: 'merge:person:office' } as const;

/** Duplicate detection and person merges (docs/decisions/011-duplicate-detection.md). */
export async function personRoutes(app: App): Promise<void> {
  const { db } = app;

  app.post('/api/persons/duplicate-check', {
    config: REGISTER,
    schema: {
      tags: ['persons'],
      summary: 'Persons who may be the same as the one given, scored with a reason per field (searches the whole operation; minimal fields outside the caller\'s scope)',
      body: ZDuplicateCheckInput, response: { 200: ZDuplicateCheckResult },
    },
  }, async (request) => checkDuplicates(db, request.ctx, request.body));

  app.post('/api/persons/:id/not-duplicate', {
    config: REGISTER,
    schema: {
      tags: ['persons'], summary: 'Record that two persons are not the same (the pair is not proposed again; repeating it is harmless)',
      params: ZId, body: ZNotDuplicateInput, response: { 200: ZNonDuplicate },
    },
  }, async (request) => recordNotDuplicate(db, request.ctx, request.params.id, request.body));

  app.get('/api/persons/merges', {
    config: MERGE,
    schema: {
      tags: ['persons'], summary: 'Recent merges of persons in claims of the caller\'s offices',
      querystring: ZMergeQuery, response: { 200: z.array(ZPersonMerge) },
    },
  }, async (request) => listPersonMerges(db, request.actor!, request.query));

  app.post('/api/persons/merges', {
    config: MERGE,
    schema: {
      tags: ['persons'], summary: 'Merge one person into another, keeping all history (audited, reversible; Idempotency-Key honoured)',
      body: ZMergeInput, response: { 201: ZPersonMerge },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => mergePersons(db, request.ctx, request.body)));

  app.post('/api/persons/merges/:id/undo', {
    config: MERGE,
    schema: {
      tags: ['persons'], summary: 'Undo a merge: what moved goes back to the merged person (audited)',
      params: ZId, body: ZUndoMergeInput, response: { 200: ZPersonMerge },
    },
  }, async (request) => undoPersonMerge(db, request.ctx, request.params.id, request.body));
}
