import * as z from 'zod/mini';
import { IdSchema } from '../../shared/schemas/common.ts';
import {
  AppointmentSchema,
  BookingInputSchema,
  CancelInputSchema,
  CancelResultSchema,
  DayHoursSchema,
  DayQuerySchema,
  DayViewSchema,
  RescheduleInputSchema,
  SlotListSchema,
  SlotQuerySchema,
  StatusInputSchema,
  WeekQuerySchema,
  WeekViewSchema,
} from '../../shared/schemas/scheduling.ts';
import { VersionOnlySchema } from '../../shared/schemas/team.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import * as booking from './booking.service.ts';
import * as flow from './flow.service.ts';
import * as views from './schedule-views.service.ts';
import * as slots from './slots.service.ts';

/** Cancel and move: a provider only their own visits (checked in booking.service.ts). */
const visitChangeRoles = 'patientFlow';
const IdParams = z.object({ id: IdSchema });

type Route = ReturnType<typeof defineDomain>['route'];

/** Appointments: the slot finder, the day and week views, booking and the day's flow. */
export function appointmentRoutes(route: Route, tag: string) {
  // --- booking and the day ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/slots',
      summary: 'Find the next free slots',
      roles: 'practice',
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
      roles: 'practice',
      query: DayQuerySchema,
      response: DayViewSchema,
    },
    (r) => views.dayView(r.db, r.query.locationId, r.query.date),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/day/hours',
      summary: "Each provider's working hours at a location on a date",
      roles: 'practice',
      query: DayQuerySchema,
      response: DayHoursSchema,
    },
    (r) => views.dayHours(r.db, r.query.locationId, r.query.date),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/week',
      summary: "A provider's week, all locations",
      roles: 'practice',
      query: WeekQuerySchema,
      response: WeekViewSchema,
    },
    (r) => views.weekView(r.db, r.query.providerId, r.query.weekOf),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/appointments',
      summary: 'Book an appointment',
      roles: 'frontDesk',
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
      roles: 'practice',
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
      roles: 'patientFlow',
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
      roles: 'patientFlow',
      params: IdParams,
      body: VersionOnlySchema,
      response: AppointmentSchema,
    },
    (r) => flow.undoStatus(r.db, r.params.id, r.body.version),
  );
}
