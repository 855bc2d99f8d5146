import * as z from 'zod/mini';
import { ROLES } from '../roles.ts';
import '../validation.ts';
import { IdSchema, PageQuerySchema } from './common.ts';

const DateOnly = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-22'));

export const AuditQuerySchema = z.object({
  ...PageQuerySchema.shape,
  actorId: z.optional(IdSchema),
  entityType: z.optional(z.string().check(z.regex(/^[a-z_]{2,40}$/))),
  action: z.optional(z.string().check(z.regex(/^[a-z_.]{2,60}$/))),
  from: z.optional(DateOnly),
  to: z.optional(DateOnly),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEventSchema = z.object({
  id: IdSchema,
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.union([z.enum(ROLES), z.literal('system')]),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  requestId: z.string(),
  summary: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
