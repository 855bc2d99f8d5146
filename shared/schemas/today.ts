import * as z from 'zod/mini';
import { PRACTICE_ROLES } from '../roles.ts';
import '../validation.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';

/** Where an item comes from: a module's own things, or a person who jotted it down. */
export const TODAY_SOURCES = ['today', 'scheduling', 'documents', 'billing', 'hr', 'platform'] as const;
export type TodaySource = (typeof TODAY_SOURCES)[number];
export const TODAY_SOURCE_LABELS: Record<TodaySource, string> = {
  today: 'Request',
  scheduling: 'Schedule',
  documents: 'Documents',
  billing: 'Billing',
  hr: 'HR',
  platform: 'Rounds',
};

export const TODAY_PRIORITIES = ['high', 'normal', 'low'] as const;
export type TodayPriority = (typeof TODAY_PRIORITIES)[number];

const Text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'Required'), z.maxLength(max));
const OptionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

/** Who an item waits on: one person, or everyone holding a role (whoever gets to it first). */
export const AssigneeSchema = z.union([
  z.strictObject({ userId: IdSchema }),
  z.strictObject({ role: z.enum(PRACTICE_ROLES, 'Choose a role') }),
]);
export type Assignee = z.infer<typeof AssigneeSchema>;

export const TodayCommentSchema = z.object({
  at: z.string(),
  by: z.string(),
  byUserId: z.string(),
  text: z.string(),
});

export const TodayItemSchema = z.object({
  id: IdSchema,
  source: z.enum(TODAY_SOURCES),
  /** What kind of thing within its source: "request", "recall", "reminder_failed"… */
  kind: z.string(),
  title: z.string(),
  detail: z.optional(z.string()),
  /** In-app path to the thing itself. */
  link: z.optional(z.string()),
  assigneeUserId: z.optional(z.string()),
  assigneeRole: z.optional(z.enum(PRACTICE_ROLES)),
  /** Display name of the person or role it is assigned to. */
  assigneeName: z.string(),
  /** Who asked for it (a jotted request), in their words. */
  requestedBy: z.optional(z.string()),
  /** On whose behalf (a patient, a provider), in the requester's words. */
  forWhom: z.optional(z.string()),
  dueDate: z.optional(DateSchema),
  /** Listed among upcoming from this day even when due after the upcoming window (an early alert). */
  remindFrom: z.optional(DateSchema),
  priority: z.enum(TODAY_PRIORITIES),
  status: z.enum(['open', 'done']),
  snoozedUntil: z.optional(DateSchema),
  createdAt: z.string(),
  createdByUserId: z.optional(z.string()),
  createdByName: z.string(),
  doneAt: z.optional(z.string()),
  doneByName: z.optional(z.string()),
  comments: z.array(TodayCommentSchema),
  version: VersionSchema,
});
export type TodayItem = z.infer<typeof TodayItemSchema>;

/** A request jotted down by a person (the one-line parser fills these from "call Aetna rep fri"). */
export const TodayRequestInputSchema = z.strictObject({
  title: Text(200),
  detail: OptionalText(1000),
  assignee: z.optional(AssigneeSchema),
  requestedBy: OptionalText(100),
  forWhom: OptionalText(100),
  dueDate: z.optional(DateSchema),
  priority: z.optional(z.enum(TODAY_PRIORITIES, 'Choose a priority')),
});
export type TodayRequestInput = z.infer<typeof TodayRequestInputSchema>;

/** One change to an item; each carries the version it was read at. */
export const TodayActionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('done'), version: VersionSchema }),
  z.strictObject({ action: z.literal('reopen'), version: VersionSchema }),
  z.strictObject({ action: z.literal('snooze'), until: DateSchema, version: VersionSchema }),
  z.strictObject({ action: z.literal('reassign'), assignee: AssigneeSchema, version: VersionSchema }),
  z.strictObject({ action: z.literal('comment'), text: Text(500), version: VersionSchema }),
]);
export type TodayAction = z.infer<typeof TodayActionSchema>;

export const TODAY_SECTIONS = ['overdue', 'today', 'upcoming', 'waiting'] as const;
export type TodaySection = (typeof TODAY_SECTIONS)[number];

/** "What needs me now": the caller's open items by section, in the practice's local day. */
export const TodayViewSchema = z.object({
  /** The practice's local date the sections are computed for. */
  date: DateSchema,
  /** Whose items: the caller's (and their role's), or everyone's (owners and managers). */
  scope: z.enum(['mine', 'everyone']),
  overdue: z.array(TodayItemSchema),
  today: z.array(TodayItemSchema),
  upcoming: z.array(TodayItemSchema),
  /** Open items the caller asked someone else for. */
  waiting: z.array(TodayItemSchema),
  /** Snoozed or due after the upcoming window: counted, not listed. */
  later: z.int(),
  snoozed: z.int(),
});
export type TodayView = z.infer<typeof TodayViewSchema>;

export const TodayViewQuerySchema = z.strictObject({
  scope: z.optional(z.enum(['mine', 'everyone'])),
});

/** The navigation badge: open items of the caller that are due today or overdue. */
export const TodayCountsSchema = z.object({ due: z.int(), overdue: z.int(), open: z.int() });
export type TodayCounts = z.infer<typeof TodayCountsSchema>;

export const TodayDoneQuerySchema = z.object({
  ...PageQuerySchema.shape,
  /** Words the title, detail, requester or assignee contain. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
});

/** Days ahead the "upcoming" section looks; later items are only counted. */
export const UPCOMING_DAYS = 14;

/** Who an item can be assigned to: the active team (names only) and the practice roles. */
export const TodayAssigneesSchema = z.object({
  people: z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(PRACTICE_ROLES) })),
  roles: z.array(z.object({ role: z.enum(PRACTICE_ROLES), label: z.string() })),
});
export type TodayAssignees = z.infer<typeof TodayAssigneesSchema>;

/** A person's Today preferences: the morning email at 07:00 (on unless turned off). */
export const TodayPreferencesSchema = z.strictObject({ digest: z.boolean() });
export type TodayPreferences = z.infer<typeof TodayPreferencesSchema>;
