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
 */
export function createPagedList<T>(
  key: () => string,
  load: (cursor: string | undefined) => Promise<Page<T>>,
  rowKey = 'id',
) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [loading, setLoading] = createSignal(true);
  createComputed(on(key, () => setCursors([undefined]), { defer: true }));
  let seq = 0;
  const data = createAsyncStore(
    async () => {
      key();
      const stack = cursors();
      const id = ++seq;
      setLoading(true);
      try {
        return await load(stack[stack.length - 1]);
      } finally {
        if (id === seq) setLoading(false);
      }
    },
    { reconcile: { key: rowKey } },
  );
  return {
    /** The page on screen (suspends only before the first page arrives). */
    page: (): Page<T> | undefined => data.latest,
    items: (): T[] => data.latest?.items ?? [],
    loading,
    pageNumber: () => cursors().length,
    hasPrev: () => cursors().length > 1,
    hasNext: () => Boolean(data.latest?.nextCursor),
    next(): void {
      const cursor = data.latest?.nextCursor;
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
