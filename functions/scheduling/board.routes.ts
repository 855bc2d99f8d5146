import { DayBoardQuerySchema, DayBoardSchema } from '../../shared/schemas/day-board.ts';
import type { defineDomain } from '../platform/http/route.ts';
import { dayBoard } from './board.service.ts';

type Route = ReturnType<typeof defineDomain>['route'];

/** The schedule's first paint in one request (see shared/schemas/day-board.ts). */
export function boardRoutes(route: Route, tag: string) {
  route(
    {
      tag,
      method: 'get',
      path: '/scheduling/board',
      summary: "A location's day with its locations, providers, visit types and hours, in one answer",
      roles: 'practice',
      query: DayBoardQuerySchema,
      response: DayBoardSchema,
    },
    (r) => dayBoard(r.db, r.query),
  );
}
