import { z } from 'zod';
import {
  ZCalendarChangeResult, ZCalendarDetail, ZCalendarInput, ZCalendarRuleAdd, ZCalendarRulePreview, ZCalendarSummary,
  ZCalendarUpdate, ZDueDateExplanation, ZDueDateQuery, ZRecomputation, ZVersionQuery,
} from '@refugio/domain';
import {
  addCalendarRule, createCalendar, explainCalendarDueDate, getCalendar, listCalendars, previewCalendarRule, removeCalendarRule,
  updateCalendar,
} from '@refugio/domain/server';
import { idempotent } from '../../plugins/idempotency.ts';
import type { App } from '../../types.ts';

const ZId = z.strictObject({ id: z.uuid() });
const ZRuleParams = z.strictObject({ id: z.uuid(), ruleId: z.uuid() });
const READ = { permission: 'read:calendar:all' } as const;
const MANAGE = { permission: 'manage:calendar:all' } as const;
const TAGS = ['calendars'];

export async function calendarRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/api/calendars', {
    config: READ, schema: { tags: TAGS, summary: 'List working-day calendars', response: { 200: z.array(ZCalendarSummary) } },
  }, async () => listCalendars(db));

  app.get('/api/calendars/:id', {
    config: READ,
    schema: { tags: TAGS, summary: 'One calendar with its rules (inherited ones included)', params: ZId, response: { 200: ZCalendarDetail } },
  }, async (request) => getCalendar(db, request.params.id));

  app.post('/api/calendars', {
    config: MANAGE,
    schema: {
      tags: TAGS, summary: 'Create an authority or office calendar extending another (Idempotency-Key honoured)',
      body: ZCalendarInput, response: { 201: ZCalendarDetail },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => createCalendar(db, request.ctx, request.body)));

  app.patch('/api/calendars/:id', {
    config: MANAGE,
    schema: {
      tags: TAGS, summary: 'Rename a calendar or make it the default for claims (409 on a stale version)',
      params: ZId, body: ZCalendarUpdate, response: { 200: ZCalendarDetail },
    },
  }, async (request) => updateCalendar(db, request.ctx, request.params.id, request.body));

  app.post('/api/calendars/:id/rules/preview', {
    config: MANAGE,
    schema: {
      tags: TAGS, summary: 'How many open claim clocks and claims adding this rule would move; writes nothing',
      params: ZId, body: ZCalendarRulePreview, response: { 200: ZRecomputation },
    },
  }, async (request) => previewCalendarRule(db, request.params.id, request.body.rule));

  app.post('/api/calendars/:id/rules', {
    config: MANAGE,
    schema: {
      tags: TAGS,
      summary: 'Add a rule (declared day or range, suspension with its DOF citation…); moves every affected due date in one '
        + 'audited transaction (409 on a stale version; Idempotency-Key honoured)',
      params: ZId, body: ZCalendarRuleAdd, response: { 201: ZCalendarChangeResult },
    },
  }, async (request, reply) => idempotent(request, reply, 201, () => addCalendarRule(db, request.ctx, request.params.id, request.body)));

  app.delete('/api/calendars/:id/rules/:ruleId', {
    config: MANAGE,
    schema: {
      tags: TAGS, summary: "Remove one of the calendar's own rules; moves the affected due dates back (409 on a stale version)",
      params: ZRuleParams, querystring: ZVersionQuery, response: { 200: ZCalendarChangeResult },
    },
  }, async (request) => removeCalendarRule(db, request.ctx, request.params.id, request.params.ruleId, request.query.version));

  app.get('/api/calendars/:id/due-date', {
    config: READ,
    schema: {
      tags: TAGS, summary: 'The due date N working days after a date (day 0), with every skipped day and why',
      params: ZId, querystring: ZDueDateQuery, response: { 200: ZDueDateExplanation },
    },
  }, async (request) => explainCalendarDueDate(db, request.params.id, request.query.from, request.query.workingDays));
}
