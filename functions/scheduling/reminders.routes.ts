import * as z from 'zod/mini';
import {
  ReminderActionSchema,
  ReminderLinkViewSchema,
  ReminderSettingsSchema,
  UpdateReminderSettingsSchema,
} from '../../shared/schemas/scheduling.ts';
import '../../shared/validation.ts';
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as reminderSettings from './reminder-settings.service.ts';
import * as reminders from './reminders.service.ts';

const LinkParams = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,60}$/)) });

type Route = ReturnType<typeof defineDomain>['route'];

/** Reminders: when they go out, and the link a patient opens from one (no sign-in). */
export function reminderRoutes(route: Route, tag: string, p: Platform) {
  // --- reminders ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/reminder-settings',
      summary: 'When appointment reminders go out',
      roles: 'practice',
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
      roles: 'practiceAdmins',
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
}
