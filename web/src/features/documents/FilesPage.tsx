import { useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { FILE_TYPE_LABELS, type FileDto, type FileSort } from '../../../../shared/schemas/files.ts';
import { canAccess } from '../../app/access.ts';
import { me } from '../../app/session.ts';
import { FormAlert } from '../../components/ui/Alert.tsx';
import { Button } from '../../components/ui/Button.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { SelectField } from '../../components/ui/Field.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { toast } from '../../components/ui/Toast.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { mutate } from '../../lib/mutation.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { getFile, listFiles, uploadFile } from './api.ts';

const SORTS: { value: FileSort; label: string }[] = [
  { value: 'date', label: 'Newest first' },
  { value: 'name', label: 'Name, A to Z' },
];
const isSort = (v: string | undefined): v is FileSort => SORTS.some((s) => s.value === v);

/** "2.4 MB", "18 KB", "512 bytes". */
function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const typeLabel = (f: FileDto) =>
  FILE_TYPE_LABELS[f.contentType as keyof typeof FILE_TYPE_LABELS] ?? f.contentType;

function UploadForm() {
  let input!: HTMLInputElement;
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      setError('Choose a file first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await mutate(uploadFile(file), 'files');
      toast.success(`“${saved.name}” uploaded.`);
      input.value = '';
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} aria-labelledby="files-upload-title">
      <h2 id="files-upload-title" class="card-title">
        Upload a file
      </h2>
      <p class="card-description">PDF, PNG, JPEG, CSV or plain-text files (X12 included), up to 10 MB.</p>
      <FormAlert message={error()} />
      <div class="field">
        <label for="files-upload-input">Choose a file</label>
        <input
          id="files-upload-input"
          ref={input}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.csv,.txt,.x12,.edi,application/pdf,image/png,image/jpeg,text/csv,text/plain"
        />
      </div>
      <div>
        <Button type="submit" variant="primary" busy={busy()}>
          Upload
        </Button>
      </div>
    </form>
  );
}

export function FilesPage() {
  const [params, setParams] = useSearchParams<{ sort?: string }>();
  const sort = (): FileSort => (isSort(params.sort) ? params.sort : 'date');
  const list = createPagedList(
    () => sort(),
    (cursor) => listFiles(sort(), cursor, PAGE_SIZE),
  );
  const canUpload = () => {
    const m = me();
    return m ? canAccess(m, 'files-upload') : false;
  };
  const download = async (f: FileDto) => {
    try {
      const { download } = await getFile(f.id);
      window.location.assign(download.url);
    } catch (err) {
      toast.error(errorMessage(err));
    }
  };
  return (
    <div class="page">
      <PageHeader
        title="Files"
        description="The practice's PDFs, images and text files. Types are checked from the content, not the name."
      />
      <div class="stack-lg">
        <Show when={canUpload()}>
          <section class="card">
            <div class="card-body">
              <UploadForm />
            </div>
          </section>
        </Show>
        <section class="card" aria-labelledby="files-list-title">
          <div class="card-header">
            <h2 id="files-list-title" class="card-title">
              All files
            </h2>
            <div class="card-actions">
              <SelectField
                label="Sort"
                name="sort"
                value={sort()}
                onChange={(v) => setParams({ sort: v === 'date' ? undefined : v }, { replace: true })}
                options={SORTS}
                class="inline-field"
              />
            </div>
          </div>
          <div class="card-body">
            <DataTable
              caption="Files"
              loading={list.loading()}
              rows={list.items()}
              empty={
                <Show when={!list.loading()}>
                  <EmptyState title="No files yet">
                    <p>Uploaded files appear here for everyone in the practice.</p>
                  </EmptyState>
                </Show>
              }
              columns={[
                { header: 'Name', cell: (f) => <span class="break">{f.name}</span> },
                { header: 'Type', cell: typeLabel },
                { header: 'Size', cell: (f) => fileSize(f.size) },
                {
                  header: 'Added',
                  cell: (f) => (
                    <>
                      <time datetime={f.readyAt ?? f.createdAt}>
                        {formatDateTime(f.readyAt ?? f.createdAt)}
                      </time>{' '}
                      by {f.createdByName}
                    </>
                  ),
                },
                {
                  header: 'Actions',
                  headerHidden: true,
                  cell: (f) => (
                    <Button size="sm" onClick={() => download(f)} aria-label={`Download ${f.name}`}>
                      Download
                    </Button>
                  ),
                },
              ]}
            />
            <ListPager label="Files" list={list} />
          </div>
        </section>
      </div>
    </div>
  );
}
