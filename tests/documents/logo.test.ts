import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES, logoPath } from '../../shared/schemas/tenants.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpAssociation,
  signUpPractice,
  type TestApp,
} from '../support/app.ts';
import { PDF_BYTES, uploadBytes, uploadLogo } from '../support/files.ts';
import { solidPng } from '../support/pdf-tools.ts';

let t: TestApp;
let a: Session;
let b: Session;
let staff: Session;
let assoc: Session;

const PNG = solidPng(24, 24, [11, 110, 79]);
/** A JPEG's first bytes (SOI, APP0 "JFIF"): enough for the content check. */
const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

const tenantOf = async (s: Session) => (await t.call('GET', '/api/tenant', { token: s.token })).body;
const saveBranding = async (s: Session, logoFileId: string | null) => {
  const tenant = await tenantOf(s);
  return t.call('PUT', '/api/tenant/branding', {
    token: s.token,
    json: { logoFileId, primaryColor: '#123456', accentColor: '#abcdef', version: tenant.version },
  });
};
const publicLogo = (path: string, headers: Record<string, string> = {}) => t.call('GET', path, { headers });

/** A library file (the general upload): a PDF, or any other kept type. */
async function libraryFile(s: Session, bytes: Uint8Array, name: string, type: string) {
  const started = await t.call('POST', '/api/files', {
    token: s.token,
    json: { name, size: bytes.length, type },
  });
  expect(started.status).toBe(201);
  expect((await uploadBytes(t, started.body.upload, bytes, name)).status).toBe(204);
  const done = await t.call('POST', `/api/files/${started.body.id}/complete`, { token: s.token });
  expect(done.status).toBe(200);
  return started.body.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await signUpPractice(t, 'Logo Practice A');
  b = await signUpPractice(t, 'Logo Practice B');
  staff = await addMember(t, a, 'staff', 'Sam Staff');
  assoc = await signUpAssociation(t, 'Logo Association');
});

afterAll(() =>
  rmSync(resolve(t.platform.config.dataDir, 'files', t.tableName), { recursive: true, force: true }),
);

