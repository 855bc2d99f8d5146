import { expect } from 'vitest';
import { PDF_BYTES, uploadBytes } from '../../support/files.ts';
import type { ModuleFixture } from './module-fixture.ts';

/** Documents in practice A: one uploaded, checked (ready) PDF and one document with its draft. */
export const documentsFixture: ModuleFixture = {
  seed: async ({ t, a }) => {
    const res = await t.call('POST', '/api/files', {
      token: a.token,
      json: { name: 'Employee handbook.pdf', size: PDF_BYTES.length, type: 'application/pdf' },
    });
    expect(res.status).toBe(201);
    expect((await uploadBytes(t, res.body.upload, PDF_BYTES)).status).toBe(204);
    const fileId = res.body.id as string;
    const done = await t.call('POST', `/api/files/${fileId}/complete`, { token: a.token });
    expect(done.status).toBe(200);
    const doc = await t.call('POST', '/api/documents', {
      token: a.token,
      json: { title: 'Workstation security policy', folder: 'policies', tags: ['hipaa'] },
    });
    expect(doc.status).toBe(201);
    return { fileId, documentId: doc.body.id as string };
  },
  idPrefixes: { '/files': 'fileId', '/documents': 'documentId' },
  queries: () => ({}),
  bodies: (ids) => ({
    'POST /files': { name: 'Office policies.pdf', size: 2048, type: 'application/pdf' },
    'POST /files/logo': { name: 'Logo.png', size: 2048, type: 'image/png' },
    'POST /documents': { title: 'Fire safety plan', folder: 'procedures', tags: ['osha'] },
    'PUT /documents/:id': { title: 'Workstation security', folder: 'policies', tags: ['hipaa'], version: 1 },
    'PUT /documents/:id/draft': {
      blocks: [{ kind: 'paragraph', text: [{ text: 'Screens lock after five minutes.' }] }],
      version: 1,
    },
    'POST /documents/:id/submit': { approverIds: [ids.staffUserId], message: 'Please approve', version: 1 },
    'POST /documents/:id/review': { decision: 'send_back', comment: 'Add the screen lock time', version: 1 },
    'POST /documents/:id/publish': {
      audience: { roles: ['staff'], userIds: [] },
      signBy: '2027-12-31',
      version: 1,
    },
    'POST /documents/:id/versions': { version: 1 },
    'POST /documents/:id/versions/:n/signatures': { typedName: 'Stella Staff' },
  }),
};
