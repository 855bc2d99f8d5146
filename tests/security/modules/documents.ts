import { expect } from 'vitest';
import { PDF_BYTES, uploadBytes } from '../../support/files.ts';
import type { ModuleFixture } from './module-fixture.ts';

/** Documents in practice A: one uploaded, checked (ready) PDF. */
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
    return { fileId };
  },
  idPrefixes: { '/files': 'fileId' },
  queries: () => ({}),
  bodies: () => ({
    'POST /files': { name: 'Office policies.pdf', size: 2048, type: 'application/pdf' },
  }),
};
