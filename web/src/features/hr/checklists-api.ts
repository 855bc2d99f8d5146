import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  Checklist,
  ChecklistListQuery,
  ChecklistStart,
  ChecklistTemplate,
  ChecklistTemplateInput,
  SignableDocument,
} from '../../../../shared/schemas/hr-checklists.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

export type ChecklistFilters = Pick<ChecklistListQuery, 'status' | 'kind' | 'sort' | 'dir'>;

export const listChecklistTemplates = query(
  () => api<{ items: ChecklistTemplate[] }>('/hr/checklists/templates'),
  'hrChecklistTemplates',
);

/** Published documents a template task may ask the person to sign. */
export const listSignableDocuments = query(
  () => api<{ items: SignableDocument[] }>('/hr/checklists/documents'),
  'hrChecklistDocuments',
);

export const listChecklists = query(
  (f: ChecklistFilters, cursor: string | undefined, limit: number) =>
    api<Page<Checklist>>('/hr/checklists', {
      query: { status: f.status, kind: f.kind, sort: f.sort, dir: f.dir, cursor, limit },
    }),
  'hrChecklists',
);

export const getChecklist = query(
  (id: string) => api<Checklist>(`/hr/checklists/${encodeURIComponent(id)}`),
  'hrChecklist',
);

const KEYS = [listChecklists.key, getChecklist.key, getToday.key, getTodayCounts.key];

export const saveChecklistTemplate = (body: ChecklistTemplateInput) =>
  mutate(api<ChecklistTemplate>('/hr/checklists/templates', { method: 'PUT', body }), [
    listChecklistTemplates.key,
  ]);

export const startChecklist = (body: ChecklistStart) =>
  mutate(api<Checklist>('/hr/checklists', { method: 'POST', body }), KEYS);

export const completeChecklistTask = (id: string, taskId: string, version: number) =>
  mutate(
    api<Checklist>(`/hr/checklists/${encodeURIComponent(id)}/done`, {
      method: 'POST',
      body: { taskId, version },
    }),
    KEYS,
  );
