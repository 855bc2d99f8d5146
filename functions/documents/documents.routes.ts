import { pageOf } from '../../shared/schemas/common.ts';
import {
  DocumentCreateSchema,
  DocumentDetailSchema,
  DocumentIdParamsSchema,
  DocumentListQuerySchema,
  DocumentSchema,
  DocumentUpdateSchema,
  DraftSaveSchema,
} from '../../shared/schemas/documents.ts';
import '../../shared/validation.ts';
import { DOCUMENT_BODY_BYTES } from '../platform/http/body-limit.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as documents from './documents.service.ts';
import { fileRoutes } from './files.routes.ts';
import { logoRoutes } from './logo.routes.ts';
import { versionRoutes } from './versions.routes.ts';

/**
 * Documents: the practice's files, its library of documents, their versions' way to publication
 * and the signatures they ask for. Owners and managers write; everyone reads what is in force.
 */
export function createDocumentsApp(p: Platform) {
  const { route, domain } = defineDomain('documents', p);
  fileRoutes(route, p);
  logoRoutes(route, p);
  documentRoutes(route, p);
  versionRoutes(route, p);
  return domain;
}

/** The library: documents in folders, found by title and text. */
function documentRoutes(route: ReturnType<typeof defineDomain>['route'], p: Platform) {
  const tag = 'documents';
  route(
    {
      tag,
      method: 'post',
      path: '/documents',
      summary: 'Create a document in a folder, with its first draft',
      roles: 'practiceAdmins',
      maxBodyBytes: DOCUMENT_BODY_BYTES,
      body: DocumentCreateSchema,
      response: DocumentDetailSchema,
      status: 201,
    },
    (r) => documents.createDocument(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/documents',
      summary:
        'The library: a folder by title, or every document by when it changed; q searches title, tags and text',
      roles: 'practice',
      query: DocumentListQuerySchema,
      response: pageOf(DocumentSchema),
    },
    (r) => documents.listDocuments(r.db, r.query, pageArgs(r.query)),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/documents/:id',
      summary:
        'A document with the version the caller works on (the newest for owners and managers, else the one in force)',
      roles: 'practice',
      params: DocumentIdParamsSchema,
      response: DocumentDetailSchema,
    },
    (r) => documents.getDocument(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/documents/:id',
      summary: 'Rename a document, move it to another folder or change its tags',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      body: DocumentUpdateSchema,
      response: DocumentSchema,
    },
    (r) => documents.updateDocument(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/documents/:id/draft',
      summary: 'Save the draft’s text and change note (a version in review or published never changes: 409)',
      roles: 'practiceAdmins',
      maxBodyBytes: DOCUMENT_BODY_BYTES,
      params: DocumentIdParamsSchema,
      body: DraftSaveSchema,
      response: DocumentDetailSchema,
    },
    (r) => documents.saveDraft(r.db, p.files, r.params.id, r.body),
  );
}
