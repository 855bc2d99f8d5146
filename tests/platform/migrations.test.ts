import { beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../functions/local/migration-runner.ts';
import { allMigrations } from '../../functions/local/migrations.ts';
import { systemKeys, tenantKeys } from '../../functions/platform/db/keys.ts';
import type { WriteOp } from '../../functions/platform/db/store.ts';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

let t: TestApp;
let owner: Session;
let patientId: string;

const as = (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: owner.token, json });

/** Every key in a partition, read straight from the table. */
async function keysIn(partition: string): Promise<{ PK: string; SK: string }[]> {
  const page = await t.platform.store.query<{ PK: string; SK: string }>({ partition, limit: 100 });
  return page.items.map(({ PK, SK }) => ({ PK, SK }));
}

/** Deletes items the way data written before a feature lacks them. */
async function forget(keys: { PK: string; SK: string }[]) {
  const ops = keys.map((key): WriteOp => ({ kind: 'delete', key }));
  for (let i = 0; i < ops.length; i += 25) await t.platform.store.transact(ops.slice(i, i + 25));
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Older Practice');
  const res = await as('POST', '/scheduling/patients', {
    firstName: 'Wilhelmina',
    lastName: 'Oldfield',
    dateOfBirth: '1961-04-09',
    phone: '(503) 555-0177',
    preferredContact: 'phone',
  });
  expect(res.status).toBe(201);
  patientId = res.body.id;
  // The table as an older version left it: no search rows, no time-zone listing, no audit index copies.
  const scope = { tenantId: owner.tenantId };
  await forget(await keysIn(tenantKeys.patientFindPartition(scope)));
  await forget(await keysIn(tenantKeys.auditByKind(scope, 'patient')));
  await forget(await keysIn(tenantKeys.auditByKind(scope, 'tenant')));
  const tenant = await as('GET', '/tenant');
  await forget([systemKeys.tenantInZone(tenant.body.timeZone, owner.tenantId)]);
  // Branding as it was kept before logos were files: a data URL inside the tenant item.
  await t.platform.store.transact([
    {
      kind: 'update',
      key: tenantKeys.tenant(scope),
      set: { branding: { logoDataUrl: OLD_LOGO, primaryColor: '#123456', accentColor: '#abcdef' } },
    },
  ]);
});

const OLD_LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('data migrations (backfills for data written before a feature)', () => {
  it('the older data misses what users rely on: search by first name, audit filters', async () => {
    expect((await as('GET', '/scheduling/patients/search?q=Wilhelmina')).body.items).toEqual([]);
    expect((await as('GET', '/audit?action=patient.created')).body.items).toEqual([]);
  });

  it('a run brings it back, reporting what it read and wrote', async () => {
    const progress: string[] = [];
    const results = await runMigrations(t.platform.store, allMigrations(), (p) => progress.push(p.id));
    expect(results.every((r) => r.done)).toBe(true);
    expect(results.find((r) => r.id === 'scheduling/patient-find-rows')?.written).toBe(3);
    expect(progress).toContain('tenants/audit-index-copies');

    const found = (await as('GET', '/scheduling/patients/search?q=Wilhelmina')).body.items;
    expect(found.map((p: { id: string }) => p.id)).toEqual([patientId]);
    expect((await as('GET', '/scheduling/patients/search?q=503-555-0177')).body.items).toHaveLength(1);
    const audit = (await as('GET', '/audit?action=patient.created')).body.items;
    expect(audit.map((e: { entityId: string }) => e.entityId)).toEqual([patientId]);
    const tenant = await as('GET', '/tenant');
    expect(
      await t.platform.store.get(systemKeys.tenantInZone(tenant.body.timeZone, owner.tenantId)),
    ).toMatchObject({
      tenantId: owner.tenantId,
    });
  });

  it('a logo kept as a data URL is dropped (uploaded again as a file); the colors stay', async () => {
    const item = await t.platform.store.get<Record<string, unknown>>(
      tenantKeys.tenant({ tenantId: owner.tenantId }),
    );
    expect(item?.branding).toEqual({ logoFileId: null, primaryColor: '#123456', accentColor: '#abcdef' });
    const tenant = await as('GET', '/tenant');
    expect(tenant.body.branding).toEqual({
      logoFileId: null,
      logoUrl: null,
      primaryColor: '#123456',
      accentColor: '#abcdef',
    });
  });

  it('a finished migration is skipped from then on', async () => {
    const before = await keysIn(tenantKeys.patientFindPartition({ tenantId: owner.tenantId }));
    await forget(before);
    const again = await runMigrations(t.platform.store, allMigrations());
    expect(again.find((r) => r.id === 'scheduling/patient-find-rows')?.written).toBe(3);
    expect(await keysIn(tenantKeys.patientFindPartition({ tenantId: owner.tenantId }))).toEqual([]);
  });

  it('a run stopped before its pass finished goes on, adding to its ledger', async () => {
    const id = 'scheduling/patient-find-rows';
    // A ledger as a stopped run leaves it: not done (here stopped before its first page ended).
    await t.platform.store.put({
      ...systemKeys.migration(id),
      type: 'migration',
      id,
      scanned: 5,
      written: 2,
      done: false,
    });
    const [resumed] = await runMigrations(
      t.platform.store,
      allMigrations().filter((m) => m.id === id),
    );
    expect(resumed).toMatchObject({ id, done: true });
    expect(resumed!.scanned).toBe(6);
    expect(resumed!.written).toBe(5);
    expect(await keysIn(tenantKeys.patientFindPartition({ tenantId: owner.tenantId }))).toHaveLength(3);
  });
});
