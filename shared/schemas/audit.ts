import * as z from 'zod/mini';
import { ROLES } from '../roles.ts';
import '../validation.ts';
import { IdSchema, PageQuerySchema } from './common.ts';

const DateOnly = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-22'));

/** Whole days in the practice's time zone; both ends included. */
const DateRange = { from: z.optional(DateOnly), to: z.optional(DateOnly) };

/**
 * `action` is one action ("team.role_changed") or a family of them with a trailing dot ("team."):
 * each is one keyed Query, never a filter over the whole log.
 */
export const AuditActionSchema = z
  .string()
  .check(z.regex(/^[a-z_]{2,30}\.([a-z_]{2,40})?$/, 'Choose an action from the list'));

export const AuditQuerySchema = z.object({
  ...PageQuerySchema.shape,
  actorId: z.optional(IdSchema),
  patientId: z.optional(IdSchema),
  entityType: z.optional(z.string().check(z.regex(/^[a-z_]{2,40}$/, 'Choose a type from the list'))),
  action: z.optional(AuditActionSchema),
  ...DateRange,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** An audit record as stored: names are the ones at the time, never looked up later. */
export const AuditRecordSchema = z.object({
  id: IdSchema,
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: z.union([z.enum(ROLES), z.literal('system')]),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** The entity's name when it happened ("Dana Brooks", "North Clinic"); absent on older records. */
  entityName: z.optional(z.string()),
  /** A value the sentence names, e.g. the new role ("Owner"). */
  detail: z.optional(z.string()),
  /** The patient whose data this read or changed, with their name at the time. */
  patientId: z.optional(z.string()),
  patientName: z.optional(z.string()),
  requestId: z.string(),
  summary: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

export const AuditEventSchema = z.object({
  ...AuditRecordSchema.shape,
  /** The record as a sentence with names: "Maria Lopez viewed Ada Lovelace's visits". */
  sentence: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const PatientAccessQuerySchema = z.object({ ...PageQuerySchema.shape, ...DateRange });
export type PatientAccessQuery = z.infer<typeof PatientAccessQuerySchema>;

/** Every read and change of one patient's data, newest first: what a practice hands a patient who asks. */
export const PatientAccessReportSchema = z.object({
  patient: z.object({ id: IdSchema, name: z.string(), dateOfBirth: z.string() }),
  /** The practice's time zone: the report's dates are written in it. */
  timeZone: z.string(),
  items: z.array(AuditEventSchema),
  nextCursor: z.nullable(z.string()),
});
export type PatientAccessReport = z.infer<typeof PatientAccessReportSchema>;
