import * as z from 'zod/mini';
import { PRACTICE_ROLES } from '../../shared/roles.ts';
import { IdSchema, PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  AppointmentSchema,
  AppointmentTypeInputSchema,
  AppointmentTypeSchema,
  BookingInputSchema,
  CancelInputSchema,
  CancelResultSchema,
  DateSchema,
  DayHoursSchema,
  DayQuerySchema,
  DayViewSchema,
  ExceptionInputSchema,
  ExceptionSchema,
  ImportInputSchema,
  ImportResultSchema,
  MeasuresQuerySchema,
  MeasuresSchema,
  MonthlyMeasuresSchema,
  MonthsQuerySchema,
  ProviderInputSchema,
  ProviderSchema,
  ReminderActionSchema,
  ReminderLinkViewSchema,
  ReminderSettingsSchema,
  RescheduleInputSchema,
  ResourceInputSchema,
  ResourceSchema,
  SlotListSchema,
  SlotQuerySchema,
  StatusInputSchema,
  TemplateInputSchema,
  TemplateSchema,
  UpdateProviderSchema,
  UpdateReminderSettingsSchema,
  UpdateResourceSchema,
  WeekQuerySchema,
  WeekViewSchema,
} from '../../shared/schemas/scheduling.ts';
import { VersionOnlySchema } from '../../shared/schemas/team.ts';
import '../../shared/validation.ts';
import { notFound } from '../platform/errors.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { boardRoutes } from './board.routes.ts';
import * as booking from './booking.service.ts';
import * as feeds from './feed.service.ts';
import * as fhir from './fhir.service.ts';
import * as flow from './flow.service.ts';
import * as imports from './import.service.ts';
import * as measuresService from './measures.service.ts';
import { patientRoutes } from './patients.routes.ts';
import * as reminderSettings from './reminder-settings.service.ts';
import * as reminders from './reminders.service.ts';
import * as setup from './setup.service.ts';
import { setupGuideRoutes } from './setup-guide.routes.ts';
import * as slots from './slots.service.ts';
import { waitlistRoutes } from './waitlist.routes.ts';

const admins = ['owner', 'manager'] as const;
const frontDesk = ['owner', 'manager', 'staff'] as const;
const flowRoles = ['owner', 'manager', 'staff', 'provider'] as const;
/** Cancel and move: a provider only their own visits (checked in booking.service.ts). */
const visitChangeRoles = flowRoles;
const IdParams = z.object({ id: IdSchema });
const FeedParams = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,60}$/)) });
const FeedInputSchema = z.strictObject({ showNames: z.boolean(), version: z.int().check(z.minimum(1)) });
const FeedSchema = z.object({ token: z.string(), url: z.string(), showNames: z.boolean(), version: z.int() });
const FhirQuerySchema = z.object({ locationId: IdSchema, from: DateSchema, to: DateSchema });
const LinkParams = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,60}$/)) });
const TemplateParams = z.object({ providerId: IdSchema, id: IdSchema });
const ExceptionParams = z.object({ startDate: DateSchema, id: IdSchema });
const UpdateTypeSchema = z.strictObject({
  ...AppointmentTypeInputSchema.shape,
  version: z.int().check(z.minimum(1)),
});

