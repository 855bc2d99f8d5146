/**
 * The logo's routes in the documents function (the one that holds the file store, so the S3 SDK
 * stays out of the tenants and scheduling bundles): uploading a logo, for either kind of tenant's
 * administrators, and the public address every page and print loads it from.
 * Reads tenants/settings.service.ts (`currentLogoFileId`: which file is the tenant's logo now).
 */
import * as z from 'zod/mini';
import {
  FileCreateSchema,
  FileIdParamsSchema,
  FileSchema,
  FileUploadSchema,
} from '../../shared/schemas/files.ts';
import '../../shared/validation.ts';
import { systemDb } from '../platform/db/system-db.ts';
import { notFound } from '../platform/errors.ts';
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { currentLogoFileId } from '../tenants/settings.service.ts';
import { completeLogoUpload, readLogo, startLogoUpload } from './logo.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * A browser keeps the logo a day, then asks again with its ETag (a 304 while it is still the logo).
 * The address names one file id and file bytes never change, so a day-old copy is never wrong, only
 * possibly a logo the practice has since replaced (its pages already point at the new address).
 */
const LOGO_CACHE = 'public, max-age=86400';
const LogoParams = z.object({ tenantId: z.string(), fileId: z.string() });
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function logoRoutes(route: Route, p: Platform) {
  const tag = 'branding';
  route(
    {
      tag,
      method: 'post',
      path: '/files/logo',
      summary: 'Start a logo upload (a PNG or JPEG of at most 1 MB): a file record and the signed form',
      roles: 'tenantAdmins',
      body: FileCreateSchema,
      response: FileUploadSchema,
      status: 201,
    },
    (r) => startLogoUpload(r.db, p.files, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/files/logo/:id/complete',
      summary: 'Check an uploaded logo from its content (PNG or JPEG, at most 1 MB) and make it ready',
      roles: 'tenantAdmins',
      params: FileIdParamsSchema,
      response: FileSchema,
    },
    (r) => completeLogoUpload(r.db, p.files, r.params.id),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/public/logo/:tenantId/:fileId',
      summary: "A tenant's logo image while that file is its logo, else 404 (no sign-in)",
      roles: 'public',
      params: LogoParams,
      produces: 'image/png',
    },
    async (r, c) => {
      const { tenantId, fileId } = r.params;
      if (!ID.test(tenantId) || !ID.test(fileId)) throw notFound('Logo');
      const db = systemDb(p, tenantId, { id: 'public-logo', name: 'Logo (public address)' });
      if ((await currentLogoFileId(db)) !== fileId) throw notFound('Logo');
      const headers = { 'cache-control': LOGO_CACHE, etag: `"${fileId}"` };
      if ((c.req.header('if-none-match') ?? '').includes(headers.etag)) {
        return new Response(null, { status: 304, headers });
      }
      const logo = await readLogo(db, p.files, fileId);
      if (!logo) throw notFound('Logo');
      return new Response(new Uint8Array(logo.bytes), {
        headers: {
          ...headers,
          'content-type': logo.contentType,
          'content-length': String(logo.bytes.length),
          'content-disposition': 'inline',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'",
        },
      });
    },
  );
}
