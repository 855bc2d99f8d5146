import * as z from 'zod/mini';
import '../../shared/validation.ts';
import { notFound } from '../platform/errors.ts';
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { createMyFeed, myFeed, renderStaffFeed, revokeMyFeed } from './staff-feed.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

const FeedParams = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a feed address')),
});

/** Each person's own shift calendar feed: made and revoked by them; read by their calendar app. */
export function staffFeedRoutes(route: Route, p: Platform) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/my-shifts/feed',
      summary: 'Whether the caller has a shift calendar feed, and since when',
      roles: 'practice',
      response: z.object({ active: z.boolean(), createdAt: z.optional(z.string()) }),
    },
    (r) => myFeed(r.db, r.auth.userId),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/my-shifts/feed',
      summary:
        'Create (or replace) the caller’s shift calendar feed; the token in the answer is shown once and opens GET /api/hr/feeds/{token}',
      roles: 'practice',
      response: z.object({ token: z.string(), url: z.string(), createdAt: z.string() }),
      status: 201,
    },
    async (r, c) => {
      const feed = await createMyFeed(r.db, r.auth.userId);
      return { ...feed, url: `${new URL(c.req.url).origin}/api/hr/feeds/${feed.token}` };
    },
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/my-shifts/feed/revoke',
      summary: 'Revoke the caller’s shift calendar feed: its address stops working at once',
      roles: 'practice',
      status: 204,
    },
    async (r) => {
      await revokeMyFeed(r.db, r.auth.userId);
    },
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/feeds/:token',
      summary: 'A staff member’s published shifts (iCalendar); the secret token is the only key',
      roles: 'public',
      params: FeedParams,
      produces: 'text/calendar',
    },
    async (r) => {
      const ics = await renderStaffFeed(p, r.params.token);
      if (!ics) throw notFound('Calendar feed');
      return new Response(ics, {
        headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
      });
    },
  );
}
