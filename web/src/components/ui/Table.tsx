import { For, type JSX, Show } from 'solid-js';
import type { PagedList } from '../../lib/paging.ts';
import { Button } from './Button.tsx';
import { Spinner } from './Spinner.tsx';

export interface Column<T> {
  header: string;
  cell: (row: T) => JSX.Element;
  /** Hide the header text (e.g. an actions column) while keeping it for screen readers. */
  headerHidden?: boolean;
  class?: string;
}

/**
 * A data table: a real <table> on wide screens, stacked label/value cards on phones
 * (each cell carries its column name in data-label), so nothing scrolls sideways.
 */
export function DataTable<T>(props: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  empty: JSX.Element;
  loading?: boolean;
  rowClass?: (row: T) => string | undefined;
}) {
  return (
    <div class="table-wrap" aria-busy={props.loading ? 'true' : undefined}>
      <Show when={props.rows.length > 0} fallback={props.empty}>
        <table class="table">
          <caption class={props.captionHidden === false ? 'table-caption' : 'visually-hidden'}>
            {props.caption}
          </caption>
          <thead>
            <tr>
              <For each={props.columns}>
                {(col) => (
                  <th scope="col" class={col.class}>
                    <span class={col.headerHidden ? 'visually-hidden' : undefined}>{col.header}</span>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr class={props.rowClass?.(row)}>
                  <For each={props.columns}>
                    {(col) => (
                      <td data-label={col.headerHidden ? undefined : col.header} class={col.class}>
                        {col.cell(row)}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </div>
  );
}

/** Previous / next for cursor-paged lists. Hidden when everything fits on one page. */
export function Pager(props: {
  label: string;
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  loading?: boolean;
  onPrev: () => void;
  onNext: () => void;
}) {
  return (
    <Show when={props.hasPrev || props.hasNext || props.loading}>
      <nav class="pager" aria-label={`${props.label} pages`}>
        <Button size="sm" onClick={() => props.onPrev()} disabled={!props.hasPrev || props.loading}>
          <span aria-hidden="true">←</span> Previous
        </Button>
        <span class="pager-status" aria-live="polite">
          <Show when={props.loading} fallback={<>Page {props.page}</>}>
            <Spinner size="sm" label="" /> Loading page…
          </Show>
        </span>
        <Button size="sm" onClick={() => props.onNext()} disabled={!props.hasNext || props.loading}>
          Next <span aria-hidden="true">→</span>
        </Button>
      </nav>
    </Show>
  );
}

/** The pager of a `createPagedList` list. */
export function ListPager(props: { label: string; list: PagedList<unknown> }) {
  return (
    <Pager
      label={props.label}
      page={props.list.pageNumber()}
      hasPrev={props.list.hasPrev()}
      hasNext={props.list.hasNext()}
      loading={props.list.loading()}
      onPrev={() => props.list.prev()}
      onNext={() => props.list.next()}
    />
  );
}
