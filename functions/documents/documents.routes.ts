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
import {
  FileCreateSchema,
  FileDetailSchema,
  FileIdParamsSchema,
  FileListQuerySchema,
  FileSchema,
  FileUploadSchema,
} from '../../shared/schemas/files.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as documents from './documents.service.ts';
import * as files from './files.service.ts';

/**
 * Documents: the practice's files (and, next, its versioned documents and signatures).
 * Everyone in the practice reads the files (the handbook and policies are for all of them);
 * owners and managers upload, as they keep the practice's paper (practiceAdmins).
 */
export function createDocumentsApp(p: Platform) {
  const { route, domain } = defineDomain('documents', p);
  const tag = 'files';

  route(
    {
      tag,
      method: 'post',
      path: '/files',
      summary: 'Start an upload: a file record and the signed form to POST the bytes to (at most 10 MB)',
      roles: 'practiceAdmins',
      body: FileCreateSchema,
      response: FileUploadSchema,
      status: 201,
    },
    (r) => files.createUpload(r.db, p.files, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/files/:id/complete',
      summary: 'Check an uploaded file from its content (PDF, PNG, JPEG, CSV or text) and make it ready',
      roles: 'practiceAdmins',
      params: FileIdParamsSchema,
      response: FileSchema,
    },
    (r) => files.completeUpload(r.db, p.files, r.params.id),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/files',
      summary: 'Ready files, newest first or by name',
      roles: 'practice',
      query: FileListQuerySchema,
      response: pageOf(FileSchema),
    },
    (r) => files.listFiles(r.db, r.query, pageArgs(r.query)),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/files/:id',
      summary: 'A file and a download link valid for a few minutes',
      roles: 'practice',
      params: FileIdParamsSchema,
      response: FileDetailSchema,
    },
    (r) => files.getFile(r.db, p.files, r.params.id),
  );
  documentRoutes(route);
  return domain;
}

/** The library: documents in folders, each with its versions' text (drafts, for now). */
function documentRoutes(route: ReturnType<typeof defineDomain>['route']) {
  const tag = 'documents';
  route(
    {
      tag,
      method: 'post',
      path: '/documents',
      summary: 'Create a document in a folder, with its first draft',
      roles: 'practiceAdmins',
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
      summary: 'The library: a folder by title, or every document by when it changed; q searches titles',
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
      summary: 'A document with its newest version’s text',
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
      summary: 'Save the draft’s text and change note',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      body: DraftSaveSchema,
      response: DocumentDetailSchema,
    },
    (r) => documents.saveDraft(r.db, r.params.id, r.body),
  );
}
