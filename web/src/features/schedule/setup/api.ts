import { query, revalidate } from '@solidjs/router';
import type { Page } from '../../../../../shared/schemas/common.ts';
import type {
  AppointmentType,
  AppointmentTypeInput,
  ExceptionInput,
  Provider,
  ProviderInput,
  ReminderSettings,
  Resource,
  ScheduleException,
  Template,
  TemplateInput,
} from '../../../../../shared/schemas/scheduling.ts';
import type { User } from '../../../../../shared/schemas/team.ts';
import { api } from '../../../lib/api.ts';
import { listProviders, listTypes } from '../api.ts';

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

/** Runs a change, then re-reads the list it touched (also when it fails: someone else may have changed it). */
async function then<T>(call: Promise<T>, key: string | string[]): Promise<T> {
  try {
    return await call;
  } finally {
    await revalidate(key);
  }
}

export const createProvider = (body: ProviderInput) =>
  then(api<Provider>('/scheduling/providers', { method: 'POST', body }), listProviders.key);
export const updateProvider = (id: string, body: ProviderInput & { version: number }) =>
  then(api<Provider>(`/scheduling/providers/${id}`, { method: 'PUT', body }), listProviders.key);
export const setProviderActive = (p: Provider, active: boolean) =>
  then(
    api<Provider>(`/scheduling/providers/${p.id}/${active ? 'reactivate' : 'deactivate'}`, {
      method: 'POST',
      body: { version: p.version },
    }),
    listProviders.key,
  );
export const createFeed = (p: Provider, showNames: boolean) =>
  then(
    api<Feed>(`/scheduling/providers/${p.id}/feed`, {
      method: 'POST',
      body: { showNames, version: p.version },
    }),
    listProviders.key,
  );
export const revokeFeed = (p: Provider) =>
  then(
    api<void>(`/scheduling/providers/${p.id}/feed/revoke`, { method: 'POST', body: { version: p.version } }),
    listProviders.key,
  );

export const createType = (body: AppointmentTypeInput) =>
  then(api<AppointmentType>('/scheduling/types', { method: 'POST', body }), listTypes.key);
export const updateType = (id: string, body: AppointmentTypeInput & { version: number }) =>
  then(api<AppointmentType>(`/scheduling/types/${id}`, { method: 'PUT', body }), listTypes.key);

export const createResource = (body: { locationId: string; name: string; kind: string }) =>
  then(api<Resource>('/scheduling/resources', { method: 'POST', body }), listResources.key);

export const createTemplate = (body: TemplateInput) =>
  then(api<Template>('/scheduling/templates', { method: 'POST', body }), listTemplates.key);
export const deleteTemplate = (t: Template) =>
  then(api<void>(`/scheduling/templates/${t.providerId}/${t.id}`, { method: 'DELETE' }), listTemplates.key);

export const createException = (body: ExceptionInput) =>
  then(api<ScheduleException>('/scheduling/exceptions', { method: 'POST', body }), listExceptions.key);
export const deleteException = (e: ScheduleException) =>
  then(api<void>(`/scheduling/exceptions/${e.startDate}/${e.id}`, { method: 'DELETE' }), listExceptions.key);

export const saveReminderSettings = (body: { enabled: boolean; hoursBefore: number[]; version: number }) =>
  then(
    api<ReminderSettings>('/scheduling/reminder-settings', { method: 'PUT', body }),
    getReminderSettings.key,
  );
