import { pageOf } from '../../shared/schemas/common.ts';
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
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as files from './files.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * The practice's files. Everyone in the practice reads them (the handbook and policies are for all
 * of them); owners and managers upload, as they keep the practice's paper (practiceAdmins).
 */
export function fileRoutes(route: Route, p: Platform) {
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
}
