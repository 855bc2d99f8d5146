import type { Key } from '../platform/db/keys.ts';
import type { WriteOp } from '../platform/db/store.ts';

/**
 * What every scheduling repo (setup, patients, appointments, waitlist, ...) builds its writes
 * from, so all of them store an item the same way: its DTO plus keys and a type.
 */

export type Page = { limit: number; cursor?: string };

export const createOp = (
  key: Key,
  type: string,
  item: object,
  extra: Record<string, string> = {},
): WriteOp => ({
  kind: 'create',
  item: { ...key, ...extra, type, ...item },
});
export const updateOp = (
  key: Key,
  set: Record<string, unknown>,
  expectedVersion: number,
  remove?: string[],
): WriteOp => ({
  kind: 'update',
  key,
  set,
  expectedVersion,
  remove,
});

/** Sets a denormalized patient name; no version bump, so dialogs open at the front desk stay valid. */
export const renameOp = (key: Key, patientName: string): WriteOp => ({
  kind: 'update',
  key,
  set: { patientName },
});
