import type { RoleGroup } from '../../../shared/roles.ts';
import {
  ImportSourceListSchema,
  ImportSourceParamsSchema,
  ImportSourceSchema,
  ImportSourceUpdateSchema,
  importSourceInputSchema,
  importSourcesQuerySchema,
} from '../../../shared/schemas/import-sources.ts';
import type { defineDomain } from '../http/route.ts';
import {
  createImportSource,
  deleteImportSource,
  type KindsByName,
  listImportSources,
  updateImportSource,
} from './import-source.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * A module's saved import sources, under its import path (`<path>/sources`): the same module, Lambda
 * and roles as its imports, so whoever may import a kind may keep its sources.
 */
export function importSourceRoutes(
  route: Route,
  opts: { tag: string; path: string; roles: RoleGroup; kinds: KindsByName },
): void {
  const { tag, roles, kinds } = opts;
  const names = [...kinds.keys()] as [string, ...string[]];
  const base = `${opts.path}/sources`;
  route(
    {
      tag,
      method: 'get',
      path: base,
      summary: 'Saved import sources (a name and its column mapping), of one kind or all',
      roles,
      query: importSourcesQuerySchema(names),
      response: ImportSourceListSchema,
    },
    (r) => listImportSources(r.db, kinds, r.query.kind),
  );
  route(
    {
      tag,
      method: 'post',
      path: base,
      summary: 'Save an import source: its name and the column mapping its files use',
      roles,
      body: importSourceInputSchema(names),
      response: ImportSourceSchema,
      status: 201,
    },
    (r) => createImportSource(r.db, kinds.get(r.body.kind)!, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: `${base}/:id`,
      summary: 'Rename an import source or save its new column mapping',
      roles,
      params: ImportSourceParamsSchema,
      body: ImportSourceUpdateSchema,
      response: ImportSourceSchema,
    },
    (r) => updateImportSource(r.db, kinds, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'delete',
      path: `${base}/:id`,
      summary: 'Delete a saved import source (imported rows stay)',
      roles,
      params: ImportSourceParamsSchema,
      status: 204,
    },
    (r) => deleteImportSource(r.db, kinds, r.params.id),
  );
}
