import type { PatientMatch } from '../../shared/schemas/scheduling.ts';
import type { WriteOp } from '../platform/db/store.ts';
import type { Migration } from '../platform/migrations/migration.ts';
import { findRows } from './patients.repo.ts';

/** Backfills for scheduling's items. */
export const schedulingMigrations: Migration[] = [
  {
    id: 'scheduling/patient-find-rows',
    description: 'Give every patient the rows search finds it by (first name, birth date, phone)',
    reads: ['patient'],
    plan: (item, scope) =>
      findRows(scope, item as unknown as PatientMatch).map((row): WriteOp => ({ kind: 'put', item: row })),
  },
];
