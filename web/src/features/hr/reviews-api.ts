import { query } from '@solidjs/router';
import type { Page } from '../../../../shared/schemas/common.ts';
import type {
  Review,
  ReviewAcknowledge,
  ReviewDueQuery,
  ReviewDueRow,
  ReviewManager,
  ReviewSelf,
} from '../../../../shared/schemas/hr-reviews.ts';
import { api } from '../../lib/api.ts';
import { mutate } from '../../lib/mutation.ts';
import { getToday, getTodayCounts } from '../today/api.ts';

export type ReviewDueFilters = Pick<ReviewDueQuery, 'sort' | 'dir' | 'show'>;

/** Each current person's open or next due review (owners and managers). */
export const listDueReviews = query(
  (f: ReviewDueFilters, cursor: string | undefined, limit: number) =>
    api<Page<ReviewDueRow>>('/hr/reviews/due', {
      query: { sort: f.sort, dir: f.dir, show: f.show, cursor, limit },
    }),
  'hrReviewsDue',
);

/** One person's reviews, newest first (the caller's own when no person is named, or for staff). */
export const listReviews = query(
  (staffId: string | undefined, cursor: string | undefined, limit: number) =>
    api<Page<Review>>('/hr/reviews', { query: { staffId, cursor, limit } }),
  'hrReviews',
);

export const getReview = query(
  (id: string) => api<Review>(`/hr/reviews/${encodeURIComponent(id)}`),
  'hrReview',
);

const KEYS = [listDueReviews.key, listReviews.key, getReview.key, getToday.key, getTodayCounts.key];
const post = (path: string, body: unknown) => mutate(api<Review>(path, { method: 'POST', body }), KEYS);

/** Opens the person's next due review. */
export const startReview = (staffId: string) => post('/hr/reviews', { staffId });
export const submitSelfReview = (id: string, body: ReviewSelf) =>
  post(`/hr/reviews/${encodeURIComponent(id)}/self`, body);
export const submitManagerReview = (id: string, body: ReviewManager) =>
  post(`/hr/reviews/${encodeURIComponent(id)}/manager`, body);
export const acknowledgeReview = (id: string, body: ReviewAcknowledge) =>
  post(`/hr/reviews/${encodeURIComponent(id)}/acknowledge`, body);
