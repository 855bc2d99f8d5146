import { createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import type { ImportRowError } from '../../../../shared/schemas/imports.ts';
import { DataTable, Pager } from '../../components/ui/Table.tsx';
import { PAGE_SIZE } from '../../lib/paging.ts';
import { toCsv } from './csv-chunks.ts';

export type RowError = ImportRowError;

/** The rows the API refused, 20 to a page, with the list downloadable as CSV to fix the file by. */
export function RowErrors(props: { errors: RowError[]; fileName: string }) {
  const [page, setPage] = createSignal(1);
  const pages = () => Math.max(1, Math.ceil(props.errors.length / PAGE_SIZE));
  // A new run's list starts on its first page.
  createEffect(
    on(
      () => props.errors,
      () => setPage(1),
      { defer: true },
    ),
  );
  const shown = () => props.errors.slice((page() - 1) * PAGE_SIZE, page() * PAGE_SIZE);
  const first = () => (page() - 1) * PAGE_SIZE + 1;
  const last = () => Math.min(page() * PAGE_SIZE, props.errors.length);

  const download = createMemo(() => {
    const csv = toCsv([
      ['row', 'column', 'problem'],
      ...props.errors.map((e) => [String(e.row), e.field, e.message]),
    ]);
    return URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  });
  createEffect(() => {
    const url = download();
    onCleanup(() => URL.revokeObjectURL(url));
  });

  return (
    <div class="import-errors">
      <div class="import-errors-head">
        <h3 class="subheading" id="import-errors-title">
          Rows to fix ({props.errors.length} {props.errors.length === 1 ? 'problem' : 'problems'})
        </h3>
        <a
          class="btn btn-secondary btn-sm"
          href={download()}
          download={`${props.fileName.replace(/\.csv$/i, '')}-errors.csv`}
        >
          Download the list (CSV)
        </a>
      </div>
      <p class="field-hint">
        Row numbers are as in your spreadsheet: the header is row 1.
        {props.errors.length > PAGE_SIZE ? ` Showing ${first()}–${last()} of ${props.errors.length}.` : ''}
      </p>
      <DataTable
        caption="Rows with errors"
        rows={shown()}
        empty={null}
        columns={[
          { header: 'Row', cell: (e) => <span class="strong">{e.row}</span>, class: 'import-col-row' },
          { header: 'Column', cell: (e) => <code class="code">{e.field || '—'}</code> },
          { header: 'Problem', cell: (e) => e.message },
        ]}
      />
      <Pager
        label="Rows with errors"
        page={page()}
        hasPrev={page() > 1}
        hasNext={page() < pages()}
        onPrev={() => setPage((p) => Math.max(1, p - 1))}
        onNext={() => setPage((p) => Math.min(pages(), p + 1))}
      />
    </div>
  );
}
