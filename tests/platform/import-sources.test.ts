import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApi } from '../../functions/platform/http/app.ts';
import { defineDomain } from '../../functions/platform/http/route.ts';
import { importRoutes } from '../../functions/platform/imports/import.routes.ts';
import type { ImportKind } from '../../functions/platform/imports/import-kind.ts';
import { createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

// Saved sources and mapped imports through a module's routes, on DynamoDB Local.
const Visit = z.object({
  patient: z.string().check(z.minLength(1, 'Required')),
  note: z.optional(z.string()),
});
const imported: string[] = [];
const visitsImport: ImportKind<z.infer<typeof Visit>> = {
  kind: 'test_visits',
  module: 'testing',
  label: 'Visits',
  columns: [
    { name: 'patient', required: true, aliases: ['Patient Name'], description: 'Who.' },
    { name: 'note', required: false, description: 'Why.' },
  ],
  rowSchema: Visit,
  rowKey: (row) => row.patient.toLowerCase(),
  repeatField: 'patient',
  async apply(db, rows, { dryRun }) {
    for (const r of rows) {
      if (dryRun) continue;
      await db.write([r.marker], {
        action: 'create',
        entityType: 'visit',
        entityId: r.key,
        summary: 'Imported',
      });
      imported.push(`${r.data.patient}|${r.data.note ?? ''}`);
    }
    return rows.map(() => []);
  },
};

let t: TestApp;
let api: ReturnType<typeof createApi>;
let a: Session;
let b: Session;

const call = async (session: Session, method: string, path: string, json?: unknown) => {
  const res = await api.request(`http://localhost/api/testing/visits/import${path}`, {
    method,
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
};

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpPractice(t, 'Source Practice A');
  b = await signUpPractice(t, 'Source Practice B');
  const { route, domain } = defineDomain('testing', t.platform);
  importRoutes(route, {
    tag: 'testing',
    path: '/testing/visits/import',
    summary: 'Import visits',
    roles: 'practiceAdmins',
    kinds: [visitsImport],
  });
  api = createApi(t.platform, [domain]);
});

describe('mapped imports', () => {
  const csv = 'Pt Full Name,Reason,Patient Name\nAda,Checkup,ignored\nBo,,ignored2';

  it('reads the columns the mapping names, not the aliases', async () => {
    const mapping = { patient: 'Pt Full Name', note: 'reason' };
    const res = await call(a, 'POST', '', { kind: 'test_visits', csv, dryRun: false, firstRow: 2, mapping });
    expect(res).toMatchObject({ status: 200, body: { rows: 2, created: 2, errors: [] } });
    expect(imported).toEqual(['Ada|Checkup', 'Bo|']);
  });

  it('refuses an unknown field, a header not in the file and an unmapped required field, in words', async () => {
    const post = (mapping: Record<string, string>) =>
      call(a, 'POST', '', { kind: 'test_visits', csv, dryRun: true, mapping });
    const unknown = await post({ patient: 'Pt Full Name', colour: 'Reason' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([
      { path: 'mapping.colour', message: '“colour” is not a column of this import' },
    ]);
    const absent = await post({ patient: 'Patient Surname' });
    expect(absent.status).toBe(400);
    expect(absent.body.error.message).toBe('The file has no column “Patient Surname”');
    const unmapped = await post({ note: 'Reason' });
    expect(unmapped.status).toBe(400);
    expect(unmapped.body.error.message).toBe('Choose the column that holds patient');
  });
});

describe('saved import sources', () => {
  let id: string;

  it('saves a source and lists it for its kind', async () => {
    const saved = await call(a, 'POST', '/sources', {
      kind: 'test_visits',
      name: ' Kareo export ',
      mapping: { patient: 'Pt Full Name', note: 'Reason' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ kind: 'test_visits', name: 'Kareo export', version: 1 });
    id = saved.body.id;
    const list = await call(a, 'GET', '/sources?kind=test_visits');
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['Kareo export']);
    expect(list.body.items[0].mapping).toEqual({ patient: 'Pt Full Name', note: 'Reason' });
    // Reused: the saved mapping reads a new file from the same system.
    const next = await call(a, 'POST', '', {
      kind: 'test_visits',
      csv: 'pt full name,reason\nCy,Flu',
      dryRun: false,
      mapping: list.body.items[0].mapping,
    });
    expect(next.body).toMatchObject({ created: 1, errors: [] });
    expect(imported).toContain('Cy|Flu');
  });

  it('refuses a second source of the same name, a bad field and an empty name', async () => {
    const again = await call(a, 'POST', '/sources', {
      kind: 'test_visits',
      name: 'KAREO EXPORT',
      mapping: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already saved/);
    const badField = await call(a, 'POST', '/sources', {
      kind: 'test_visits',
      name: 'Other',
      mapping: { surname: 'Last' },
    });
    expect(badField.status).toBe(400);
    expect(badField.body.error.details[0]).toEqual({
      path: 'mapping.surname',
      message: '“surname” is not a column of this import',
    });
    const noName = await call(a, 'POST', '/sources', { kind: 'test_visits', name: '  ', mapping: {} });
    expect(noName.status).toBe(400);
    expect(noName.body.error.details[0].path).toBe('name');
    const badKind = await call(a, 'POST', '/sources', { kind: 'patients', name: 'X', mapping: {} });
    expect(badKind.status).toBe(400);
  });

  it('renames and re-maps against the version; a stale version is refused', async () => {
    const renamed = await call(a, 'PUT', `/sources/${id}`, { name: 'AdvancedMD payments', version: 1 });
    expect(renamed).toMatchObject({ status: 200, body: { name: 'AdvancedMD payments', version: 2 } });
    expect(renamed.body.mapping).toEqual({ patient: 'Pt Full Name', note: 'Reason' });
    const remapped = await call(a, 'PUT', `/sources/${id}`, { mapping: { patient: 'Name' }, version: 2 });
    expect(remapped.body).toMatchObject({
      name: 'AdvancedMD payments',
      mapping: { patient: 'Name' },
      version: 3,
    });
    const stale = await call(a, 'PUT', `/sources/${id}`, { name: 'Old', version: 1 });
    expect(stale.status).toBe(409);
    // The old name is free again after the rename.
    const reuse = await call(a, 'POST', '/sources', {
      kind: 'test_visits',
      name: 'Kareo export',
      mapping: {},
    });
    expect(reuse.status).toBe(201);
    const taken = await call(a, 'PUT', `/sources/${id}`, { name: 'kareo export', version: 3 });
    expect(taken.status).toBe(409);
    const list = await call(a, 'GET', '/sources');
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual([
      'AdvancedMD payments',
      'Kareo export',
    ]);
  });

  it('another tenant sees none of them, and its id is a 404', async () => {
    expect((await call(b, 'GET', '/sources')).body).toEqual({ items: [] });
    for (const [method, json] of [
      ['PUT', { name: 'Mine now', version: 3 }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(b, method, `/sources/${id}`, json);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await call(a, 'GET', '/sources')).body.items).toHaveLength(2);
  });

  it('deletes a source and frees its name', async () => {
    expect((await call(a, 'DELETE', `/sources/${id}`)).status).toBe(204);
    expect((await call(a, 'DELETE', `/sources/${id}`)).status).toBe(404);
    const list = await call(a, 'GET', '/sources?kind=test_visits');
    expect(list.body.items.map((s: { name: string }) => s.name)).toEqual(['Kareo export']);
    const reuse = await call(a, 'POST', '/sources', {
      kind: 'test_visits',
      name: 'AdvancedMD payments',
      mapping: {},
    });
    expect(reuse.status).toBe(201);
  });
});
