import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { systemClock } from '../../functions/platform/clock.ts';
import { TenantDb } from '../../functions/platform/db/tenant-db.ts';
import { AppError } from '../../functions/platform/errors.ts';
import { createApi } from '../../functions/platform/http/app.ts';
import { defineDomain } from '../../functions/platform/http/route.ts';
import { importRoutes } from '../../functions/platform/imports/import.routes.ts';
import { importChunk } from '../../functions/platform/imports/import.service.ts';
import {
  type ImportKind,
  importKind,
  importKinds,
  registerImportKinds,
} from '../../functions/platform/imports/import-kind.ts';
import { createTestApp, signUpPractice, type TestApp } from '../support/app.ts';

// A module plugs a kind in with a declaration only: columns, row schema, identity and apply.
const written: string[] = [];
const Task = z.object({
  title: z.string().check(z.minLength(1, 'Required')),
  hours: z.optional(z.string().check(z.regex(/^\d*$/, 'Whole hours, like 3'))),
});
const tasksImport: ImportKind<z.infer<typeof Task>> = {
  kind: 'test_tasks',
  module: 'testing',
  label: 'Tasks',
  columns: [
    { name: 'title', required: true, aliases: ['Task Name'], description: 'What to do.' },
    { name: 'hours', required: false, description: 'Estimate.', example: '3' },
  ],
  rowSchema: Task,
  rowKey: (row) => row.title.toLowerCase(),
  repeatField: 'title',
  async apply(db, rows, { dryRun }) {
    const out = [];
    for (const r of rows) {
      if (r.data.title === 'Refused') {
        out.push([{ field: 'title', message: 'Not this one' }]);
        continue;
      }
      if (!dryRun) {
        // The marker joins the kind's own write; here the marker is the whole write.
        await db.write([r.marker], {
          action: 'create',
          entityType: 'task',
          entityId: r.key,
          summary: 'Imported a task',
        });
        written.push(r.data.title);
      }
      out.push([]);
    }
    return out;
  },
};

let t: TestApp;
let db: TenantDb;

beforeAll(async () => {
  t = await createTestApp();
  const actor = { userId: 'U1', name: 'Test Actor', role: 'owner' as const };
  db = new TenantDb(t.platform.store, { tenantId: `TIMP${Date.now()}` }, actor, 'req-1', systemClock);
  registerImportKinds(tasksImport);
});

const CSV = ['Task Name,hours', 'Paint,3', ',2', 'Sand,lots', 'paint,4', 'Refused,1', 'Varnish,'].join('\n');

describe('import pipeline', () => {
  it('registers a kind once; another declaration under its name is refused', () => {
    registerImportKinds(tasksImport);
    expect(importKind('test_tasks')).toBe(tasksImport);
    expect(importKinds('testing')).toEqual([tasksImport]);
    expect(() => registerImportKinds({ ...tasksImport })).toThrow(/already registered by testing/);
  });

  it('previews: row errors by spreadsheet row, repeats named, nothing written', async () => {
    const preview = await importChunk(db, tasksImport, { csv: CSV, dryRun: true, firstRow: 2 });
    expect(preview).toEqual({
      rows: 6,
      created: 2,
      unchanged: 0,
      dryRun: true,
      errors: [
        { row: 3, field: 'title', message: 'Required' },
        { row: 4, field: 'hours', message: 'Whole hours, like 3' },
        { row: 5, field: 'title', message: 'Repeats row 2; it is imported once' },
        { row: 6, field: 'title', message: 'Not this one' },
      ],
    });
    expect(written).toEqual([]);
  });

  it('applies the good rows; a re-import (also chunked differently) changes nothing', async () => {
    const first = await importChunk(db, tasksImport, { csv: CSV, dryRun: false, firstRow: 2 });
    expect(first).toMatchObject({ rows: 6, created: 2, unchanged: 0 });
    expect(written).toEqual(['Paint', 'Varnish']);
    const again = await importChunk(db, tasksImport, { csv: CSV, dryRun: false, firstRow: 2 });
    expect(again).toMatchObject({ created: 0, unchanged: 3 });
    const resumed = await importChunk(db, tasksImport, {
      csv: 'title,hours\nVarnish,\nOil,1',
      dryRun: false,
      firstRow: 7,
    });
    expect(resumed).toMatchObject({ rows: 2, created: 1, unchanged: 1, errors: [] });
    expect(written).toEqual(['Paint', 'Varnish', 'Oil']);
  });

  it('refuses a chunk whose header lacks a required column, or with too many rows', async () => {
    await expect(importChunk(db, tasksImport, { csv: 'name\nx', dryRun: true })).rejects.toThrow(
      /needs a "title" column/,
    );
    const big = ['title', ...Array.from({ length: 101 }, (_, i) => `T${i}`)].join('\n');
    const err = await importChunk(db, tasksImport, { csv: big, dryRun: true }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(400);
  });
});

describe('import route', () => {
  it('a module mounts its kinds under its own prefix: preview, apply, re-apply, bad kind', async () => {
    const owner = await signUpPractice(t);
    const { route, domain } = defineDomain('testing', t.platform);
    importRoutes(route, {
      tag: 'testing',
      path: '/testing/imports',
      summary: 'Import tasks',
      roles: 'practiceOwner',
      kinds: [tasksImport],
    });
    const api = createApi(t.platform, [domain]);
    const post = async (json: unknown) => {
      const res = await api.request('http://localhost/api/testing/imports', {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(json),
      });
      return { status: res.status, body: await res.json() };
    };
    const csv = 'title,hours\nPlane,2\nPlane,3\nSaw,x';
    const preview = await post({ kind: 'test_tasks', csv, dryRun: true, firstRow: 2 });
    expect(preview).toEqual({
      status: 200,
      body: {
        rows: 3,
        created: 1,
        unchanged: 0,
        dryRun: true,
        errors: [
          { row: 3, field: 'title', message: 'Repeats row 2; it is imported once' },
          { row: 4, field: 'hours', message: 'Whole hours, like 3' },
        ],
      },
    });
    expect((await post({ kind: 'test_tasks', csv, dryRun: false, firstRow: 2 })).body).toMatchObject({
      created: 1,
    });
    expect((await post({ kind: 'test_tasks', csv, dryRun: false, firstRow: 2 })).body).toMatchObject({
      created: 0,
      unchanged: 2,
    });
    const unknown = await post({ kind: 'patients', csv, dryRun: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe('kind');
  });
});
