import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../types.ts';

/** `/api/users/:id` → `/api/users/{id}`, as OpenAPI writes paths. */
function openapiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Serves the OpenAPI document at /api/openapi.json and the interactive docs at /api/docs.
 * Each operation carries `x-permission`, read from the route's declaration.
 */
export async function registerOpenApi(app: App): Promise<void> {
  const permissions = new Map<string, string | null>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      permissions.set(`${method.toLowerCase()} ${openapiPath(route.url)}`, route.config?.permission ?? null);
    }
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Refugio API',
        version: '0.1.0',
        description: 'Asylum claims and staff training. Each operation names the permission it requires in `x-permission` (null: public). Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'refugio_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => {
      if (!('openapiObject' in document)) return document.swaggerObject;
      const { openapiObject } = document;
      for (const [path, operations] of Object.entries(openapiObject.paths ?? {})) {
        for (const [method, operation] of Object.entries(operations as Record<string, Record<string, unknown>>)) {
          const permission = permissions.get(`${method} ${path}`) ?? null;
          operation['x-permission'] = permission;
          if (permission === null) operation.security = [];
        }
      }
      return openapiObject;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { permission: null }, schema: { hide: true } }, async () => app.swagger());
}
