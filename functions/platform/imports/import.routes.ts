import type * as z from 'zod/mini';
import type { RoleGroup } from '../../../shared/roles.ts';
import { ImportResultBaseSchema, importInputSchema } from '../../../shared/schemas/imports.ts';
import { IMPORT_BODY_BYTES } from '../http/body-limit.ts';
import type { defineDomain } from '../http/route.ts';
import { importChunk } from './import.service.ts';
import { type AnyImportKind, registerImportKinds } from './import-kind.ts';
import { importSourceRoutes } from './import-source.routes.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Mounts a module's import route inside the module's own app (`POST <path>`, body `{ kind, csv,
 * dryRun, firstRow? }`). Each module keeps its imports under its own API prefix rather than one
 * platform-wide `/imports/:kind`: in the cloud each module is its own Lambda with its own table
 * permissions, and a kind's `apply` runs the module's services, so the request must land there.
 * The kinds' saved sources (column mappings by name) are mounted beside it, at `<path>/sources`.
 */
export function importRoutes(
  route: Route,
  opts: {
    tag: string;
    path: string;
    summary: string;
    roles: RoleGroup;
    kinds: readonly [AnyImportKind, ...AnyImportKind[]];
    /** The result as documented: the base result, extended with what the kinds' `summarize` adds. */
    response?: z.ZodMiniType;
  },
): void {
  registerImportKinds(...opts.kinds);
  const byName = new Map(opts.kinds.map((k) => [k.kind, k]));
  const names = opts.kinds.map((k) => k.kind) as [string, ...string[]];
  route(
    {
      tag: opts.tag,
      method: 'post',
      path: opts.path,
      summary: opts.summary,
      roles: opts.roles,
      body: importInputSchema(names),
      maxBodyBytes: IMPORT_BODY_BYTES,
      response: opts.response ?? ImportResultBaseSchema,
    },
    (r) => importChunk(r.db, byName.get(r.body.kind)!, r.body),
  );
  importSourceRoutes(route, { tag: opts.tag, path: opts.path, roles: opts.roles, kinds: byName });
}