describe('the logo is a file', () => {
  it('uploads a PNG logo, saves it as the branding, and serves it at its public address', async () => {
    const logo = await uploadLogo(t, a, PNG);
    expect(logo.started.body.upload.maxBytes).toBe(LOGO_MAX_BYTES);
    expect(logo.done.status).toBe(200);
    expect(logo.done.body).toMatchObject({ status: 'ready', contentType: 'image/png', size: PNG.length });
    // A logo is the branding's, not one of the library's files.
    const files = await t.call('GET', '/api/files', { token: a.token });
    expect(files.body.items.map((f: { id: string }) => f.id)).not.toContain(logo.id);

    const saved = await saveBranding(a, logo.id);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const url = logoPath(a.tenantId, logo.id);
    expect(saved.body.branding).toEqual({
      logoFileId: logo.id,
      logoUrl: url,
      primaryColor: '#123456',
      accentColor: '#abcdef',
    });
    expect((await tenantOf(staff)).branding.logoUrl).toBe(url);

    // No sign-in: pages for patients and printing load it.
    const res = await publicLogo(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-length')).toBe(String(PNG.length));
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(String(res.body).slice(1, 4)).toBe('PNG');
    const again = await publicLogo(url, { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);

    const audit = await t.call('GET', '/api/audit?action=settings.branding_updated', { token: a.token });
    expect(audit.body.items[0].summary).toBe('Updated branding and logo');
  });

  it('the public address serves only the current logo: any other file or tenant is a 404', async () => {
    const first = await uploadLogo(t, a, PNG, 'first.png');
    expect((await saveBranding(a, first.id)).status).toBe(200);
    const pdf = await libraryFile(a, PDF_BYTES, 'Handbook.pdf', 'application/pdf');
    const unsaved = await uploadLogo(t, a, JPEG, 'next.jpg', 'image/jpeg');
    expect(unsaved.done.body.contentType).toBe('image/jpeg');

    const notFound = [
      logoPath(a.tenantId, pdf),
      logoPath(a.tenantId, unsaved.id),
      logoPath(b.tenantId, first.id),
      logoPath(assoc.tenantId, first.id),
      logoPath('00000000000000000000000000', first.id),
      `/api/public/logo/${a.tenantId}/..%2F..%2Fetc`,
      `/api/public/logo/${a.tenantId}`,
    ];
    for (const path of notFound) {
      const res = await publicLogo(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('not_found');
    }
    expect((await publicLogo(logoPath(a.tenantId, first.id))).status).toBe(200);

    // Replaced: the old address stops serving; removed: none does.
    expect((await saveBranding(a, unsaved.id)).status).toBe(200);
    expect((await publicLogo(logoPath(a.tenantId, first.id))).status).toBe(404);
    const jpeg = await publicLogo(logoPath(a.tenantId, unsaved.id));
    expect(jpeg.status).toBe(200);
    expect(jpeg.headers.get('content-type')).toBe('image/jpeg');
    const removed = await saveBranding(a, null);
    expect(removed.body.branding).toMatchObject({ logoFileId: null, logoUrl: null });
    expect((await publicLogo(logoPath(a.tenantId, unsaved.id))).status).toBe(404);
    const audit = await t.call('GET', '/api/audit?action=settings.branding_updated', { token: a.token });
    expect(audit.body.items[0].summary).toBe('Updated branding and removed the logo');
  });

  it('branding refuses another tenant’s file (404), a PDF and an unfinished upload (400, saying why)', async () => {
    const theirs = await uploadLogo(t, b, PNG);
    const other = await saveBranding(a, theirs.id);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');

    const pdf = await libraryFile(a, PDF_BYTES, 'Letterhead.pdf', 'application/pdf');
    const asPdf = await saveBranding(a, pdf);
    expect(asPdf.status).toBe(400);
    expect(asPdf.body.error.message).toBe('The logo must be a PNG or JPEG image; this file is a PDF');
    expect(asPdf.body.error.details).toEqual([
      { path: 'logoFileId', message: 'The logo must be a PNG or JPEG image; this file is a PDF' },
    ]);

    const started = await t.call('POST', '/api/files/logo', {
      token: a.token,
      json: { name: 'half.png', size: PNG.length, type: 'image/png' },
    });
    const pending = await saveBranding(a, started.body.id);
    expect(pending.status).toBe(400);
    expect(pending.body.error.details[0].path).toBe('logoFileId');

    const malformed = await saveBranding(a, 'not/an id');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toBe('logoFileId');
  });

  it('a logo upload takes a PNG or JPEG of at most 1 MB, checked from the content', async () => {
    const big = await t.call('POST', '/api/files/logo', {
      token: a.token,
      json: { name: 'poster.png', size: LOGO_MAX_BYTES + 1, type: 'image/png' },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('A logo can be at most 1 MB');

    // The signed form itself refuses more bytes than the logo limit.
    const started = await t.call('POST', '/api/files/logo', {
      token: a.token,
      json: { name: 'liar.png', size: 1000, type: 'image/png' },
    });
    const tooMany = new Uint8Array(LOGO_MAX_BYTES + 1);
    tooMany.set(PNG);
    expect((await uploadBytes(t, started.body.upload, tooMany, 'liar.png')).status).toBe(413);

    const pdf = await uploadLogo(t, a, PDF_BYTES, 'logo.png', 'image/png');
    expect(pdf.done.status).toBe(415);
    expect(pdf.done.body.error.message).toBe('A logo must be a PNG or JPEG image: this file is a PDF');
    const gif = await uploadLogo(
      t,
      a,
      new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000'),
      'logo.gif',
      'image/gif',
    );
    expect(gif.done.status).toBe(415);
    expect(gif.done.body.error.message).toBe('A logo must be a PNG or JPEG image: this file is not one');

    // A library file cannot be completed through the logo route.
    const file = await t.call('POST', '/api/files', {
      token: a.token,
      json: { name: 'x.pdf', size: PDF_BYTES.length, type: 'application/pdf' },
    });
    const wrong = await t.call('POST', `/api/files/logo/${file.body.id}/complete`, { token: a.token });
    expect(wrong.status).toBe(404);
  });

  it('administrators of either kind upload logos; other roles may not', async () => {
    expect(
      (
        await t.call('POST', '/api/files/logo', {
          token: staff.token,
          json: { name: 'x.png', size: 10, type: 'image/png' },
        })
      ).status,
    ).toBe(403);
    const logo = await uploadLogo(t, assoc, PNG, 'association.png');
    expect(logo.done.status).toBe(200);
    const saved = await saveBranding(assoc, logo.id);
    expect(saved.status).toBe(200);
    expect((await publicLogo(saved.body.branding.logoUrl)).status).toBe(200);
  });
});
