import * as z from 'zod/mini';
import '../validation.ts';
import { PRACTICE_ROLES } from '../roles.ts';
import { DateSchema, IdSchema, PageQuerySchema, VersionSchema } from './common.ts';

/**
 * Staff meetings' wire shapes: the meeting, its agenda (anyone in the practice adds a topic), who
 * attended, the minutes, and action items with an owner (a person with a login, or a role) and a due
 * date. An action item still open is carried onto the agenda of every later meeting until done.
 */

const Text = (max: number, required: string) =>
  z.string().check(z.trim(), z.minLength(1, required), z.maxLength(max, `At most ${max} characters`));
const OptionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, `At most ${max} characters`)));
const TimeSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 12:30'));

/** POST /api/hr/meetings */
export const MeetingInputSchema = z.strictObject({
  title: Text(120, 'Give the meeting a title'),
  date: DateSchema,
  time: TimeSchema,
  location: OptionalText(120),
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

/** PUT /api/hr/meetings/:id: the details, who attended and the minutes, at the version read. */
export const MeetingUpdateSchema = z.strictObject({
  title: Text(120, 'Give the meeting a title'),
  date: DateSchema,
  time: TimeSchema,
  location: OptionalText(120),
  attendeeIds: z.array(IdSchema).check(z.maxLength(200, 'At most 200 people')),
  minutes: z.optional(z.string().check(z.maxLength(20_000, 'At most 20,000 characters'))),
  version: VersionSchema,
});
export type MeetingUpdate = z.infer<typeof MeetingUpdateSchema>;

/** POST /api/hr/meetings/:id/topics */
export const AgendaTopicInputSchema = z.strictObject({
  title: Text(200, 'Say what you want to talk about'),
  note: OptionalText(1000),
});
export type AgendaTopicInput = z.infer<typeof AgendaTopicInputSchema>;

/** Who owns an action item: a person from the directory with a Rounds login, or everyone in a role. */
export const ActionOwnerInputSchema = z.union(
  [z.strictObject({ staffId: IdSchema }), z.strictObject({ role: z.enum(PRACTICE_ROLES, 'Choose a role') })],
  'Choose a person or a role',
);

/** POST /api/hr/meetings/:id/actions */
export const ActionItemInputSchema = z.strictObject({
  title: Text(200, 'Say what needs doing'),
  owner: ActionOwnerInputSchema,
  dueDate: DateSchema,
});
export type ActionItemInput = z.infer<typeof ActionItemInputSchema>;

/** POST /api/hr/meetings/actions/:id/done: the action item's meeting and the version read. */
export const ActionDoneSchema = z.strictObject({ meetingId: IdSchema, version: VersionSchema });

export const AgendaTopicSchema = z.object({
  id: IdSchema,
  title: z.string(),
  note: z.optional(z.string()),
  addedByName: z.string(),
  addedAt: z.string(),
});
export type AgendaTopic = z.infer<typeof AgendaTopicSchema>;

export const ActionItemSchema = z.object({
  id: IdSchema,
  meetingId: z.string(),
  /** The day of the meeting it was raised in. */
  meetingDate: DateSchema,
  title: z.string(),
  ownerStaffId: z.optional(z.string()),
  ownerUserId: z.optional(z.string()),
  ownerRole: z.optional(z.enum(PRACTICE_ROLES)),
  ownerName: z.string(),
  dueDate: DateSchema,
  status: z.enum(['open', 'done']),
  doneAt: z.optional(z.string()),
  doneByName: z.optional(z.string()),
  version: z.int(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;

export const MeetingSchema = z.object({
  id: IdSchema,
  title: z.string(),
  date: DateSchema,
  time: z.string(),
  location: z.optional(z.string()),
  attendeeIds: z.array(z.string()),
  minutes: z.optional(z.string()),
  createdByName: z.string(),
  version: z.int(),
});
export type Meeting = z.infer<typeof MeetingSchema>;

/** GET /api/hr/meetings/:id */
export const MeetingDetailSchema = z.object({
  ...MeetingSchema.shape,
  attendees: z.array(z.object({ staffId: z.string(), name: z.string() })),
  topics: z.array(AgendaTopicSchema),
  /** Action items of earlier meetings still open when this one was held ("carried over from <date>"). */
  carried: z.array(ActionItemSchema),
  actions: z.array(ActionItemSchema),
});
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

/** GET /api/hr/meetings?when=upcoming|past */
export const MeetingListQuerySchema = z.extend(PageQuerySchema, {
  when: z.optional(z.enum(['upcoming', 'past'], 'Choose upcoming or past')),
});
export type MeetingListQuery = z.infer<typeof MeetingListQuerySchema>;

export const MeetingIdParamsSchema = z.object({ id: IdSchema });
