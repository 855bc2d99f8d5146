import { createAsyncStore } from '@solidjs/router';
import { createComputed, createSignal, on } from 'solid-js';
import type { Page } from '../../../shared/schemas/common.ts';

export const PAGE_SIZE = 20;

/**
 * A cursor-paged list loaded with a router `query()` through `createAsync`: next/previous keep a
 * stack of cursors; a change of `key` (filters) goes back to the first page.
 * `page()` keeps showing the last page while the next one loads (`loading()` is true meanwhile),
 * so paging and refetches after a mutation never blank the table. Rows are reconciled by
 * `rowKey`, so a refetch updates rows in place (focus inside a row survives).
 *
 * `loading()` is worked out from what is on screen (the page remembers the filters and cursor it
 * was read for), never from a signal set inside the fetcher: a mutation's revalidation re-runs the
 * fetcher inside the router's transition, and a signal written there (true) and then after the
 * transition (false) was committed back to true, leaving a list greyed out after every save.
 */
export function createPagedList<T>(
  key: () => string,
  load: (cursor: string | undefined) => Promise<Page<T>>,
  rowKey = 'id',
) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  createComputed(on(key, () => setCursors([undefined]), { defer: true }));
  const wanted = () => `${key()}|${cursors().length}|${cursors()[cursors().length - 1] ?? ''}`;
  const data = createAsyncStore(
    async () => {
      const stack = cursors();
      const forKey = wanted();
      return { forKey, page: await load(stack[stack.length - 1]) };
    },
    { reconcile: { key: rowKey } },
  );
  const page = (): Page<T> | undefined => data.latest?.page;
  return {
    /** The page on screen (suspends only before the first page arrives). */
    page,
    items: (): T[] => page()?.items ?? [],
    loading: () => data.latest?.forKey !== wanted(),
    pageNumber: () => cursors().length,
    hasPrev: () => cursors().length > 1,
    hasNext: () => Boolean(page()?.nextCursor),
    next(): void {
      const cursor = page()?.nextCursor;
      if (cursor) setCursors((s) => [...s, cursor]);
    },
    prev(): void {
      setCursors((s) => (s.length > 1 ? s.slice(0, -1) : s));
    },
    first(): void {
      setCursors([undefined]);
    },
  };
}

export type PagedList<T> = ReturnType<typeof createPagedList<T>>;
