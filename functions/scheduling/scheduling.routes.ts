import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { appointmentRoutes } from './appointments.routes.ts';
import { boardRoutes } from './board.routes.ts';
import { hoursRoutes } from './hours.routes.ts';
import { importRoutes } from './import.routes.ts';
import { patientRoutes } from './patients.routes.ts';
import { reminderRoutes } from './reminders.routes.ts';
import { reportRoutes } from './reports.routes.ts';
import { setupRoutes } from './setup.routes.ts';
import { setupGuideRoutes } from './setup-guide.routes.ts';
import { waitlistRoutes } from './waitlist.routes.ts';

/** Scheduling domain: setup, patients, booking, the day's flow and the slot finder. */
export function createSchedulingApp(p: Platform) {
  const { route, domain } = defineDomain('scheduling', p);
  const tag = 'scheduling';
  // Registration order is the order of the OpenAPI document's paths.
  setupGuideRoutes(route, tag);
  boardRoutes(route, tag);
  patientRoutes(route, tag);
  waitlistRoutes(route, tag);
  setupRoutes(route, tag, p);
  hoursRoutes(route, tag);
  appointmentRoutes(route, tag);
  reportRoutes(route, tag);
  importRoutes(route, tag);
  reminderRoutes(route, tag, p);

  return domain;
}
