import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import {
  DOCUMENT_FOLDERS,
  DocumentCreateSchema,
  type DocumentDto,
  type DocumentFolder,
  FOLDER_LABELS,
} from '../../../../shared/schemas/documents.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Badge } from '../../components/ui/Badge.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField, TextField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { Tabs, tabPanelProps } from '../../components/ui/Tabs.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { mutate } from '../../lib/mutation.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { createDocument, listDocuments } from './api.ts';
import { VersionBadge } from './VersionText.tsx';
import './documents.css';

const isFolder = (v: string | undefined): v is DocumentFolder =>
  (DOCUMENT_FOLDERS as readonly string[]).includes(v ?? '');
const FOLDER_OPTIONS = DOCUMENT_FOLDERS.map((f) => ({ value: f, label: FOLDER_LABELS[f] }));

/** "Title, folder, tags" for a new document; it opens in the editor once created. */
function NewDocument(props: { folder?: DocumentFolder }) {
  const navigate = useNavigate();
  const [title, setTitle] = createSignal('');
  const [folder, setFolder] = createSignal<string>(props.folder ?? 'policies');
  const [tags, setTags] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const input = {
      title: title(),
      folder: folder(),
      tags: tags()
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    };
    const parsed = DocumentCreateSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await mutate(createDocument(parsed.data), 'documents');
      navigate(`/app/documents/${created.id}`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} aria-labelledby="doc-new-title" novalidate>
      <h2 id="doc-new-title" class="card-title">
        New document
      </h2>
      <FormAlert message={failure()} />
      <div class="form-row">
        <TextField label="Title" name="title" value={title()} onInput={setTitle} error={errors().title} />
        <SelectField
          label="Folder"
          name="folder"
          value={folder()}
          onChange={setFolder}
          options={FOLDER_OPTIONS}
        />
        <TextField
          label="Tags"
          name="tags"
          value={tags()}
          onInput={setTags}
          optional
          hint="Separate with commas, e.g. HIPAA, front desk"
          error={errors().tags}
        />
      </div>
      <div>
        <Button type="submit" variant="primary" busy={busy()}>
          Create and write
        </Button>
      </div>
    </form>
  );
}

/**
 * Where a document stands: the version in force, and for owners and managers the newest version
 * when it is newer (a draft, in review or approved). People who only read see the version in force.
 */
function LibraryStatus(props: { doc: DocumentDto; admin: boolean }) {
  const published = () => props.doc.publishedVersion;
  const newer = () => props.admin && props.doc.latestVersion !== published();
  return (
    <span class="doc-library-status">
      <Show when={published()}>{(n) => <VersionBadge number={n()} status="published" />}</Show>
      <Show when={newer()}>
        <VersionBadge number={props.doc.latestVersion} status={props.doc.latestStatus} />
      </Show>
      <Show when={published() === undefined && !props.admin}>
        <Badge>Not published</Badge>
      </Show>
      <Show when={props.doc.awaitingMySignature}>
        <Badge tone="warning">Awaiting your signature</Badge>
      </Show>
    </span>
  );
}

/** The library: folders as tabs, title search, and for owners and managers a new document. */
export function DocumentsPage() {
  const [params, setParams] = useSearchParams<{ folder?: string; q?: string }>();
  const folder = () => (isFolder(params.folder) ? params.folder : undefined);
  const [search, setSearch] = createSignal(params.q ?? '');
  const list = createPagedList(
    () => `${folder() ?? 'all'}|${params.q ?? ''}`,
    (cursor) => listDocuments({ folder: folder(), q: params.q || undefined }, cursor, PAGE_SIZE),
  );
  const canWrite = () => {
    const m = me();
    return m ? canAccess(m, 'documents-write') : false;
  };
  return (
    <div class="page">
      <PageHeader
        title="Documents"
        description="The handbook, policies, procedures, forms and patient education: written here, versioned, printed on your letterhead."
        actions={<A href="/app/files">Files</A>}
      />
      <div class="stack-lg">
        <Show when={canWrite()}>
          <section class="card">
            <div class="card-body">
              <NewDocument folder={folder()} />
            </div>
          </section>
        </Show>
        <section class="card" aria-labelledby="docs-list-title">
          <div class="card-header">
            <h2 id="docs-list-title" class="card-title">
              {folder() ? FOLDER_LABELS[folder()!] : 'All documents, latest change first'}
            </h2>
            <form
              class="card-actions"
              aria-label="Find documents"
              onSubmit={(e) => {
                e.preventDefault();
                setParams({ q: search().trim() || undefined }, { replace: true });
              }}
            >
              <TextField
                label="Search the library"
                placeholder="Title, tag or text"
                name="q"
                type="search"
                value={search()}
                onInput={setSearch}
                class="inline-field"
              />
              <Button type="submit" size="sm">
                Search
              </Button>
            </form>
          </div>
          <div class="card-body">
            <Tabs
              label="Folders"
              idPrefix="doc-folder"
              wrap
              tabs={[
                { id: 'all', label: 'All' },
                ...FOLDER_OPTIONS.map((o) => ({ id: o.value, label: o.label })),
              ]}
              selected={folder() ?? 'all'}
              onSelect={(id) => setParams({ folder: id === 'all' ? undefined : id }, { replace: true })}
            />
            <div {...tabPanelProps('doc-folder', folder() ?? 'all')}>
              <DataTable
                caption="Documents"
                loading={list.loading()}
                rows={list.items()}
                empty={
                  <Show when={!list.loading()}>
                    <EmptyState title={params.q ? 'No title matches' : 'No documents here yet'}>
                      <p>
                        {params.q
                          ? 'Try fewer or shorter words.'
                          : 'Owners and managers write documents here.'}
                      </p>
                    </EmptyState>
                  </Show>
                }
                columns={[
                  {
                    header: 'Title',
                    cell: (d: DocumentDto) => (
                      <A href={`/app/documents/${d.id}`} class="break">
                        {d.title}
                      </A>
                    ),
                  },
                  { header: 'Folder', cell: (d: DocumentDto) => FOLDER_LABELS[d.folder] },
                  { header: 'Tags', cell: (d: DocumentDto) => d.tags.join(', ') || '—' },
                  {
                    header: 'Status',
                    cell: (d: DocumentDto) => <LibraryStatus doc={d} admin={canWrite()} />,
                  },
                  {
                    header: 'Changed',
                    cell: (d: DocumentDto) => (
                      <>
                        <time datetime={d.updatedAt}>{formatDateTime(d.updatedAt)}</time> by {d.updatedByName}
                      </>
                    ),
                  },
                ]}
              />
              <ListPager label="Documents" list={list} />
            </div>
          </div>
        </section>
      </div>
    </div>
  );
}
