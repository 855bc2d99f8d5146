import { expect } from 'vitest';
import type { Role } from '../../../shared/roles.ts';
import type { Session, TestApp } from '../../support/app.ts';

/** The records of practice A (and association X) that the security tests' paths and bodies name. */
export interface WorldIds {
  locationId: string;
  inviteId: string;
  staffUserId: string;
  code: string;
  associationId: string;
  inviteToken: string;
  providerId: string;
  typeId: string;
  resourceId: string;
  templateId: string;
  exceptionId: string;
  patientId: string;
  appointmentId: string;
  waitlistId: string;
  recallId: string;
  todayItemId: string;
  fileId: string;
  documentId: string;
  claimId: string;
  /** Saved import sources (column mappings), one under each module's import path. */
  scheduleSourceId: string;
  billingSourceId: string;
  feeSourceId: string;
  /** Practice A's provider login (billing links it to an NPI). */
  providerUserId: string;
  /** Practice A's staff login's directory entry, a time-off request and a shift of theirs. */
  staffId: string;
  timeOffRequestId: string;
  shiftId: string;
  /** HR meetings and hiring in practice A. */
  meetingId: string;
  meetingActionId: string;
  openingId: string;
  candidateId: string;
  /** HR reviews and checklists in practice A. */
  reviewId: string;
  reviewStaffId: string;
  checklistId: string;
  /** An opened, ended pay period in practice A (its id is its first day) and an adjustment in it. */
  payPeriodId: string;
  leaveCaseId: string;
  pastShiftId: string;
  swapRequestId: string;
  leaveEntryId: string;
  payAdjustmentId: string;
  /** The pay schedule's current period, not yet opened. */
  currentPayPeriodStart: string;
}

/** What a module's seed may use: the tenants, a session per role, and the ids seeded before it. */
export interface SeedContext {
  t: TestApp;
  a: Session;
  x: Session;
  roles: Record<Role, Session>;
  ids: Partial<WorldIds>;
}

/**
 * A module's part of the security world. `tests/security/modules/index.ts` keys these by
 * `ModuleId`, so a new module cannot reach the route sweeps without its records and sample bodies.
 */
export interface ModuleFixture {
  /** Creates the module's records in practice A (or association X); returns their ids. */
  seed(ctx: SeedContext): Promise<Partial<WorldIds>>;
  /** Route path prefix (after /api) → the id a `:id` under it stands for. */
  idPrefixes: Record<string, keyof WorldIds>;
  /** Query strings of the module's routes that need one, by route path. */
  queries(ids: WorldIds): Record<string, string>;
  /** A valid body for each of the module's routes that take one, keyed `METHOD /path`. */
  bodies(ids: WorldIds): Record<string, unknown>;
}

/** POSTs as this session and returns the new record's id (expects 201). */
export function poster(t: TestApp, session: Session) {
  return async (path: string, json: unknown): Promise<string> => {
    const res = await t.call('POST', `/api${path}`, { token: session.token, json });
    expect(res.status, path).toBe(201);
    return res.body.id as string;
  };
}
