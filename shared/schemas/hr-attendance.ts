import * as z from 'zod/mini';
import '../validation.ts';
import { DateSchema, IdSchema, VersionSchema } from './common.ts';

/**
 * Attendance's wire shapes: what happened on one shift (late arrival, early leave or no-show, with
 * a note), logged by owners and managers. Read by owners and managers, and by the person themselves.
 */

const Minutes = z.optional(
  z
    .int('Enter whole minutes')
    .check(z.minimum(1, 'At least 1 minute'), z.maximum(1440, 'At most 1,440 minutes')),
);

/** POST /api/hr/shifts/:id/attendance: the shift's entry, new (version 0) or corrected at its version. */
export const AttendanceInputSchema = z
  .strictObject({
    lateMinutes: Minutes,
    earlyMinutes: Minutes,
    noShow: z.optional(z.boolean()),
    note: z.optional(z.string().check(z.trim(), z.maxLength(500, 'At most 500 characters'))),
    /** 0 for a new entry; the entry's version to correct it. */
    version: z.int().check(z.minimum(0)),
  })
  .check(
    z.refine((a) => a.noShow === true || a.lateMinutes !== undefined || a.earlyMinutes !== undefined, {
      message: 'Say how late they arrived, how early they left, or that they did not come',
      path: ['lateMinutes'],
    }),
    z.refine((a) => !(a.noShow && (a.lateMinutes !== undefined || a.earlyMinutes !== undefined)), {
      message: 'A no-show has no late or early minutes',
      path: ['noShow'],
    }),
  );
export type AttendanceInput = z.infer<typeof AttendanceInputSchema>;

/** POST /api/hr/shifts/:id/attendance/remove */
export const AttendanceRemoveSchema = z.strictObject({ version: VersionSchema });

export const AttendanceSchema = z.object({
  shiftId: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  locationId: z.string(),
  date: DateSchema,
  start: z.string(),
  end: z.string(),
  lateMinutes: z.optional(z.int()),
  earlyMinutes: z.optional(z.int()),
  noShow: z.optional(z.boolean()),
  note: z.optional(z.string()),
  recordedAt: z.string(),
  recordedBy: z.string(),
  version: z.int(),
});
export type Attendance = z.infer<typeof AttendanceSchema>;

/**
 * GET /api/hr/attendance?staffId=&from=&to= (a manager may leave out staffId: everyone; the last 31
 * days through today when the dates are left out).
 */
export const AttendanceQuerySchema = z
  .strictObject({ staffId: z.optional(IdSchema), from: z.optional(DateSchema), to: z.optional(DateSchema) })
  .check(
    z.refine((q) => !q.from || !q.to || q.to >= q.from, {
      message: 'The end must not be before the start',
      path: ['to'],
    }),
    z.refine(
      (q) => !q.from || !q.to || new Date(q.to).getTime() - new Date(q.from).getTime() <= 92 * 86_400_000,
      {
        message: 'Ask for at most 92 days at a time',
        path: ['to'],
      },
    ),
  );
