import { query } from '@solidjs/router';
import type * as z from 'zod/mini';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { DayBoard } from '../../../../shared/schemas/day-board.ts';
import type {
  Appointment,
  AppointmentType,
  DayHours,
  Patient,
  PatientInput,
  PatientMatch,
  Provider,
  WaitlistEntry,
  WeekViewSchema,
} from '../../../../shared/schemas/scheduling.ts';
import type { Location } from '../../../../shared/schemas/tenants.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';

export interface DayView {
  date: string;
  locationId: string;
  timeZone: string;
  appointments: Appointment[];
}
export interface Slot {
  providerId: string;
  date: string;
  time: string;
  start: string;
}

export const listLocations = query(
  () => api<Page<Location>>('/locations', { query: { limit: 100 } }),
  'schedLocations',
);
export const listProviders = query(
  () => api<Page<Provider>>('/scheduling/providers', { query: { limit: 100 } }),
  'schedProviders',
);
export const listTypes = query(
  () => api<Page<AppointmentType>>('/scheduling/types', { query: { limit: 100 } }),
  'schedTypes',
);
/** The schedule's first paint in one request; the route preloads it with the address's location and date. */
export const getBoard = query(
  (locationId?: string, date?: string) => api<DayBoard>('/scheduling/board', { query: { locationId, date } }),
  'schedBoard',
);

export const getDay = query(
  (locationId: string, date: string) => api<DayView>('/scheduling/day', { query: { locationId, date } }),
  'schedDay',
);

export const getDayHours = query(
  (locationId: string, date: string) =>
    api<DayHours>('/scheduling/day/hours', { query: { locationId, date } }),
  'schedDayHours',
);

export type WeekView = z.infer<typeof WeekViewSchema>;
export const getWeek = query(
  (providerId: string, weekOf: string) =>
    api<WeekView>('/scheduling/week', { query: { providerId, weekOf } }),
  'schedWeek',
);

/** Free starts for a type, soonest first: two weeks and a dozen times unless asked for more. */
export const findSlots = (q: {
  typeId: string;
  locationId: string;
  providerIds?: string[];
  from: string;
  days?: number;
  limit?: number;
}) =>
  api<{ slots: Slot[]; emptyReason?: string }>('/scheduling/slots', {
    query: {
      typeId: q.typeId,
      locationId: q.locationId,
      providerIds: q.providerIds?.length ? q.providerIds.join(',') : undefined,
      from: q.from,
      days: q.days ?? 14,
      limit: q.limit ?? 12,
    },
  });

/** The picker's search: last name, "last, first", "first last", birth date or phone (audited). */
export const searchPatients = (q: string) =>
  api<Page<PatientMatch>>('/scheduling/patients/search', { query: { q: q || undefined, limit: 8 } });

export const listPatients = query(
  (q: string | undefined, cursor: string | undefined, limit: number) =>
    api<Page<Patient>>('/scheduling/patients', { query: { q, cursor, limit } }),
  'schedPatients',
);

export const createPatient = (input: PatientInput) =>
  mutate(api<Patient>('/scheduling/patients', { method: 'POST', body: input }), listPatients.key);

/** A patient's visits, latest first; every page read is in the audit log. */
export const listPatientVisits = query(
  (patientId: string, cursor: string | undefined, limit: number) =>
    api<Page<Appointment>>(`/scheduling/patients/${patientId}/visits`, { query: { cursor, limit } }),
  'schedPatientVisits',
);

/** A rename shows on the patient's visits too, so the grids re-read. */
export const updatePatient = (id: string, body: PatientInput & { version: number }) =>
  mutate(api<Patient>(`/scheduling/patients/${id}`, { method: 'PUT', body }), [
    listPatients.key,
    listPatientVisits.key,
    getBoard.key,
    getDay.key,
    getWeek.key,
  ]);

/** Every change re-reads the day and the week, so the grids and the flow board show what the server holds. */
const changing = <T>(call: Promise<T>) => mutate(call, [getBoard.key, getDay.key, getWeek.key]);

export const book = (body: Record<string, unknown>) =>
  changing(api<Appointment>('/scheduling/appointments', { method: 'POST', body }));

export const setStatus = (a: Appointment, status: string) =>
  changing(
    api<Appointment>(`/scheduling/appointments/${a.id}/status`, {
      method: 'POST',
      body: { status, version: a.version },
    }),
  );

/** Takes back a mistaken no-show or check-out. */
export const undoStatus = (a: Appointment) =>
  changing(
    api<Appointment>(`/scheduling/appointments/${a.id}/undo`, {
      method: 'POST',
      body: { version: a.version },
    }),
  );

/** One patient's record (an audited read), for the visit dialog's contact and insurance lines. */
export const getPatient = (id: string) => api<Patient>(`/scheduling/patients/${id}`);

export const cancelVisit = (a: Appointment, by: 'patient' | 'practice') =>
  changing(
    api<Appointment & { waitlistMatches: WaitlistEntry[] }>(`/scheduling/appointments/${a.id}/cancel`, {
      method: 'POST',
      body: { by, version: a.version },
    }),
  );

export const moveVisit = (
  a: Appointment,
  to: { date: string; time: string; providerId: string; override?: { reason: string } },
) =>
  changing(
    api<Appointment & { waitlistMatches: WaitlistEntry[] }>(`/scheduling/appointments/${a.id}/reschedule`, {
      method: 'POST',
      body: { ...to, version: a.version },
    }),
  );
