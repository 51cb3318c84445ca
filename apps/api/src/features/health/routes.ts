import { z } from 'zod';
import type { App } from '../../types.ts';

export async function healthRoutes(app: App): Promise<void> {
  app.get('/api/health', {
    config: { permission: null },
    schema: {
      tags: ['system'], summary: 'Liveness and database check',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }) },
    },
  }, async () => {
    await app.db.query('SELECT 1');
    return { status: 'ok' as const, database: app.db.kind, version: '0.1.0' };
  });
}
