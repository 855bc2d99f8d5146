import * as z from 'zod/mini';
import { pageOf } from '../../shared/schemas/common.ts';
import {
  ChecklistIdParamsSchema,
  ChecklistListQuerySchema,
  ChecklistSchema,
  ChecklistStartSchema,
  ChecklistTaskDoneSchema,
  ChecklistTemplateInputSchema,
  ChecklistTemplateSchema,
  SignableDocumentSchema,
} from '../../shared/schemas/hr-checklists.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { signableDocuments } from './checklist-signing.service.ts';
import {
  completeTask,
  getChecklist,
  listChecklists,
  listTemplates,
  saveTemplate,
  startChecklist,
} from './checklists.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Onboarding and offboarding checklists. Owners and managers edit the templates, start a person's
 * checklist and see them all; a task's owner (or the person) sees the checklist and ticks their task.
 */
export function checklistsRoutes(route: Route) {
  const tag = 'hr';
  route(
    {
      tag,
      method: 'get',
      path: '/hr/checklists/templates',
      summary: 'Every onboarding and offboarding template, per staff role (Rounds’ defaults until saved)',
      roles: 'practiceAdmins',
      response: z.object({ items: z.array(ChecklistTemplateSchema) }),
    },
    (r) => listTemplates(r.db),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/checklists/templates',
      summary: 'Save one kind and role’s tasks at the version read (0 replaces Rounds’ default)',
      roles: 'practiceAdmins',
      body: ChecklistTemplateInputSchema,
      response: ChecklistTemplateSchema,
    },
    (r) => saveTemplate(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/checklists/documents',
      summary:
        'Published documents a template task may ask the person to sign (the handbook picker); `signs: "handbook"` names the Handbook folder’s',
      roles: 'practiceAdmins',
      response: z.object({ items: z.array(SignableDocumentSchema) }),
    },
    (r) => signableDocuments(r.db),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/checklists',
      summary: 'The practice’s checklists (open by default), sorted and paged',
      roles: 'practiceAdmins',
      query: ChecklistListQuerySchema,
      response: pageOf(ChecklistSchema),
    },
    (r) => listChecklists(r.db, r.query, pageArgs(r.query, 25).limit),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/checklists/:id',
      summary: 'One checklist: managers, the person, or someone with a task on it',
      roles: 'practice',
      params: ChecklistIdParamsSchema,
      response: ChecklistSchema,
    },
    (r) => getChecklist(r.db, r.auth, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/checklists',
      summary:
        'Start a person’s onboarding or offboarding checklist from their role’s template; each task is a Today item for its owner',
      roles: 'practiceAdmins',
      body: ChecklistStartSchema,
      response: ChecklistSchema,
      status: 201,
    },
    (r) => startChecklist(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/checklists/:id/done',
      summary: 'Tick a task (its owner or a manager) at the checklist’s version; its Today item closes',
      roles: 'practice',
      params: ChecklistIdParamsSchema,
      body: ChecklistTaskDoneSchema,
      response: ChecklistSchema,
    },
    (r) => completeTask(r.db, r.auth, r.params.id, r.body.taskId, r.body.version),
  );
}
