import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalFileStore } from '../../functions/platform/files/local.ts';
import { MAX_FILE_BYTES } from '../../shared/schemas/files.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';
import { localFiles, PDF_BYTES, uploadBytes } from '../support/files.ts';

const clock = testClock();
let t: TestApp;
let a: Session;
let b: Session;
let staff: Session;

const start = (s: Session, json: unknown) => t.call('POST', '/api/files', { token: s.token, json });
const complete = (s: Session, id: string) => t.call('POST', `/api/files/${id}/complete`, { token: s.token });

/** Uploads bytes as practice A's owner through the signed form and checks them; returns the answers. */
async function upload(bytes: Uint8Array, name = 'file.pdf', type = 'application/pdf', who = () => a) {
  const started = await start(who(), { name, size: bytes.length, type });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const put = await uploadBytes(t, started.body.upload, bytes, name);
  return { id: started.body.id as string, started, put, done: await complete(who(), started.body.id) };
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  a = await signUpPractice(t, 'Files A');
  b = await signUpPractice(t, 'Files B');
  staff = await addMember(t, a, 'staff', 'Stella Staff');
});

// The 10 MB files this test writes go with its table.
afterAll(() =>
  rmSync(resolve(t.platform.config.dataDir, 'files', t.tableName), { recursive: true, force: true }),
);

