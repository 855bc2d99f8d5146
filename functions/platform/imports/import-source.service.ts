import { mappingProblems } from '../../../shared/import-mapping.ts';
import {
  IMPORT_SOURCES_MAX,
  type ImportSource,
  type ImportSourceList,
  type ImportSourceUpdate,
} from '../../../shared/schemas/import-sources.ts';
import type { ImportMapping } from '../../../shared/schemas/imports.ts';
import type { TenantDb } from '../db/tenant-db.ts';
import { conflict, notFound, validationFailed } from '../errors.ts';
import { newId } from '../ids.ts';
import type { AnyImportKind } from './import-kind.ts';
import { importSourceRepo, type SourceItem } from './import-source.repo.ts';

/**
 * Saved import sources of a module's kinds: list, save, rename or re-map, delete. A module only
 * sees sources of its own kinds; any other id (another module's, another tenant's) is not found.
 * Headers are not checked against a file here (there is none): the import checks them per file.
 */

const dto = ({ createdAt: _c, ...s }: SourceItem): ImportSource => s;

/** A mapping's fields must be the kind's columns; a bad one is a 400 naming it. */
function checkFields(kind: AnyImportKind, mapping: ImportMapping): void {
  const problems = mappingProblems(kind.columns, mapping);
  if (problems.length) throw validationFailed(problems, problems[0]!.message);
}

/** The module's kinds by name, so every lookup also scopes a source to its module. */
export type KindsByName = ReadonlyMap<string, AnyImportKind>;

async function ownSource(db: TenantDb, kinds: KindsByName, id: string): Promise<SourceItem> {
  const source = await importSourceRepo.get(db, id);
  if (!source || !kinds.has(source.kind)) throw notFound('Source');
  return source;
}

/** The sources of the module's kinds (or of one kind), by name. */
export async function listImportSources(
  db: TenantDb,
  kinds: KindsByName,
  kind: string | undefined,
): Promise<ImportSourceList> {
  const all = await importSourceRepo.list(db);
  const items = all
    .filter((s) => (kind ? s.kind === kind : kinds.has(s.kind)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(dto);
  return { items };
}

export async function createImportSource(
  db: TenantDb,
  kind: AnyImportKind,
  input: { name: string; mapping: ImportMapping },
): Promise<ImportSource> {
  checkFields(kind, input.mapping);
  // The cap keeps the list one bounded read; a practice has a handful of billing systems.
  if ((await importSourceRepo.list(db)).length >= IMPORT_SOURCES_MAX)
    throw conflict(
      `At most ${IMPORT_SOURCES_MAX} import sources can be saved. Delete one you no longer use.`,
    );
  const now = db.now().toISOString();
  const source: SourceItem = {
    id: newId(db.now().getTime()),
    kind: kind.kind,
    name: input.name,
    mapping: input.mapping,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await importSourceRepo.create(db, source, {
    action: 'imports.source_saved',
    entityType: 'import_source',
    entityId: source.id,
    entityName: source.name,
    summary: `Saved the column mapping of an import source (${kind.label})`,
  });
  return dto(source);
}

export async function updateImportSource(
  db: TenantDb,
  kinds: KindsByName,
  id: string,
  input: ImportSourceUpdate,
): Promise<ImportSource> {
  const before = await ownSource(db, kinds, id);
  const kind = kinds.get(before.kind)!;
  if (input.mapping) checkFields(kind, input.mapping);
  const change = {
    name: input.name ?? before.name,
    mapping: input.mapping ?? before.mapping,
    updatedAt: db.now().toISOString(),
  };
  await importSourceRepo.update(db, { ...before, version: input.version }, change, {
    action: 'imports.source_updated',
    entityType: 'import_source',
    entityId: id,
    entityName: change.name,
    summary:
      change.name !== before.name
        ? `Renamed an import source from “${before.name}” (${kind.label})`
        : `Updated the column mapping of an import source (${kind.label})`,
  });
  return dto({ ...before, ...change, version: input.version + 1 });
}

export async function deleteImportSource(db: TenantDb, kinds: KindsByName, id: string): Promise<void> {
  const source = await ownSource(db, kinds, id);
  await importSourceRepo.remove(db, source, {
    action: 'imports.source_deleted',
    entityType: 'import_source',
    entityId: id,
    entityName: source.name,
    summary: `Deleted an import source (${kinds.get(source.kind)!.label})`,
  });
}
