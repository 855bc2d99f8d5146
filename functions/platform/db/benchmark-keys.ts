import type { Key, TenantScope } from './keys.ts';

/**
 * Association benchmark keys. Aggregates live under `A#<associationId>#` (DESIGN.md): the
 * association's credentials may only read them, so only the rollup job (platform credentials)
 * can have written them. What a practice contributed is kept in its own `T#` partition.
 */
const month = (m: string) => `MONTH#${m}`;
const cellPartition = (associationId: string, window: string, cohortKey: string) =>
  `A#${associationId}#BENCH#${window}#${cohortKey}`;
const runPartition = (associationId: string) => `A#${associationId}#BENCHRUN`;
const contributionPartition = (s: TenantScope, associationId: string) =>
  `T#${s.tenantId}#BENCHSHARE#${associationId}`;

export const benchmarkKeys = {
  /** The prefix an association's credentials may read (and never write). */
  aggregatesLeadingKey: (s: TenantScope) => `A#${s.tenantId}#`,
  /** One cohort's figures in one window: one item per end month, so a dashboard's year is one Query. */
  cellPartition,
  cell: (associationId: string, window: string, cohortKey: string, m: string): Key => ({
    PK: cellPartition(associationId, window, cohortKey),
    SK: month(m),
  }),
  monthRange: (from: string, to: string): [string, string] => [month(from), month(to)],
  /** A month rolled up: its marker freezes the month's figures (written last, after every cell). */
  runPartition,
  run: (associationId: string, m: string): Key => ({ PK: runPartition(associationId), SK: month(m) }),
  /** What one practice contributed to one association for one month, with its own ranks. */
  contributionPartition,
  contribution: (s: TenantScope, associationId: string, m: string): Key => ({
    PK: contributionPartition(s, associationId),
    SK: month(m),
  }),
  /** Associations are listed once so the hourly job finds them without reading any tenant. */
  associationsPartition: 'SYS#ASSOCIATIONS',
  association: (associationId: string): Key => ({ PK: 'SYS#ASSOCIATIONS', SK: `ASSOC#${associationId}` }),
};
