import { pageOf } from '../../shared/schemas/common.ts';
import {
  ReviewAcknowledgeSchema,
  ReviewDueQuerySchema,
  ReviewDueRowSchema,
  ReviewIdParamsSchema,
  ReviewListQuerySchema,
  ReviewManagerSchema,
  ReviewSchema,
  ReviewSelfSchema,
  ReviewStartSchema,
} from '../../shared/schemas/hr-reviews.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  acknowledgeReview,
  getReview,
  listReviews,
  startReview,
  submitManager,
  submitSelf,
} from './reviews.service.ts';
import { listDue } from './reviews-due.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Performance reviews. Owners and managers see the due list and everyone's reviews and write the
 * manager's review; a person sees their own, writes their self-review and signs off.
 */
export function reviewsRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/reviews/due',
      summary:
        'Each current person’s open review or next due one (90 days after hire, then each anniversary), sorted and paged',
      roles: 'practiceAdmins',
      query: ReviewDueQuerySchema,
      response: pageOf(ReviewDueRowSchema),
    },
    (r) => listDue(r.db, r.query, pageArgs(r.query, 25).limit),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/reviews',
      summary: 'One person’s reviews, newest first; staff see only their own, never private notes',
      roles: 'practice',
      query: ReviewListQuerySchema,
      response: pageOf(ReviewSchema),
    },
    (r) => listReviews(r.db, r.auth, r.query, pageArgs(r.query, 25).limit),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/reviews/:id',
      summary: 'One review: owners and managers, or the person reviewed (without private notes)',
      roles: 'practice',
      params: ReviewIdParamsSchema,
      response: ReviewSchema,
    },
    (r) => getReview(r.db, r.auth, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/reviews',
      summary:
        'Open a person’s next due review: their self-review is a Today item, and managers are alerted ahead of the due date',
      roles: 'practiceAdmins',
      body: ReviewStartSchema,
      response: ReviewSchema,
      status: 201,
    },
    (r) => startReview(r.db, r.auth, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/reviews/:id/self',
      summary: 'The person’s self-review, at the version read',
      roles: 'practice',
      params: ReviewIdParamsSchema,
      body: ReviewSelfSchema,
      response: ReviewSchema,
    },
    (r) => submitSelf(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/reviews/:id/manager',
      summary: 'The manager’s review (never one’s own); the person is then asked to sign off',
      roles: 'practiceAdmins',
      params: ReviewIdParamsSchema,
      body: ReviewManagerSchema,
      response: ReviewSchema,
    },
    (r) => submitManager(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/reviews/:id/acknowledge',
      summary: 'The person signs off their review, with a comment if they like',
      roles: 'practice',
      params: ReviewIdParamsSchema,
      body: ReviewAcknowledgeSchema,
      response: ReviewSchema,
    },
    (r) => acknowledgeReview(r.db, r.auth, r.params.id, r.body),
  );
}
