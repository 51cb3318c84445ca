import { ZAuditPage, ZAuditQuery } from '@refugio/domain';
import { listAuditEvents } from '@refugio/domain/server';
import type { App } from '../../types.ts';

export async function auditRoutes(app: App): Promise<void> {
  app.get('/api/audit-events', {
    config: { permission: 'read:audit:office' },
    schema: { tags: ['audit'], summary: 'The audit trail, newest first, within the caller\'s scope', querystring: ZAuditQuery, response: { 200: ZAuditPage } },
  }, async (request) => listAuditEvents(app.db, request.actor!, request.query));
}
