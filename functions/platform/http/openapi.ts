import * as z from 'zod/mini';
import { ROLE_GROUPS } from '../../../shared/roles.ts';
import type { RouteSpec } from './route.ts';

type JsonSchema = Record<string, unknown>;

const toSchema = (s: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const ERROR_RESPONSES = {
  '400': 'Validation failed (details carry field paths)',
  '401': 'Missing, invalid or expired token',
  '403': 'Your role does not allow this',
  '404': 'Not found (also for ids of another tenant)',
  '409': 'Conflict or stale version',
  '413': 'Body too large',
  '415': 'Body is not JSON',
  '429': 'Too many requests (Retry-After)',
  '503': 'Store unavailable (Retry-After)',
};

/** OpenAPI 3.1 from the same zod schemas that validate requests. */
export function buildOpenApi(specs: RouteSpec[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const spec of specs) {
    const path = `/api${spec.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    paths[path] ??= {};
    paths[path][spec.method] = operation(spec);
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: 'Rounds practice-management API. Errors share one shape: ErrorResponse.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        ErrorResponse: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'requestId'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                requestId: { type: 'string' },
                challenge: {
                  type: 'string',
                  description: 'mfa_required only: send it with the code to POST /api/auth/login/mfa',
                },
                details: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { path: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    paths,
  };
}

function success(spec: RouteSpec) {
  if (spec.status === 204) return { description: 'Success' };
  if (spec.produces)
    return { description: 'Success', content: { [spec.produces]: { schema: { type: 'string' } } } };
  if (!spec.response) return { description: 'Success' };
  return {
    description: 'Success',
    content: { 'application/json': { schema: toSchema(spec.response, 'output') } },
  };
}

function operation(spec: RouteSpec) {
  const parameters: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, s] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === 'path' || json.required?.includes(name),
        schema: s,
      });
    }
  }
  const responses: Record<string, unknown> = { [String(spec.status ?? 200)]: success(spec) };
  for (const [code, description] of Object.entries(ERROR_RESPONSES)) {
    if (spec.roles === 'public' && (code === '401' || code === '403') && spec.path !== '/auth/login')
      continue;
    responses[code] = {
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    };
  }
  return {
    tags: [spec.tag],
    summary: spec.summary,
    operationId: `${spec.method}${spec.path.replace(/[/:{}-]+(\w)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
    security: spec.roles === 'public' ? [] : [{ bearer: [] }],
    ...(spec.roles === 'public'
      ? {}
      : { 'x-roles': [...ROLE_GROUPS[spec.roles]], 'x-role-group': spec.roles }),
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(spec.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}