/** Scheduling domain: setup, patients, booking, the day's flow and the slot finder. */
export function createSchedulingApp(p: Platform) {
  const { route, domain } = defineDomain('scheduling', p);
  const tag = 'scheduling';
  setupGuideRoutes(route, tag);
  boardRoutes(route, tag);
  patientRoutes(route, tag);
  waitlistRoutes(route, tag);

  // --- providers ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/providers',
      summary: 'List providers',
      roles: PRACTICE_ROLES,
      query: PageQuerySchema,
      response: pageOf(ProviderSchema),
    },
    (r) => setup.listProviders(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers',
      summary: 'Add a provider',
      roles: admins,
      body: ProviderInputSchema,
      response: ProviderSchema,
      status: 201,
    },
    (r) => setup.createProvider(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/providers/:id',
      summary: 'Update a provider',
      roles: admins,
      params: IdParams,
      body: UpdateProviderSchema,
      response: ProviderSchema,
    },
    (r) => setup.updateProvider(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/deactivate',
      summary: 'Stop booking a provider',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      response: ProviderSchema,
    },
    (r) => setup.setProviderActive(r.db, r.params.id, false, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/reactivate',
      summary: 'Book a provider again',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      response: ProviderSchema,
    },
    (r) => setup.setProviderActive(r.db, r.params.id, true, r.body.version),
  );

  // --- calendar feeds ---
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/feed',
      summary: 'Create (or replace) a provider’s calendar feed URL',
      roles: admins,
      params: IdParams,
      body: FeedInputSchema,
      response: FeedSchema,
      status: 201,
    },
    async (r, c) => {
      const feed = await feeds.createFeed(r.db, r.params.id, r.body);
      return { ...feed, url: `${new URL(c.req.url).origin}/api/scheduling/feeds/${feed.token}` };
    },
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/feed/revoke',
      summary: 'Revoke a provider’s calendar feed',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      status: 204,
    },
    (r) => feeds.revokeFeed(r.db, r.params.id, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/feeds/:token',
      summary: 'A provider’s calendar (iCalendar); the secret token is the only key',
      roles: 'public',
      params: FeedParams,
    },
    async (r) => {
      const ics = await feeds.renderFeed(p.store, r.params.token, p.clock.now());
      if (!ics) throw notFound('Calendar feed');
      return new Response(ics, {
        headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
      });
    },
  );

  // --- rooms, equipment, appointment types ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/resources',
      summary: 'List rooms and equipment',
      roles: PRACTICE_ROLES,
      query: PageQuerySchema,
      response: pageOf(ResourceSchema),
    },
    (r) => setup.listResources(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/resources',
      summary: 'Add a room or equipment',
      roles: admins,
      body: ResourceInputSchema,
      response: ResourceSchema,
      status: 201,
    },
    (r) => setup.createResource(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/resources/:id',
      summary: 'Rename a room or equipment, or change its kind or location',
      roles: admins,
      params: IdParams,
      body: UpdateResourceSchema,
      response: ResourceSchema,
    },
    (r) => setup.updateResource(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/resources/:id/deactivate',
      summary: 'Retire a room or equipment (booked visits keep it)',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      response: ResourceSchema,
    },
    (r) => setup.setResourceActive(r.db, r.params.id, false, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/resources/:id/reactivate',
      summary: 'Book a retired room or equipment again',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      response: ResourceSchema,
    },
    (r) => setup.setResourceActive(r.db, r.params.id, true, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/types',
      summary: 'List appointment types',
      roles: PRACTICE_ROLES,
      query: PageQuerySchema,
      response: pageOf(AppointmentTypeSchema),
    },
    (r) => setup.listTypes(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/types',
      summary: 'Add an appointment type',
      roles: admins,
      body: AppointmentTypeInputSchema,
      response: AppointmentTypeSchema,
      status: 201,
    },
    (r) => setup.createType(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/types/:id',
      summary: 'Update an appointment type',
      roles: admins,
      params: IdParams,
      body: UpdateTypeSchema,
      response: AppointmentTypeSchema,
    },
    (r) => setup.updateType(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/types/:id/deactivate',
      summary: 'Retire an appointment type (booked visits keep it)',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      response: AppointmentTypeSchema,
    },
    (r) => setup.setTypeActive(r.db, r.params.id, false, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/types/:id/reactivate',
      summary: 'Offer a retired appointment type again',
      roles: admins,
      params: IdParams,
      body: VersionOnlySchema,
      response: AppointmentTypeSchema,
    },
    (r) => setup.setTypeActive(r.db, r.params.id, true, r.body.version),
  );

  // --- availability ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/templates',
      summary: 'List weekly hours',
      roles: PRACTICE_ROLES,
      query: PageQuerySchema,
      response: pageOf(TemplateSchema),
    },
    (r) => setup.listTemplates(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/templates',
      summary: 'Add weekly hours for a provider',
      roles: admins,
      body: TemplateInputSchema,
      response: TemplateSchema,
      status: 201,
    },
    (r) => setup.createTemplate(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'delete',
      path: '/scheduling/templates/:providerId/:id',
      summary: 'Remove weekly hours',
      roles: admins,
      params: TemplateParams,
      status: 204,
    },
    (r) => setup.deleteTemplate(r.db, r.params.providerId, r.params.id),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/exceptions',
      summary: 'List time off, holidays and closures',
      roles: PRACTICE_ROLES,
      query: PageQuerySchema,
      response: pageOf(ExceptionSchema),
    },
    (r) => setup.listExceptions(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/exceptions',
      summary: 'Add time off, a holiday or a closure',
      roles: admins,
      body: ExceptionInputSchema,
      response: ExceptionSchema,
      status: 201,
    },
    (r) => setup.createException(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'delete',
      path: '/scheduling/exceptions/:startDate/:id',
      summary: 'Remove time off, a holiday or a closure',
      roles: admins,
      params: ExceptionParams,
      status: 204,
    },
    (r) => setup.deleteException(r.db, r.params.startDate, r.params.id),
  );

  // --- booking and the day ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/slots',
      summary: 'Find the next free slots',
      roles: PRACTICE_ROLES,
      query: SlotQuerySchema,
      response: SlotListSchema,
    },
    (r) =>
      slots.findSlots(r.db, {
        typeId: r.query.typeId,
        locationId: r.query.locationId,
        providerIds: r.query.providerIds?.split(','),
        from: r.query.from,
        days: Number(r.query.days ?? 7),
        limit: Number(r.query.limit ?? 20),
      }),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/day',
      summary: "A location's day, all providers",
      roles: PRACTICE_ROLES,
      query: DayQuerySchema,
      response: DayViewSchema,
    },
    (r) => booking.dayView(r.db, r.query.locationId, r.query.date),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/day/hours',
      summary: "Each provider's working hours at a location on a date",
      roles: PRACTICE_ROLES,
      query: DayQuerySchema,
      response: DayHoursSchema,
    },
    (r) => booking.dayHours(r.db, r.query.locationId, r.query.date),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/week',
      summary: "A provider's week, all locations",
      roles: PRACTICE_ROLES,
      query: WeekQuerySchema,
      response: WeekViewSchema,
    },
    (r) => booking.weekView(r.db, r.query.providerId, r.query.weekOf),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/appointments',
      summary: 'Book an appointment',
      roles: frontDesk,
      body: BookingInputSchema,
      response: AppointmentSchema,
      status: 201,
    },
    (r) => booking.book(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/appointments/:id',
      summary: 'Get an appointment',
      roles: PRACTICE_ROLES,
      params: IdParams,
      response: AppointmentSchema,
    },
    (r) => booking.requireAppointment(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/appointments/:id/reschedule',
      summary: 'Move an appointment (linked)',
      roles: visitChangeRoles,
      params: IdParams,
      body: RescheduleInputSchema,
      response: CancelResultSchema,
      status: 201,
    },
    (r) => booking.reschedule(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/appointments/:id/cancel',
      summary: 'Cancel an appointment',
      roles: visitChangeRoles,
      params: IdParams,
      body: CancelInputSchema,
      response: CancelResultSchema,
    },
    (r) => booking.cancel(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/appointments/:id/status',
      summary: 'Confirm, check in, room, check out or no-show',
      roles: flowRoles,
      params: IdParams,
      body: StatusInputSchema,
      response: AppointmentSchema,
    },
    (r) => booking.setStatus(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/appointments/:id/undo',
      summary: 'Take back a mistaken no-show or check-out (audited)',
      roles: flowRoles,
      params: IdParams,
      body: VersionOnlySchema,
      response: AppointmentSchema,
    },
    (r) => flow.undoStatus(r.db, r.params.id, r.body.version),
  );

  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/fhir',
      summary: 'Export a location’s days as a FHIR R4 Bundle (audited)',
      roles: admins,
      query: FhirQuerySchema,
    },
    (r) => fhir.exportFhir(r.db, r.query),
  );

  // --- measures ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/measures',
      summary: 'No-show, late-cancel and utilization week over week; time to third next available',
      roles: ['owner', 'manager', 'billing'] as const,
      query: MeasuresQuerySchema,
      response: MeasuresSchema,
    },
    (r) =>
      measuresService.measures(r.db, {
        locationId: r.query.locationId,
        weekOf: r.query.weekOf,
        weeks: Number(r.query.weeks ?? 8),
      }),
  );

  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/measures/months',
      summary: 'Completed months’ measures (stored once computed, for benchmarks)',
      roles: ['owner', 'manager', 'billing'] as const,
      query: MonthsQuerySchema,
      response: z.object({ months: z.array(MonthlyMeasuresSchema) }),
    },
    async (r) => ({
      months: await measuresService.monthlyMeasures(r.db, {
        locationId: r.query.locationId,
        months: Number(r.query.months ?? 6),
      }),
    }),
  );

  // --- CSV import ---
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/imports',
      summary: 'Import (or preview) a chunk of patient or appointment CSV rows; re-imports change nothing',
      roles: admins,
      body: ImportInputSchema,
      response: ImportResultSchema,
    },
    (r) => imports.importChunk(r.db, r.body),
  );

  // --- reminders ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/reminder-settings',
      summary: 'When appointment reminders go out',
      roles: PRACTICE_ROLES,
      response: ReminderSettingsSchema,
    },
    (r) => reminderSettings.getReminderSettings(r.db),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/reminder-settings',
      summary: 'Change when appointment reminders go out',
      roles: admins,
      body: UpdateReminderSettingsSchema,
      response: ReminderSettingsSchema,
    },
    (r) => reminderSettings.updateReminderSettings(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/reminder-links/:token',
      summary: 'What a reminder link shows the patient (no sign-in)',
      roles: 'public',
      params: LinkParams,
      response: ReminderLinkViewSchema,
    },
    (r) => reminders.viewReminderLink(p, r.params.token),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/reminder-links/:token',
      summary: 'Confirm, cancel or stop reminders from the link (no sign-in)',
      roles: 'public',
      params: LinkParams,
      body: ReminderActionSchema,
      response: ReminderLinkViewSchema,
    },
    (r) => reminders.actOnReminderLink(p, r.params.token, r.body.action),
  );

  return domain;
}
