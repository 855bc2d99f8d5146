/** POSTs as practice A's owner and answers the body (expects 2xx). */
type Post = (path: string, json: unknown) => Promise<{ id: string; version: number }>;

/**
 * The response-contract test's set-up for the document workflow: each step on its own document of
 * practice A, brought to the state the step needs (a draft to submit, one in review to approve,
 * an approved one to publish, a published one to sign, remind about or revise).
 */
export function documentCalls(post: Post, ownerId: () => string) {
  return {
    'POST /documents/:id/submit': async () => {
      const doc = await policy(post, ownerId, 'Submit me');
      return {
        path: `/api/documents/${doc.id}/submit`,
        body: { approverIds: [ownerId()], version: doc.version },
      };
    },
    'POST /documents/:id/review': async () => {
      const doc = await policy(post, ownerId, 'Review me', 'in_review');
      return { path: `/api/documents/${doc.id}/review`, body: { decision: 'approve', version: doc.version } };
    },
    'POST /documents/:id/publish': async () => {
      const doc = await policy(post, ownerId, 'Publish me', 'approved');
      return {
        path: `/api/documents/${doc.id}/publish`,
        body: { audience: { roles: ['owner', 'staff'], userIds: [] }, version: doc.version },
      };
    },
    'POST /documents/:id/versions': async () => {
      const doc = await policy(post, ownerId, 'Revise me', 'published');
      return { path: `/api/documents/${doc.id}/versions`, body: { version: doc.version } };
    },
    'POST /documents/:id/versions/:n/signatures': async () => {
      const doc = await policy(post, ownerId, 'Sign me', 'published');
      return { path: `/api/documents/${doc.id}/versions/1/signatures`, body: { typedName: 'Olivia Owner' } };
    },
    'GET /documents/:id/versions/:n/signatures': async () => {
      const doc = await policy(post, ownerId, 'Sheet me', 'published');
      return { path: `/api/documents/${doc.id}/versions/1/signatures` };
    },
    'POST /documents/:id/remind': async () => {
      const doc = await policy(post, ownerId, 'Remind me', 'published');
      return { path: `/api/documents/${doc.id}/remind` };
    },
  } satisfies Record<string, () => Promise<{ path: string; body?: unknown }>>;
}

/** A policy of practice A brought to `stage` (sent to and approved by A's owner, published to owner and staff). */
async function policy(
  post: Post,
  ownerId: () => string,
  title: string,
  stage: 'draft' | 'in_review' | 'approved' | 'published' = 'draft',
) {
  let doc = await post('/documents', {
    title,
    folder: 'policies',
    blocks: [{ kind: 'paragraph', text: [{ text: 'Lock the screen when you step away.' }] }],
  });
  if (stage === 'draft') return doc;
  doc = await post(`/documents/${doc.id}/submit`, { approverIds: [ownerId()], version: doc.version });
  if (stage === 'in_review') return doc;
  doc = await post(`/documents/${doc.id}/review`, { decision: 'approve', version: doc.version });
  if (stage === 'approved') return doc;
  return post(`/documents/${doc.id}/publish`, {
    audience: { roles: ['owner', 'staff'], userIds: [] },
    version: doc.version,
  });
}
