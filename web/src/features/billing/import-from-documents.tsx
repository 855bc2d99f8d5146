import { Show } from 'solid-js';
import type { Page } from '../../../../shared/schemas/common.ts';
import type { FileDto } from '../../../../shared/schemas/files.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadBoundary } from '../../components/ui/LoadBoundary.tsx';
import { DataTable, ListPager } from '../../components/ui/Table.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createPagedList, PAGE_SIZE } from '../../lib/paging.ts';
import { getFile, listFiles } from '../documents/api.ts';
import { fileSize } from '../documents/PdfFile.tsx';

/**
 * The billing import's second way in: an X12 file kept in Documents. Billing and Documents meet
 * only here, in the browser: Documents lists the files and hands out a download link, the page
 * reads the text through it and sends it to the same preview and import as a chosen file.
 */

/**
 * Whether a ready file may be an X12 file. Documents decides a file's type from its content, never
 * its name, and keeps X12 as text/plain (functions/platform/files/sniff.ts): so every text file is
 * offered, whatever it is called (clearinghouses name them .835, .837, .edi, .x12, .txt or nothing),
 * and a PDF, image or CSV never is, even one named "claims.835". The preview checks the rest.
 */
export const mayBeX12 = (f: FileDto) => f.status === 'ready' && f.contentType === 'text/plain';

/** Files are read a page at a time and sifted; a page with few text files reads on, a few times at most. */
const FETCH_SIZE = PAGE_SIZE;
const FETCHES_PER_PAGE = 4;

/** A page of the practice's X12-looking files, newest first (Files has no type filter: pages are sifted). */
async function x12Page(cursor: string | undefined): Promise<Page<FileDto>> {
  const items: FileDto[] = [];
  let next: string | undefined = cursor;
  for (let i = 0; i < FETCHES_PER_PAGE; i++) {
    const page = await listFiles('date', next, FETCH_SIZE);
    items.push(...page.items.filter(mayBeX12));
    next = page.nextCursor ?? undefined;
    if (items.length >= PAGE_SIZE / 2 || !next) break;
  }
  return { items, nextCursor: next ?? null };
}

/**
 * The file's text, read through its short-lived download link. In the cloud the link is a presigned
 * GET on the files bucket, which answers CORS for the app's origin (infra/constructs/files.ts).
 */
export async function readDocumentsFile(f: FileDto): Promise<string> {
  const { download } = await getFile(f.id);
  let res: Response;
  try {
    res = await fetch(new URL(download.url, window.location.href).href, { cache: 'no-store' });
  } catch {
    throw new ApiError(
      0,
      'network',
      `Couldn't read “${f.name}” from Documents: check your connection and try again.`,
    );
  }
  if (!res.ok)
    throw new ApiError(
      res.status,
      'download_failed',
      `Couldn't read “${f.name}” from Documents (${res.status}).`,
    );
  return res.text();
}

function X12FileList(props: { onChoose: (f: FileDto) => void }) {
  const list = createPagedList(() => 'x12', x12Page);
  return (
    <>
      <DataTable<FileDto>
        caption="Text files in Documents, newest first"
        loading={list.loading()}
        rows={list.items()}
        empty={
          <Show when={!list.loading()}>
            <EmptyState title={list.hasNext() ? 'No X12 file among these' : 'No X12 files in Documents'}>
              {list.hasNext()
                ? 'Look at older files with Next.'
                : 'Upload the X12 files your payers and billing system produce in Documents, Files; or choose one from this computer.'}
            </EmptyState>
          </Show>
        }
        columns={[
          { header: 'Name', cell: (f) => <span class="strong break-any">{f.name}</span> },
          {
            header: 'Added',
            cell: (f) => (
              <span class="small">
                <time datetime={f.readyAt ?? f.createdAt}>{formatDateTime(f.readyAt ?? f.createdAt)}</time> by{' '}
                {f.createdByName}
              </span>
            ),
          },
          { header: 'Size', cell: (f) => fileSize(f.size), class: 'num' },
          {
            header: 'Use',
            cell: (f) => (
              <Button size="sm" onClick={() => props.onChoose(f)} aria-label={`Read ${f.name}`}>
                Read
              </Button>
            ),
          },
        ]}
      />
      <ListPager label="Text files in Documents" list={list} />
    </>
  );
}

/** The practice's X12-looking files in a dialog; the list is read afresh each time it opens. */
export function DocumentsX12Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  onChoose: (f: FileDto) => void;
}) {
  return (
    <Dialog
      open={props.open}
      title={props.title}
      onClose={props.onClose}
      footer={<Button onClick={props.onClose}>Cancel</Button>}
    >
      <div class="stack">
        <p class="muted small">
          Text files kept in Documents (X12 is plain text). Reading one shows what importing it would do;
          nothing is saved until you import.
        </p>
        <Show when={props.open}>
          <LoadBoundary what="files in Documents" keys={[listFiles.key]}>
            <X12FileList onChoose={props.onChoose} />
          </LoadBoundary>
        </Show>
      </div>
    </Dialog>
  );
}
