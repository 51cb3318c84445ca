/** Reads the API's own OpenAPI document into a list of operations the walking tests iterate. */
import { randomUUID } from 'node:crypto';
import type { HTTPMethods } from 'fastify';
import { expect } from 'vitest';
import type { App } from '../types.ts';

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: Uppercase<string> & HTTPMethods;
  /** OpenAPI form: /api/users/{id} */
  path: string;
  permission: string | null;
  parameters: Parameter[];
  bodySchema: JsonSchema | null;
  /** `GET /api/users/{id}`, for messages and tables. */
  label: string;
}

interface OpenApiOperation {
  'x-permission'?: string | null;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function openApiDocument(app: App): Promise<{ paths: Record<string, Record<string, OpenApiOperation>> }> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json();
}

export async function listOperations(app: App): Promise<Operation[]> {
  const document = await openApiDocument(app);
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(byMethod)) {
      const upper = method.toUpperCase() as Operation['method'];
      const permission = operation['x-permission'];
      if (permission === undefined) throw new Error(`${upper} ${path} has no x-permission`);
      operations.push({
        method: upper,
        path,
        permission,
        parameters: operation.parameters ?? [],
        bodySchema: operation.requestBody?.content?.['application/json']?.schema ?? null,
        label: `${upper} ${path}`,
      });
    }
  }
  return operations;
}

/** The path with each `{param}` (or `:param`) replaced by a well-formed id nobody holds. */
export function concretePath(path: string): string {
  return path.replace(/\{[^}]+\}|:[A-Za-z0-9_]+/g, () => randomUUID());
}

function acceptedTypes(schema: JsonSchema): string[] {
  const own = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const nested = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(acceptedTypes);
  return [...own, ...nested];
}

/** A JSON value of a type the schema does not accept. */
export function wrongTypeFor(schema: JsonSchema): unknown {
  const types = acceptedTypes(schema);
  return types.includes('number') || types.includes('integer') ? 'not a number' : 12345;
}
