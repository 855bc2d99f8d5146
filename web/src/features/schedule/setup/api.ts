import { query } from '@solidjs/router';
import type { Page } from '../../../../../shared/schemas/common.ts';
import type {
  AppointmentType,
  AppointmentTypeInput,
  ExceptionInput,
  Provider,
  ProviderInput,
  ReminderSettings,
  Resource,
  ResourceInput,
  ScheduleException,
  Template,
  TemplateInput,
} from '../../../../../shared/schemas/scheduling.ts';
import type { User } from '../../../../../shared/schemas/team.ts';
import { api } from '../../../lib/api.ts';
import { mutate } from '../../../lib/mutation.ts';
import { getBoard, listProviders, listTypes } from '../api.ts';

/** Setup shapes the day board (providers, types, rooms, hours): every change re-reads it too. */
const setupChange = <T>(call: Promise<T>, key: string | string[]) =>
  mutate(call, [...(Array.isArray(key) ? key : [key]), getBoard.key]);

export interface Feed {
  token: string;
  url: string;
  showNames: boolean;
  version: number;
}

export const listResources = query(
  () => api<Page<Resource>>('/scheduling/resources', { query: { limit: 100 } }),
  'schedResources',
);
export const listTemplates = query(
  () => api<Page<Template>>('/scheduling/templates', { query: { limit: 100 } }),
  'schedTemplates',
);
export const listExceptions = query(
  (cursor: string | undefined, limit: number) =>
    api<Page<ScheduleException>>('/scheduling/exceptions', { query: { cursor, limit } }),
  'schedExceptions',
);
export const getReminderSettings = query(
  () => api<ReminderSettings>('/scheduling/reminder-settings'),
  'schedReminderSettings',
);
/** Active team members, to link a provider to the person who signs in as them. */
export const listPeople = query(
  () => api<Page<User>>('/team', { query: { status: 'active', limit: 100 } }),
  'schedPeople',
);

export const createProvider = (body: ProviderInput) =>
  setupChange(api<Provider>('/scheduling/providers', { method: 'POST', body }), listProviders.key);
export const updateProvider = (id: string, body: ProviderInput & { version: number }) =>
  setupChange(api<Provider>(`/scheduling/providers/${id}`, { method: 'PUT', body }), listProviders.key);
export const setProviderActive = (p: Provider, active: boolean) =>
  setupChange(
    api<Provider>(`/scheduling/providers/${p.id}/${active ? 'reactivate' : 'deactivate'}`, {
      method: 'POST',
      body: { version: p.version },
    }),
    listProviders.key,
  );
export const createFeed = (p: Provider, showNames: boolean) =>
  setupChange(
    api<Feed>(`/scheduling/providers/${p.id}/feed`, {
      method: 'POST',
      body: { showNames, version: p.version },
    }),
    listProviders.key,
  );
export const revokeFeed = (p: Provider) =>
  setupChange(
    api<void>(`/scheduling/providers/${p.id}/feed/revoke`, { method: 'POST', body: { version: p.version } }),
    listProviders.key,
  );

export const createType = (body: AppointmentTypeInput) =>
  setupChange(api<AppointmentType>('/scheduling/types', { method: 'POST', body }), listTypes.key);
export const updateType = (id: string, body: AppointmentTypeInput & { version: number }) =>
  setupChange(api<AppointmentType>(`/scheduling/types/${id}`, { method: 'PUT', body }), listTypes.key);
/** Retires a visit type (no new bookings) or offers it again; booked visits keep it either way. */
export const setTypeActive = (t: AppointmentType, active: boolean) =>
  setupChange(
    api<AppointmentType>(`/scheduling/types/${t.id}/${active ? 'reactivate' : 'deactivate'}`, {
      method: 'POST',
      body: { version: t.version },
    }),
    listTypes.key,
  );

export const createResource = (body: ResourceInput) =>
  setupChange(api<Resource>('/scheduling/resources', { method: 'POST', body }), listResources.key);
export const updateResource = (id: string, body: ResourceInput & { version: number }) =>
  setupChange(api<Resource>(`/scheduling/resources/${id}`, { method: 'PUT', body }), listResources.key);
/** Retires a room or equipment (no new bookings) or brings it back; booked visits keep it either way. */
export const setResourceActive = (r: Resource, active: boolean) =>
  setupChange(
    api<Resource>(`/scheduling/resources/${r.id}/${active ? 'reactivate' : 'deactivate'}`, {
      method: 'POST',
      body: { version: r.version },
    }),
    listResources.key,
  );

export const createTemplate = (body: TemplateInput) =>
  setupChange(api<Template>('/scheduling/templates', { method: 'POST', body }), listTemplates.key);
export const deleteTemplate = (t: Template) =>
  setupChange(
    api<void>(`/scheduling/templates/${t.providerId}/${t.id}`, { method: 'DELETE' }),
    listTemplates.key,
  );

export const createException = (body: ExceptionInput) =>
  setupChange(api<ScheduleException>('/scheduling/exceptions', { method: 'POST', body }), listExceptions.key);
export const deleteException = (e: ScheduleException) =>
  setupChange(
    api<void>(`/scheduling/exceptions/${e.startDate}/${e.id}`, { method: 'DELETE' }),
    listExceptions.key,
  );

export const saveReminderSettings = (body: { enabled: boolean; hoursBefore: number[]; version: number }) =>
  setupChange(
    api<ReminderSettings>('/scheduling/reminder-settings', { method: 'PUT', body }),
    getReminderSettings.key,
  );
