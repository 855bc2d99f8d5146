import { defineDomain } from '../platform/http/route.ts';
import type { Platform } from '../platform/platform.ts';
import { checklistsRoutes } from './checklists.routes.ts';
import { hiringRoutes } from './hiring.routes.ts';
import { leaveRoutes } from './leave.routes.ts';
import { meetingRoutes } from './meetings.routes.ts';
import { payrollRoutes } from './payroll.routes.ts';
import { reviewsRoutes } from './reviews.routes.ts';
import { shiftRoutes } from './shifts.routes.ts';
import { staffRoutes } from './staff.routes.ts';
import { staffFeedRoutes } from './staff-feed.routes.ts';
import { swapRoutes } from './swaps.routes.ts';
import { timeOffRoutes } from './time-off.routes.ts';

/**
 * HR: the people side of the practice. The directory is read by everyone in the practice and kept
 * by owners and managers; time off is requested by anyone for themselves and decided by managers;
 * managers plan shifts against the patients booked and publish them to staff.
 */
export function createHrApp(p: Platform) {
  const { route, domain } = defineDomain('hr', p);
  staffRoutes(route);
  timeOffRoutes(route);
  shiftRoutes(route);
  payrollRoutes(route);
  staffFeedRoutes(route, p);
  reviewsRoutes(route);
  checklistsRoutes(route);
  meetingRoutes(route);
  hiringRoutes(route);
  leaveRoutes(route);
  swapRoutes(route);
  return domain;
}
