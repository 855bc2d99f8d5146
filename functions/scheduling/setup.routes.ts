import * as z from 'zod/mini';
import { IdSchema, PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  AppointmentTypeInputSchema,
  AppointmentTypeSchema,
  ProviderInputSchema,
  ProviderSchema,
  ResourceInputSchema,
  ResourceSchema,
  UpdateProviderSchema,
  UpdateResourceSchema,
} from '../../shared/schemas/scheduling.ts';
import { VersionOnlySchema } from '../../shared/schemas/team.ts';
import '../../shared/validation.ts';
import { notFound } from '../platform/errors.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import * as feeds from './feed.service.ts';
import * as setup from './setup.service.ts';

const IdParams = z.object({ id: IdSchema });
const FeedParams = z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{40,60}$/)) });
const FeedInputSchema = z.strictObject({ showNames: z.boolean(), version: z.int().check(z.minimum(1)) });
const FeedSchema = z.object({ token: z.string(), url: z.string(), showNames: z.boolean(), version: z.int() });
const UpdateTypeSchema = z.strictObject({
  ...AppointmentTypeInputSchema.shape,
  version: z.int().check(z.minimum(1)),
});

type Route = ReturnType<typeof defineDomain>['route'];

/** Setup: providers and their calendar feeds, rooms and equipment, appointment types. */
export function setupRoutes(route: Route, tag: string, p: Platform) {
  // --- providers ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/providers',
      summary: 'List providers',
      roles: 'practice',
      query: PageQuerySchema,
      response: pageOf(ProviderSchema),
    },
    (r) => setup.listProviders(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers',
      summary: 'Add a provider',
      roles: 'practiceAdmins',
      body: ProviderInputSchema,
      response: ProviderSchema,
      status: 201,
    },
    (r) => setup.createProvider(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/providers/:id',
      summary: 'Update a provider',
      roles: 'practiceAdmins',
      params: IdParams,
      body: UpdateProviderSchema,
      response: ProviderSchema,
    },
    (r) => setup.updateProvider(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/deactivate',
      summary: 'Stop booking a provider',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      response: ProviderSchema,
    },
    (r) => setup.setProviderActive(r.db, r.params.id, false, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/reactivate',
      summary: 'Book a provider again',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      response: ProviderSchema,
    },
    (r) => setup.setProviderActive(r.db, r.params.id, true, r.body.version),
  );

  // --- calendar feeds ---
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/feed',
      summary: 'Create (or replace) a provider’s calendar feed URL',
      roles: 'practiceAdmins',
      params: IdParams,
      body: FeedInputSchema,
      response: FeedSchema,
      status: 201,
    },
    async (r, c) => {
      const feed = await feeds.createFeed(r.db, r.params.id, r.body);
      return { ...feed, url: `${new URL(c.req.url).origin}/api/scheduling/feeds/${feed.token}` };
    },
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/providers/:id/feed/revoke',
      summary: 'Revoke a provider’s calendar feed',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      status: 204,
    },
    (r) => feeds.revokeFeed(r.db, r.params.id, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/feeds/:token',
      summary: 'A provider’s calendar (iCalendar); the secret token is the only key',
      roles: 'public',
      params: FeedParams,
      produces: 'text/calendar',
    },
    async (r) => {
      const ics = await feeds.renderFeed(p.store, r.params.token, p.clock.now());
      if (!ics) throw notFound('Calendar feed');
      return new Response(ics, {
        headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
      });
    },
  );

  // --- rooms, equipment, appointment types ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/resources',
      summary: 'List rooms and equipment',
      roles: 'practice',
      query: PageQuerySchema,
      response: pageOf(ResourceSchema),
    },
    (r) => setup.listResources(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/resources',
      summary: 'Add a room or equipment',
      roles: 'practiceAdmins',
      body: ResourceInputSchema,
      response: ResourceSchema,
      status: 201,
    },
    (r) => setup.createResource(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/resources/:id',
      summary: 'Rename a room or equipment, or change its kind or location',
      roles: 'practiceAdmins',
      params: IdParams,
      body: UpdateResourceSchema,
      response: ResourceSchema,
    },
    (r) => setup.updateResource(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/resources/:id/deactivate',
      summary: 'Retire a room or equipment (booked visits keep it)',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      response: ResourceSchema,
    },
    (r) => setup.setResourceActive(r.db, r.params.id, false, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/resources/:id/reactivate',
      summary: 'Book a retired room or equipment again',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      response: ResourceSchema,
    },
    (r) => setup.setResourceActive(r.db, r.params.id, true, r.body.version),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/types',
      summary: 'List appointment types',
      roles: 'practice',
      query: PageQuerySchema,
      response: pageOf(AppointmentTypeSchema),
    },
    (r) => setup.listTypes(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/types',
      summary: 'Add an appointment type',
      roles: 'practiceAdmins',
      body: AppointmentTypeInputSchema,
      response: AppointmentTypeSchema,
      status: 201,
    },
    (r) => setup.createType(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/scheduling/types/:id',
      summary: 'Update an appointment type',
      roles: 'practiceAdmins',
      params: IdParams,
      body: UpdateTypeSchema,
      response: AppointmentTypeSchema,
    },
    (r) => setup.updateType(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/types/:id/deactivate',
      summary: 'Retire an appointment type (booked visits keep it)',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      response: AppointmentTypeSchema,
    },
    (r) => setup.setTypeActive(r.db, r.params.id, false, r.body.version),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/types/:id/reactivate',
      summary: 'Offer a retired appointment type again',
      roles: 'practiceAdmins',
      params: IdParams,
      body: VersionOnlySchema,
      response: AppointmentTypeSchema,
    },
    (r) => setup.setTypeActive(r.db, r.params.id, true, r.body.version),
  );
}
