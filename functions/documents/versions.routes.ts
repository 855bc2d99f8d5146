import { PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  DocumentDetailSchema,
  DocumentIdParamsSchema,
  DocumentVersionSchema,
  EvidenceSchema,
  NewVersionSchema,
  PublishSchema,
  RemindResultSchema,
  ReviewDecisionSchema,
  SignatureSchema,
  SignatureSheetSchema,
  SignSchema,
  SubmitForApprovalSchema,
  VersionParamsSchema,
  VersionSummarySchema,
} from '../../shared/schemas/documents.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as signatures from './signatures.service.ts';
import * as versions from './versions.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Versions and signatures. Owners and managers send drafts for approval, publish and remind;
 * approvers (anyone in the practice named on the version) approve or send back; the people a
 * published version asks sign it. The services check who is named; the role group admits the rest.
 */
export function versionRoutes(route: Route, p: Platform) {
  const tag = 'documents';
  route(
    {
      tag,
      method: 'post',
      path: '/documents/:id/submit',
      summary: 'Send the draft to named approvers (each gets a Today item)',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      body: SubmitForApprovalSchema,
      response: DocumentDetailSchema,
    },
    (r) => versions.submitForApproval(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/documents/:id/review',
      summary: 'Approve the version in review, or send it back with a comment (named approvers only)',
      roles: 'practice',
      params: DocumentIdParamsSchema,
      body: ReviewDecisionSchema,
      response: DocumentDetailSchema,
    },
    (r) => versions.review(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/documents/:id/publish',
      summary: 'Publish the approved version and ask roles or people to read and sign it',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      body: PublishSchema,
      response: DocumentDetailSchema,
    },
    (r) => versions.publish(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/documents/:id/versions',
      summary: 'Start a new draft from the published version (published text never changes)',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      body: NewVersionSchema,
      response: DocumentDetailSchema,
      status: 201,
    },
    (r) => versions.startNewVersion(r.db, r.params.id, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/documents/:id/versions',
      summary: 'The versions the caller may read, newest first',
      roles: 'practice',
      params: DocumentIdParamsSchema,
      query: PageQuerySchema,
      response: pageOf(VersionSummarySchema),
    },
    (r) => versions.listVersions(r.db, r.params.id, pageArgs(r.query)),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/documents/:id/versions/:n',
      summary: 'One version’s text, approvals and publication',
      roles: 'practice',
      params: VersionParamsSchema,
      response: DocumentVersionSchema,
    },
    (r) => versions.getVersion(r.db, r.params.id, Number(r.params.n)),
  );
  signatureRoutes(route, p);
}

function signatureRoutes(route: Route, p: Platform) {
  const tag = 'documents';
  route(
    {
      tag,
      method: 'post',
      path: '/documents/:id/versions/:n/signatures',
      summary: 'Sign the version in force with your typed full name (people it asks only)',
      roles: 'practice',
      params: VersionParamsSchema,
      body: SignSchema,
      response: SignatureSchema,
      status: 201,
    },
    (r, c) =>
      signatures.sign(r.db, r.params.id, Number(r.params.n), r.body, {
        ip: r.clientIp,
        userAgent: c.req.header('user-agent'),
      }),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/documents/:id/versions/:n/signatures',
      summary: 'Who signed a published version, and who it asks that has not',
      roles: 'practiceAdmins',
      params: VersionParamsSchema,
      response: SignatureSheetSchema,
    },
    (r) => signatures.signatureSheet(r.db, r.params.id, Number(r.params.n)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/documents/:id/remind',
      summary: 'Email everyone the version in force asks who has not signed it',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      response: RemindResultSchema,
    },
    (r) => signatures.remindUnsigned(p, r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/documents/:id/evidence',
      summary: 'For an auditor: every published version with its approvals and signature sheet',
      roles: 'practiceAdmins',
      params: DocumentIdParamsSchema,
      response: EvidenceSchema,
    },
    (r) => signatures.evidence(r.db, r.params.id),
  );
}
