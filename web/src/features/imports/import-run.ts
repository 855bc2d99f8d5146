/**
 * A preview or import run's state and its requests: the counts over the chunks sent so far, and one
 * chunk sent at a time, waiting and retrying while the API is busy. ImportWorkbench runs it and
 * RunReport shows it.
 */
import type { ImportMapping, ImportResultBase } from '../../../../shared/schemas/imports.ts';
import { ApiError, api } from '../../lib/api.ts';
import type { RowError } from './RowErrors.tsx';

/** Attempts per chunk when the API says it is busy (429 / 503 with Retry-After). */
const BUSY_ATTEMPTS = 3;

/** One chunk's answer: the counts and row errors of every kind, and what the kind adds. */
export type Result = ImportResultBase & Record<string, unknown>;

/** A preview or import over the file's chunks: its progress, counts, errors and how it ended. */
export interface Run<E> {
  mode: 'preview' | 'import';
  status: 'running' | 'done' | 'stopped' | 'failed';
  total: number;
  done: number;
  created: number;
  unchanged: number;
  errors: RowError[];
  stopping: boolean;
  failure?: { message: string; firstRow: number; lastRow: number };
  /** What the kind adds to the results, over the chunks sent so far. */
  extra?: E;
}

/** "1 row", "1,200 rows": a count with its noun, singular or plural. */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));
/** Rows with at least one problem (the API reports one error per row and column). */
export const rowsWithErrors = (errors: RowError[]) => new Set(errors.map((e) => e.row)).size;

/** Sends one chunk, waiting and retrying while the API says it is busy (until `cancelled()`). */
export async function sendChunk(
  endpoint: string,
  body: {
    kind: string;
    csv: string;
    dryRun: boolean;
    firstRow: number;
    mapping: ImportMapping;
  },
  cancelled: () => boolean,
): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api<Result>(endpoint, { method: 'POST', body });
    } catch (err) {
      const busy = err instanceof ApiError && (err.status === 429 || err.status === 503);
      if (!busy || attempt >= BUSY_ATTEMPTS || cancelled()) throw err;
      await sleep(Math.min(err.retryAfter ?? 2, 30) * 1000);
    }
  }
}
