import * as z from 'zod/mini';
import '../validation.ts';
import { PRACTICE_ROLES } from '../roles.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';
import { STAFF_ROLES } from './hr.ts';

/**
 * HR's wire shapes for onboarding and offboarding checklists: a template per kind and staff role
 * (the practice edits it; Rounds' defaults until then), and a person's checklist made from it, each
 * task with an owner and a due date counted from the hire date (onboarding) or the last day
 * (offboarding). Each open task is a Today item for its owner.
 */

export const CHECKLIST_KINDS = ['onboarding', 'offboarding'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
export const CHECKLIST_KIND_LABELS: Record<ChecklistKind, string> = {
  onboarding: 'Onboarding',
  offboarding: 'Offboarding',
};

/** Who does a task: the person joining or leaving, everyone in a Rounds role, or one person. */
export const TASK_OWNERS = ['hire', ...PRACTICE_ROLES, 'person'] as const;
export type TaskOwner = (typeof TASK_OWNERS)[number];
export const TASK_OWNER_LABELS: Record<TaskOwner, string> = {
  hire: 'The person themselves',
  owner: 'Owners',
  manager: 'Managers',
  staff: 'Staff',
  provider: 'Providers',
  billing: 'Billing',
  person: 'A named person',
};

export const ChecklistTaskTemplateSchema = z
  .strictObject({
    title: z
      .string()
      .check(z.trim(), z.minLength(1, 'Name the task'), z.maxLength(120, 'At most 120 characters')),
    owner: z.enum(TASK_OWNERS, 'Choose who does the task'),
    /** With owner "person": whose task it is (someone in the directory with a Rounds login). */
    ownerStaffId: z.optional(IdSchema),
    /** Days after the hire date (onboarding) or the last day (offboarding); negative is before. */
    days: z
      .int('Enter a whole number of days')
      .check(z.minimum(-60, 'From 60 days before'), z.maximum(365, 'To 365 days after')),
    /** A page in Rounds the task points at (the handbook to sign, the team page). */
    link: z.optional(
      z.string().check(z.regex(/^\/app\/[A-Za-z0-9/_?=&.-]*$/, 'Link to a Rounds page, like /app/documents')),
    ),
    /**
     * A document the person signs in Documents: `handbook` (the practice's published document in the
     * Handbook folder) or a document's id. Starting the checklist asks them to sign it; the task ticks
     * itself when they do. Only for the person's own tasks (owner "hire").
     */
    signs: z.optional(IdSchema),
  })
  .check(
    z.refine((t) => t.owner !== 'person' || Boolean(t.ownerStaffId), {
      message: 'Choose the person who does the task',
      path: ['ownerStaffId'],
    }),
    z.refine((t) => !t.signs || t.owner === 'hire', {
      message: 'Only the person themselves signs a document',
      path: ['signs'],
    }),
  );
export type ChecklistTaskTemplate = z.infer<typeof ChecklistTaskTemplateSchema>;

/** PUT /api/hr/checklists/templates: one kind and role's tasks at the version read (0: the default). */
export const ChecklistTemplateInputSchema = z.strictObject({
  kind: z.enum(CHECKLIST_KINDS, 'Choose onboarding or offboarding'),
  staffRole: z.enum(STAFF_ROLES, 'Choose a role'),
  tasks: z
    .array(ChecklistTaskTemplateSchema)
    .check(z.minLength(1, 'Add at least one task'), z.maxLength(30, 'At most 30 tasks')),
  version: z.int().check(z.minimum(0)),
});
export type ChecklistTemplateInput = z.infer<typeof ChecklistTemplateInputSchema>;

export const ChecklistTemplateSchema = z.object({
  kind: z.enum(CHECKLIST_KINDS),
  staffRole: z.enum(STAFF_ROLES),
  tasks: z.array(ChecklistTaskTemplateSchema),
  /** 0 while Rounds' default is in use. */
  version: z.int(),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplateSchema>;

/** POST /api/hr/checklists: start a person's checklist from their role's template. */
export const ChecklistStartSchema = z.strictObject({
  staffId: IdSchema,
  kind: z.enum(CHECKLIST_KINDS, 'Choose onboarding or offboarding'),
  /** Offboarding: the last day, when it is not recorded on the person yet. */
  lastDay: z.optional(DateSchema),
});
export type ChecklistStart = z.infer<typeof ChecklistStartSchema>;

/** `signs` naming the practice's handbook rather than one document. */
export const SIGNS_HANDBOOK = 'handbook';

export const SIGN_OFF_STATUSES = ['requested', 'signed', 'no_login', 'no_document'] as const;
export type SignOffStatus = (typeof SIGN_OFF_STATUSES)[number];

/** A signing task's state: asked in Documents, signed, or left manual (no login, nothing to sign). */
export const TaskSignOffSchema = z.object({
  status: z.enum(SIGN_OFF_STATUSES),
  documentId: z.optional(IdSchema),
  documentTitle: z.optional(z.string()),
  /** The round (published version) asked: a signature of it or a later one ticks the task. */
  round: z.optional(z.int()),
  signedAt: z.optional(z.string()),
});
export type TaskSignOff = z.infer<typeof TaskSignOffSchema>;

/** GET /api/hr/checklists/documents: what a template task may ask the person to sign. */
export const SignableDocumentSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** The document's folder ("handbook"). */
  category: z.string(),
});
export type SignableDocument = z.infer<typeof SignableDocumentSchema>;

export const ChecklistTaskSchema = z.object({
  id: IdSchema,
  title: z.string(),
  assigneeName: z.string(),
  assigneeUserId: z.optional(z.string()),
  assigneeRole: z.optional(z.enum(PRACTICE_ROLES)),
  dueDate: DateSchema,
  link: z.optional(z.string()),
  done: z.boolean(),
  doneAt: z.optional(z.string()),
  doneBy: z.optional(z.string()),
  signOff: z.optional(TaskSignOffSchema),
});
export type ChecklistTask = z.infer<typeof ChecklistTaskSchema>;

export const ChecklistSchema = z.object({
  id: IdSchema,
  staffId: IdSchema,
  staffName: z.string(),
  staffRole: z.enum(STAFF_ROLES),
  kind: z.enum(CHECKLIST_KINDS),
  /** The hire date (onboarding) or the last day (offboarding) the due dates count from. */
  anchorDate: DateSchema,
  status: z.enum(['open', 'done']),
  tasks: z.array(ChecklistTaskSchema),
  startedAt: z.string(),
  startedBy: z.string(),
  version: z.int(),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

/** POST /api/hr/checklists/:id/done: one task ticked, at the checklist's version. */
export const ChecklistTaskDoneSchema = z.strictObject({ taskId: IdSchema, version: VersionSchema });

export const CHECKLIST_SORTS = ['startedAt', 'name', 'anchorDate'] as const;

/** GET /api/hr/checklists */
export const ChecklistListQuerySchema = z.extend(PageQuerySchema, {
  status: z.optional(z.enum(['open', 'done', 'all'], 'Choose open, done or all')),
  kind: z.optional(z.enum(CHECKLIST_KINDS, 'Choose onboarding or offboarding')),
  sort: z.optional(z.enum(CHECKLIST_SORTS, 'Sort by start, name or date')),
  dir: z.optional(z.enum(['asc', 'desc'], 'Sort ascending or descending')),
});
export type ChecklistListQuery = z.infer<typeof ChecklistListQuerySchema>;

export const ChecklistIdParamsSchema = z.object({ id: IdSchema });
