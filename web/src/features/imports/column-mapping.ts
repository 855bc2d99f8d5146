/**
 * The column-mapping step's state: which of the file's columns holds each field of the kind, first
 * matched by name and alias (or by the chosen saved source), then as the user changes it; and the
 * source whose mapping is saved when the import starts. ImportWorkbench owns it, ImportColumns shows it.
 */
import { createEffect, createMemo, createSignal, on } from 'solid-js';
import {
  applySavedMapping,
  headerKey,
  suggestMapping,
  unmappedRequired,
} from '../../../../shared/import-mapping.ts';
import type { ImportSource } from '../../../../shared/schemas/import-sources.ts';
import type { ImportColumn, ImportMapping } from '../../../../shared/schemas/imports.ts';
import { createSource, deleteSource, listSources, updateSource } from './import-sources-api.ts';

export function createColumnMapping(opts: {
  endpoint: () => string;
  kind: () => string;
  columns: () => readonly ImportColumn[];
  /** The file's header row as written; undefined until a file is read. */
  headers: () => string[] | undefined;
}) {
  // A plain signal, not a resource: the page must not suspend while the sources load.
  const [sources, setSources] = createSignal<ImportSource[]>([]);
  async function refetch(): Promise<void> {
    const kind = opts.kind();
    // Without the list the page still imports: sources are then only offered once it loads.
    const items = await listSources(opts.endpoint(), kind).catch(() => [] as ImportSource[]);
    if (opts.kind() === kind) setSources(items);
  }
  createEffect(on(opts.kind, () => void refetch()));
  const [sourceName, setSourceName] = createSignal('');
  // Equal mappings are one value: re-applying a source just saved must not reset the preview or the run.
  const [mapping, setMapping] = createSignal<ImportMapping>({}, { equals: sameMapping });
  /** Headers the chosen source names that this file does not have. */
  const [missing, setMissing] = createSignal<string[]>([]);

  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  /** The saved source the typed name is, if any. */
  const chosen = createMemo(() => {
    const name = sourceName();
    return name.trim() ? sources().find((s) => sameName(s.name, name)) : undefined;
  });

  const chosenId = createMemo(() => chosen()?.id);

  // A new file, kind or chosen source starts from the source's mapping, else from the header names.
  createEffect(
    on([opts.headers, opts.columns, chosenId], () => {
      const headers = opts.headers();
      if (!headers) {
        setMapping({});
        setMissing([]);
        return;
      }
      const source = chosen();
      const next = source
        ? applySavedMapping(opts.columns(), headers, source.mapping)
        : { mapping: suggestMapping(opts.columns(), headers), missing: [] };
      setMapping(next.mapping);
      setMissing(next.missing);
    }),
  );
  // Another kind has other sources.
  createEffect(on(opts.kind, () => setSourceName(''), { defer: true }));

  function setField(field: string, header: string) {
    setMapping((m) => {
      const next = { ...m };
      if (header) next[field] = header;
      else delete next[field];
      return next;
    });
  }

  /** The required fields no column is chosen for. */
  const unmapped = () => unmappedRequired(opts.columns(), mapping());
  /** The file's columns no field reads. */
  const ignored = () => {
    const used = new Set(Object.values(mapping()).map(headerKey));
    return (opts.headers() ?? []).filter((h) => h.trim() !== '' && !used.has(headerKey(h)));
  };

  /** Saves the mapping for the named source (new, or changed since it was saved); nothing when unnamed. */
  async function saveForImport(): Promise<void> {
    const name = sourceName().trim();
    if (!name) return;
    const source = chosen();
    const now = mapping();
    if (!source) await createSource(opts.endpoint(), { kind: opts.kind(), name, mapping: now });
    else if (!sameMapping(source.mapping, now))
      await updateSource(opts.endpoint(), source.id, { mapping: now, version: source.version });
    else return;
    await refetch();
  }

  async function rename(source: ImportSource, name: string): Promise<void> {
    const typedIt = chosen()?.id === source.id;
    await updateSource(opts.endpoint(), source.id, { name, version: source.version });
    if (typedIt) setSourceName(name);
    await refetch();
  }

  async function remove(source: ImportSource): Promise<void> {
    await deleteSource(opts.endpoint(), source.id);
    if (chosen()?.id === source.id) setSourceName('');
    await refetch();
  }

  return {
    sources,
    sourceName,
    setSourceName,
    chosen,
    mapping,
    setField,
    missing,
    unmapped,
    ignored,
    saveForImport,
    rename,
    remove,
  };
}

export type ColumnMapping = ReturnType<typeof createColumnMapping>;

function sameMapping(a: ImportMapping, b: ImportMapping): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** Why the preview waits: the kind's own words first (they may say the file is of another kind), then the fix here. */
export function unmappedProblem(unmapped: string[], kindProblem: string | undefined): string {
  const how = `choose the ${unmapped.length === 1 ? 'column that holds' : 'columns that hold'} ${unmapped.join(', ')} in step 3, “Match the columns”.`;
  return kindProblem ? `${kindProblem} Or ${how}` : `${how.charAt(0).toUpperCase()}${how.slice(1)}`;
}