describe('files through the local store, end to end', () => {
  it('uploads, checks, lists and downloads a PDF through signed links (the API never carries bytes)', async () => {
    const { id, started, put, done } = await upload(PDF_BYTES, 'Handbook 2026.pdf');
    expect(started.body.upload).toMatchObject({
      method: 'POST',
      url: '/local-files/upload',
      fileField: 'file',
    });
    expect(started.body.upload.maxBytes).toBe(MAX_FILE_BYTES);
    expect(started.body.file).toMatchObject({ status: 'pending', name: 'Handbook 2026.pdf' });
    expect(put.status).toBe(204);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id,
      status: 'ready',
      contentType: 'application/pdf',
      size: PDF_BYTES.length,
    });

    const store = t.platform.files as LocalFileStore;
    expect(existsSync(store.pathOf(`t/${a.tenantId}/files/${id}`))).toBe(true);

    const detail = await t.call('GET', `/api/files/${id}`, { token: staff.token });
    expect(detail.status).toBe(200);
    expect(detail.body.file.id).toBe(id);
    const dl = await localFiles(t).request(`http://localhost${detail.body.download.url}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-disposition')).toContain('attachment; filename="Handbook 2026.pdf"');
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(PDF_BYTES);

    const audit = await t.call('GET', '/api/audit?action=file.uploaded', { token: a.token });
    expect(audit.status).toBe(200);
    expect(audit.body.items.some((r: { entityId: string }) => r.entityId === id)).toBe(true);
  });

  it('an expired or tampered link is refused', async () => {
    const { id } = await upload(PDF_BYTES, 'Policy.pdf');
    const { url } = (await t.call('GET', `/api/files/${id}`, { token: a.token })).body.download;
    const token = new URL(url, 'http://localhost').searchParams.get('token')!;
    const [body, mac] = token.split('.') as [string, string];
    const grant = JSON.parse(Buffer.from(body, 'base64url').toString());
    const otherKey = Buffer.from(JSON.stringify({ ...grant, key: `t/${b.tenantId}/files/${id}` })).toString(
      'base64url',
    );
    for (const bad of [`${otherKey}.${mac}`, `${body}.${mac.slice(0, -2)}AA`, 'garbage', '']) {
      const res = await localFiles(t).request(
        `http://localhost/local-files/download?token=${encodeURIComponent(bad)}`,
      );
      expect(res.status, bad).toBe(403);
    }
    // An upload token is not a download token.
    const fresh = await start(a, { name: 'x.pdf', size: 10 });
    const uploadToken = fresh.body.upload.fields.token;
    const asDownload = await localFiles(t).request(
      `http://localhost/local-files/download?token=${uploadToken}`,
    );
    expect(asDownload.status).toBe(403);

    clock.advance(6 * 60_000);
    try {
      const expired = await localFiles(t).request(`http://localhost${url}`);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toBe('This download link is invalid or has expired');
      clock.advance(5 * 60_000);
      const late = await uploadBytes(t, fresh.body.upload, PDF_BYTES);
      expect(late.status).toBe(403);
    } finally {
      clock.advance(-11 * 60_000);
    }
  });

  it('10 MB is accepted; 10 MB + 1 byte is refused when declared and when uploaded', async () => {
    const declared = await start(a, { name: 'big.pdf', size: MAX_FILE_BYTES + 1, type: 'application/pdf' });
    expect(declared.status).toBe(400);
    expect(declared.body.error.details).toEqual([{ path: 'size', message: 'Files can be at most 10 MB' }]);

    const exact = new Uint8Array(MAX_FILE_BYTES);
    exact.set(PDF_BYTES);
    const ok = await upload(exact, 'ten.pdf');
    expect(ok.put.status).toBe(204);
    expect(ok.done.body).toMatchObject({ status: 'ready', size: MAX_FILE_BYTES });

    // The browser lies about the size: the signed form itself refuses the body.
    const started = await start(a, { name: 'liar.pdf', size: 1000 });
    const over = new Uint8Array(MAX_FILE_BYTES + 1);
    over.set(PDF_BYTES);
    const put = await uploadBytes(t, started.body.upload, over);
    expect(put.status).toBe(413);
    const done = await complete(a, started.body.id);
    expect(done.status).toBe(409);
    expect(done.body.error.message).toMatch(/not been uploaded yet/);
  });

  it('a renamed Windows program is refused with a clear message, deleted, and not listed', async () => {
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    const { id, put, done } = await upload(exe, 'invoice.pdf');
    expect(put.status).toBe(204);
    expect(done.status).toBe(415);
    expect(done.body.error).toMatchObject({
      code: 'unsupported_media_type',
      message: 'This file is a Windows program, not a PDF. Upload a PDF, PNG, JPEG, CSV or plain-text file.',
    });
    const store = t.platform.files as LocalFileStore;
    expect(existsSync(store.pathOf(`t/${a.tenantId}/files/${id}`))).toBe(false);
    expect((await t.call('GET', `/api/files/${id}`, { token: a.token })).status).toBe(404);
    expect((await complete(a, id)).status).toBe(404);
    const audit = await t.call('GET', '/api/audit?action=file.refused', { token: a.token });
    expect(audit.body.items[0]).toMatchObject({ entityId: id, action: 'file.refused' });
  });

  it('text and X12 are kept as text; CSV as CSV', async () => {
    const csv = await upload(new TextEncoder().encode('name,phone\nAda,555\n'), 'list.csv', 'text/csv');
    expect(csv.done.body.contentType).toBe('text/csv');
    const x12 = await upload(new TextEncoder().encode('ISA*00*          *00*~GS*HC~'), 'claims.x12', '');
    expect(x12.done.body.contentType).toBe('text/plain');
  });

  it('an upload link works once: the object cannot be replaced after the check', async () => {
    const started = await start(a, { name: 'once.pdf', size: PDF_BYTES.length });
    expect((await uploadBytes(t, started.body.upload, PDF_BYTES)).status).toBe(204);
    expect((await complete(a, started.body.id)).status).toBe(200);
    const again = await uploadBytes(t, started.body.upload, new Uint8Array([0x4d, 0x5a, 1, 2]));
    expect(again.status).toBe(409);
    expect((await complete(a, started.body.id)).body.status).toBe('ready');
  });

  it('lists ready files by date (newest first) or by name, paged', async () => {
    for (const name of ['b-memo.pdf', 'A-memo.pdf', 'c-memo.pdf']) await upload(PDF_BYTES, name);
    const byDate = await t.call('GET', '/api/files?limit=2', { token: staff.token });
    expect(byDate.status).toBe(200);
    expect(byDate.body.items.map((f: { name: string }) => f.name)).toEqual(['c-memo.pdf', 'A-memo.pdf']);
    expect(byDate.body.nextCursor).toEqual(expect.any(String));
    const byName = await t.call('GET', '/api/files?sort=name&limit=100', { token: staff.token });
    const names = byName.body.items.map((f: { name: string }) => f.name);
    expect(names.indexOf('A-memo.pdf')).toBeLessThan(names.indexOf('b-memo.pdf'));
    expect(names.indexOf('b-memo.pdf')).toBeLessThan(names.indexOf('c-memo.pdf'));
    expect(byName.body.items.every((f: { status: string }) => f.status === 'ready')).toBe(true);
    const page2 = await t.call(
      'GET',
      `/api/files?limit=2&cursor=${encodeURIComponent(byDate.body.nextCursor)}`,
      {
        token: staff.token,
      },
    );
    expect(page2.body.items[0].name).toBe('b-memo.pdf');
    const bad = await t.call('GET', '/api/files?sort=size', { token: staff.token });
    expect(bad.status).toBe(400);
  });

  it("another practice's file is a 404 on every route; staff may read but not upload", async () => {
    const { id } = await upload(PDF_BYTES, 'private.pdf');
    expect((await t.call('GET', `/api/files/${id}`, { token: b.token })).status).toBe(404);
    expect((await complete(b, id)).status).toBe(404);
    const listB = await t.call('GET', '/api/files', { token: b.token });
    expect(listB.body.items).toEqual([]);
    expect((await start(staff, { name: 'x.pdf', size: 10 })).status).toBe(403);
  });

  it('bad input is a 400 with field paths', async () => {
    const res = await start(a, { name: '../etc/passwd', size: 0, extra: true });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['(body)', 'name', 'size']);
  });
});
