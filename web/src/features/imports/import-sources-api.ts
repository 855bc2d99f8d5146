/** The saved import sources of a module's import route (`<endpoint>/sources`, functions/platform/imports). */
import type { ImportSource, ImportSourceList } from '../../../../shared/schemas/import-sources.ts';
import type { ImportMapping } from '../../../../shared/schemas/imports.ts';
import { api } from '../../lib/api.ts';

export const listSources = (endpoint: string, kind: string) =>
  api<ImportSourceList>(`${endpoint}/sources`, { query: { kind } }).then((l) => l.items);

export const createSource = (
  endpoint: string,
  body: { kind: string; name: string; mapping: ImportMapping },
) => api<ImportSource>(`${endpoint}/sources`, { method: 'POST', body });

export const updateSource = (
  endpoint: string,
  id: string,
  body: { name?: string; mapping?: ImportMapping; version: number },
) => api<ImportSource>(`${endpoint}/sources/${encodeURIComponent(id)}`, { method: 'PUT', body });

export const deleteSource = (endpoint: string, id: string) =>
  api<void>(`${endpoint}/sources/${encodeURIComponent(id)}`, { method: 'DELETE' });
