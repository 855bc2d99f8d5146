import * as z from 'zod/mini';
import { IdSchema, PageQuerySchema, pageOf } from '../../shared/schemas/common.ts';
import {
  DateSchema,
  ExceptionInputSchema,
  ExceptionSchema,
  TemplateInputSchema,
  TemplateSchema,
} from '../../shared/schemas/scheduling.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import * as setup from './setup.service.ts';

const TemplateParams = z.object({ providerId: IdSchema, id: IdSchema });
const ExceptionParams = z.object({ startDate: DateSchema, id: IdSchema });

type Route = ReturnType<typeof defineDomain>['route'];

/** Setup of when providers work: weekly hours, and time off, holidays and closures. */
export function hoursRoutes(route: Route, tag: string) {
  // --- availability ---
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/templates',
      summary: 'List weekly hours',
      roles: 'practice',
      query: PageQuerySchema,
      response: pageOf(TemplateSchema),
    },
    (r) => setup.listTemplates(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/templates',
      summary: 'Add weekly hours for a provider',
      roles: 'practiceAdmins',
      body: TemplateInputSchema,
      response: TemplateSchema,
      status: 201,
    },
    (r) => setup.createTemplate(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'delete',
      path: '/scheduling/templates/:providerId/:id',
      summary: 'Remove weekly hours',
      roles: 'practiceAdmins',
      params: TemplateParams,
      status: 204,
    },
    (r) => setup.deleteTemplate(r.db, r.params.providerId, r.params.id),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/exceptions',
      summary: 'List time off, holidays and closures',
      roles: 'practice',
      query: PageQuerySchema,
      response: pageOf(ExceptionSchema),
    },
    (r) => setup.listExceptions(r.db, pageArgs(r.query, 100)),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/scheduling/exceptions',
      summary: 'Add time off, a holiday or a closure',
      roles: 'practiceAdmins',
      body: ExceptionInputSchema,
      response: ExceptionSchema,
      status: 201,
    },
    (r) => setup.createException(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'delete',
      path: '/scheduling/exceptions/:startDate/:id',
      summary: 'Remove time off, a holiday or a closure',
      roles: 'practiceAdmins',
      params: ExceptionParams,
      status: 204,
    },
    (r) => setup.deleteException(r.db, r.params.startDate, r.params.id),
  );
}
