import { pageOf } from '../../shared/schemas/common.ts';
import {
  CandidateDetailSchema,
  CandidateInputSchema,
  CandidateListQuerySchema,
  CandidateNoteInputSchema,
  CandidateSchema,
  CandidateStageInputSchema,
  HireInputSchema,
  HireResultSchema,
  HiringIdParamsSchema,
  OfferInputSchema,
  OpeningInputSchema,
  OpeningListQuerySchema,
  OpeningSchema,
  OpeningUpdateSchema,
  ScorecardInputSchema,
} from '../../shared/schemas/hr-hiring.ts';
import '../../shared/validation.ts';
import { pageArgs } from '../platform/http/paging.ts';
import type { defineDomain } from '../platform/http/route.ts';
import {
  addCandidate,
  addNote,
  createOpening,
  getCandidate,
  getOpening,
  hireCandidate,
  listCandidates,
  listOpenings,
  makeOffer,
  moveCandidate,
  saveScorecard,
  updateOpening,
} from './hiring.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/**
 * Hiring: openings, candidates, interview notes, scorecards, offers and the hire. Owners and managers
 * only, every route: candidates' data never reaches anyone else in the practice.
 */
export function hiringRoutes(route: Route) {
  const tag = 'hr';
  const roles = 'practiceAdmins' as const;
  route(
    {
      tag,
      method: 'get',
      path: '/hr/openings',
      summary: 'Openings by the day opened (newest first; `dir=asc` oldest), filtered by status',
      roles,
      query: OpeningListQuerySchema,
      response: pageOf(OpeningSchema),
    },
    (r) => listOpenings(r.db, r.query, pageArgs(r.query, 25).limit),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/openings',
      summary: 'Open a position',
      roles,
      body: OpeningInputSchema,
      response: OpeningSchema,
      status: 201,
    },
    (r) => createOpening(r.db, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/openings/:id',
      summary: 'One opening',
      roles,
      params: HiringIdParamsSchema,
      response: OpeningSchema,
    },
    (r) => getOpening(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/openings/:id',
      summary: 'Change an opening or close it, at the version read (a hire marks it filled)',
      roles,
      params: HiringIdParamsSchema,
      body: OpeningUpdateSchema,
      response: OpeningSchema,
    },
    (r) => updateOpening(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/openings/:id/candidates',
      summary: 'An opening’s candidates by stage (pipeline order), then by the day they applied',
      roles,
      params: HiringIdParamsSchema,
      query: CandidateListQuerySchema,
      response: pageOf(CandidateSchema),
    },
    (r) => listCandidates(r.db, r.params.id, r.query, pageArgs(r.query, 50).limit),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/openings/:id/candidates',
      summary: 'Add a candidate to an open position',
      roles,
      params: HiringIdParamsSchema,
      body: CandidateInputSchema,
      response: CandidateSchema,
      status: 201,
    },
    (r) => addCandidate(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'get',
      path: '/hr/candidates/:id',
      summary: 'A candidate with stages, interview notes, scorecards and offer',
      roles,
      params: HiringIdParamsSchema,
      response: CandidateDetailSchema,
    },
    (r) => getCandidate(r.db, r.params.id),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/candidates/:id/stage',
      summary: 'Move a candidate to a stage on a date',
      roles,
      params: HiringIdParamsSchema,
      body: CandidateStageInputSchema,
      response: CandidateDetailSchema,
    },
    (r) => moveCandidate(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/candidates/:id/notes',
      summary: 'Add an interview note',
      roles,
      params: HiringIdParamsSchema,
      body: CandidateNoteInputSchema,
      response: CandidateDetailSchema,
      status: 201,
    },
    (r) => addNote(r.db, r.params.id, r.body.text),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/candidates/:id/scorecard',
      summary: 'Save the caller’s own scorecard: areas rated 1–5 and a recommendation',
      roles,
      params: HiringIdParamsSchema,
      body: ScorecardInputSchema,
      response: CandidateDetailSchema,
    },
    (r) => saveScorecard(r.db, r.auth, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'put',
      path: '/hr/candidates/:id/offer',
      summary: 'Make or change the offer (pay, start date); the candidate moves to the offer stage',
      roles,
      params: HiringIdParamsSchema,
      body: OfferInputSchema,
      response: CandidateDetailSchema,
    },
    (r) => makeOffer(r.db, r.params.id, r.body),
  );
  route(
    {
      tag,
      method: 'post',
      path: '/hr/candidates/:id/hire',
      summary: 'Hire on the offer: adds the person to the staff directory and marks the opening filled',
      roles,
      params: HiringIdParamsSchema,
      body: HireInputSchema,
      response: HireResultSchema,
      status: 201,
    },
    (r) => hireCandidate(r.db, r.auth, r.params.id, r.body),
  );
}
