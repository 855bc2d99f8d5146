import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';
import { PDF_BYTES, uploadBytes } from '../support/files.ts';

let t: TestApp;
let owner: Session;
let manager: Session;
let desk: Session;
let other: Session;

const as = (s: Session) => (method: string, path: string, json?: unknown) =>
  t.call(method, `/api${path}`, { token: s.token, json });
const para = (text: string) => ({ kind: 'paragraph', text: [{ text }] });

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'PDF Practice');
  manager = await addMember(t, owner, 'manager', 'Mona Manager');
  desk = await addMember(t, owner, 'staff', 'Dana Desk');
  other = await signUpPractice(t, 'Other PDF Practice');
});

describe('a version that is an uploaded PDF', () => {
  it('is signed against the SHA-256 of the PDF’s bytes; only a ready PDF of the practice can be one', async () => {
    const upload = async (s: Session, name: string, bytes: Uint8Array, type: string) => {
      const started = await as(s)('POST', '/files', { name, size: bytes.length, type });
      await uploadBytes(t, started.body.upload, bytes);
      expect((await as(s)('POST', `/files/${started.body.id}/complete`)).status).toBe(200);
      return started.body.id as string;
    };
    const pdf = await upload(manager, 'Fire evacuation map.pdf', PDF_BYTES, 'application/pdf');
    const text = await upload(
      manager,
      'notes.txt',
      new TextEncoder().encode('exit by the back stairs'),
      'text/plain',
    );
    const theirs = await upload(other, 'Their map.pdf', PDF_BYTES, 'application/pdf');
    const created = await as(manager)('POST', '/documents', {
      title: 'Fire evacuation map',
      folder: 'procedures',
    });
    for (const [fileId, why] of [
      [text, 'a text file'],
      [theirs, 'another practice’s PDF'],
    ]) {
      const res = await as(manager)('PUT', `/documents/${created.body.id}/draft`, {
        blocks: [],
        fileId,
        version: created.body.version,
      });
      expect(res.status, why).toBe(400);
      expect(res.body.error.details, why).toEqual([{ path: 'fileId', message: 'Choose a PDF from Files' }]);
    }
    const both = await as(manager)('PUT', `/documents/${created.body.id}/draft`, {
      blocks: [para('Exit by the back stairs.')],
      fileId: pdf,
      version: created.body.version,
    });
    expect(both.status).toBe(400);
    const saved = await as(manager)('PUT', `/documents/${created.body.id}/draft`, {
      blocks: [],
      fileId: pdf,
      version: created.body.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sha256 = createHash('sha256').update(PDF_BYTES).digest('hex');
    expect(saved.body.latest.file).toEqual({
      id: pdf,
      name: 'Fire evacuation map.pdf',
      size: PDF_BYTES.length,
      sha256,
    });
    const sent = await as(manager)('POST', `/documents/${created.body.id}/submit`, {
      approverIds: [owner.userId],
      version: saved.body.version,
    });
    const ok = await as(owner)('POST', `/documents/${created.body.id}/review`, {
      decision: 'approve',
      version: sent.body.version,
    });
    const published = await as(manager)('POST', `/documents/${created.body.id}/publish`, {
      audience: { roles: [], userIds: [desk.userId] },
      version: ok.body.version,
    });
    expect(published.body.latest.contentHash).toBe(sha256);
    const signed = await as(desk)('POST', `/documents/${created.body.id}/versions/1/signatures`, {
      typedName: 'Dana Desk',
    });
    expect(signed.body.contentHash).toBe(sha256);
  });
});
