import { expect } from 'vitest';
import type { Session, TestApp } from '../../support/app.ts';
import { type ModuleFixture, poster } from './module-fixture.ts';

/** A person of practice A's directory as the security sweeps send it (linked to A's staff login). */
export const staffBody = (locationId: string, userId?: string) => ({
  firstName: 'Sam',
  lastName: 'Rivera',
  jobTitle: 'Medical assistant',
  staffRole: 'medical_assistant',
  ...(userId ? { userId } : {}),
  locationIds: [locationId],
  hireDate: '2024-02-05',
  employmentType: 'full_time',
  fte: 1,
  credentials: [{ name: 'BLS', expiresOn: '2027-06-30' }],
  pay: { type: 'hourly', rateCents: 2150 },
  emergencyContact: { name: 'Ana Rivera', relationship: 'Sister', phone: '(555) 010-2020' },
});

/** A review form with every area rated, as the review routes take it. */
const REVIEW_FORM = {
  ratings: {
    quality: { rating: 4 },
    reliability: { rating: 4 },
    teamwork: { rating: 5 },
    patient_care: { rating: 4 },
    communication: { rating: 3 },
  },
  goals: 'Lead recall calls',
};

/** HR in practice A: the staff login's directory entry, a time-off request of theirs and two weeks' shifts. */
export const hrFixture: ModuleFixture = {
  seed: async ({ t, a, roles, ids }) => {
    const staffId = await poster(t, a)('/hr/staff', staffBody(ids.locationId!, roles.staff.userId));
    const request = await t.call('POST', '/api/hr/time-off/requests', {
      token: roles.staff.token,
      json: { kind: 'pto', startDate: '2027-03-01', endDate: '2027-03-02', hours: 16 },
    });
    expect(request.status).toBe(201);
    const shift = (date: string) =>
      poster(t, a)('/hr/shifts', { staffId, locationId: ids.locationId, date, start: '08:00', end: '12:00' });
    const firstShiftId = await shift('2027-03-01');
    const shiftId = await shift('2027-03-08');
    const meetingId = await poster(t, a)('/hr/meetings', {
      title: 'Staff meeting',
      date: '2027-03-03',
      time: '12:00',
    });
    const withAction = await t.call('POST', `/api/hr/meetings/${meetingId}/actions`, {
      token: a.token,
      json: { title: 'Order gloves', owner: { role: 'staff' }, dueDate: '2027-03-10' },
    });
    expect(withAction.status).toBe(201);
    const meetingActionId = withAction.body.actions[0].id as string;
    const openingId = await poster(t, a)('/hr/openings', {
      title: 'Medical assistant',
      staffRole: 'medical_assistant',
      locationId: ids.locationId,
      employmentType: 'full_time',
    });
    const candidateId = await poster(t, a)(`/hr/openings/${openingId}/candidates`, {
      firstName: 'Lee',
      lastName: 'Park',
      appliedOn: '2027-02-01',
    });
    const reviewStaffId = await poster(t, a)('/hr/staff', {
      ...staffBody(ids.locationId!),
      firstName: 'Lena',
      lastName: 'Park',
    });
    const reviewId = await poster(t, a)('/hr/reviews', { staffId });
    const checklistId = await poster(t, a)('/hr/checklists', { staffId, kind: 'onboarding' });
    const payroll = await seedPayroll(t, a, staffId, ids.locationId!);
    const leave = await seedLeave(t, a, staffId);
    // The staff login asks to hand their first shift to Lena.
    const swap = await t.call('POST', `/api/hr/shifts/${firstShiftId}/swap`, {
      token: roles.staff.token,
      json: { toStaffId: reviewStaffId, note: 'Dentist' },
    });
    expect(swap.status, JSON.stringify(swap.body)).toBe(201);
    return {
      ...payroll,
      ...leave,
      swapRequestId: swap.body.id as string,
      reviewId,
      reviewStaffId,
      checklistId,
      staffId,
      timeOffRequestId: request.body.id as string,
      shiftId,
      meetingId,
      meetingActionId,
      openingId,
      candidateId,
    };
  },
  idPrefixes: {
    '/hr/staff': 'staffId',
    '/hr/time-off/requests': 'timeOffRequestId',
    '/hr/shifts': 'shiftId',
    '/hr/meetings': 'meetingId',
    '/hr/meetings/actions': 'meetingActionId',
    '/hr/openings': 'openingId',
    '/hr/candidates': 'candidateId',
    '/hr/reviews': 'reviewId',
    '/hr/checklists': 'checklistId',
    '/hr/payroll/periods': 'payPeriodId',
    '/hr/leave-cases': 'leaveCaseId',
    '/hr/swap-requests': 'swapRequestId',
  },
  queries: (ids) => ({
    '/hr/shifts': `?locationId=${ids.locationId}&weekOf=2027-03-10`,
  }),
  bodies: (ids) => ({
    'POST /hr/staff': {
      ...staffBody(ids.locationId),
      firstName: 'Noor',
      lastName: 'Haddad',
      payrollFileNumber: '000457',
    },
    'PUT /hr/staff/:id': {
      ...staffBody(ids.locationId, ids.staffUserId),
      jobTitle: 'Lead MA',
      payrollFileNumber: '000123',
      version: 1,
    },
    'POST /hr/staff/:id/end': { endDate: '2027-06-30', reason: 'Moved away', version: 2 },
    'PUT /hr/time-off/policies': {
      kind: 'sick',
      method: 'per_hour_worked',
      hoursWorkedPerHour: 30,
      yearlyCapHours: 48,
      carryoverCapHours: 40,
      waitingPeriodDays: 0,
      planYearStart: '01-01',
      version: 0,
    },
    'POST /hr/time-off/requests': {
      staffId: ids.staffId,
      kind: 'sick',
      startDate: '2027-04-05',
      endDate: '2027-04-05',
      hours: 8,
    },
    'POST /hr/time-off/requests/:id/decision': { decision: 'approve', version: 1 },
    'POST /hr/time-off/requests/:id/cancel': { version: 2 },
    'PUT /hr/time-off/balances/:staffId/opening': { pto: { date: '2026-01-01', hours: 32 } },
    'POST /hr/shifts': {
      staffId: ids.staffId,
      locationId: ids.locationId,
      date: '2027-03-09',
      start: '09:00',
      end: '17:00',
    },
    'PUT /hr/shifts/:id': {
      staffId: ids.staffId,
      date: '2027-03-08',
      start: '13:00',
      end: '17:00',
      version: 1,
    },
    'POST /hr/shifts/copy-week': { locationId: ids.locationId, weekOf: '2027-03-08' },
    'POST /hr/shifts/:id/remove': { version: 2 },
    'POST /hr/shifts/publish': { locationId: ids.locationId, weekOf: '2027-03-08' },
    'POST /hr/reviews': { staffId: ids.reviewStaffId },
    'POST /hr/reviews/:id/self': { form: REVIEW_FORM, version: 1 },
    'POST /hr/reviews/:id/manager': { form: REVIEW_FORM, privateNotes: 'Ready to lead', version: 2 },
    'POST /hr/reviews/:id/acknowledge': { comment: 'Thank you', version: 3 },
    'PUT /hr/checklists/templates': {
      kind: 'onboarding',
      staffRole: 'front_desk',
      tasks: [
        { title: 'Issue the ID badge', owner: 'manager', days: 0 },
        { title: 'Sign the employee handbook', owner: 'hire', days: 7, signs: 'handbook' },
      ],
      version: 0,
    },
    'POST /hr/checklists': { staffId: ids.reviewStaffId, kind: 'onboarding' },
    'POST /hr/checklists/:id/done': { taskId: 't1', version: 1 },
    'POST /hr/meetings': { title: 'Safety huddle', date: '2027-03-17', time: '08:00' },
    'PUT /hr/meetings/:id': {
      title: 'Staff meeting',
      date: '2027-03-03',
      time: '12:00',
      attendeeIds: [ids.staffId],
      minutes: 'Notes',
      version: 1,
    },
    'POST /hr/meetings/:id/topics': { title: 'Parking' },
    'POST /hr/meetings/:id/actions': {
      title: 'Call the vendor',
      owner: { staffId: ids.staffId },
      dueDate: '2027-03-12',
    },
    'POST /hr/meetings/actions/:id/done': { meetingId: ids.meetingId, version: 1 },
    'POST /hr/openings': {
      title: 'Front desk',
      staffRole: 'front_desk',
      locationId: ids.locationId,
      employmentType: 'part_time',
    },
    'PUT /hr/openings/:id': {
      title: 'Medical assistant',
      staffRole: 'medical_assistant',
      locationId: ids.locationId,
      employmentType: 'full_time',
      status: 'open',
      version: 1,
    },
    'POST /hr/openings/:id/candidates': { firstName: 'Kim', lastName: 'Lo', appliedOn: '2027-02-02' },
    'POST /hr/candidates/:id/stage': { stage: 'phone_screen', date: '2027-02-03', version: 1 },
    'POST /hr/candidates/:id/notes': { text: 'Good call' },
    'PUT /hr/candidates/:id/scorecard': {
      ratings: [{ area: 'Communication', score: 4 }],
      recommendation: 'yes',
    },
    'PUT /hr/candidates/:id/offer': {
      pay: { type: 'hourly', rateCents: 2100 },
      startDate: '2027-04-01',
      version: 1,
    },
    'POST /hr/candidates/:id/hire': { version: 2 },
    'POST /hr/shifts/:id/attendance': { lateMinutes: 12, note: 'Bus was late', version: 0 },
    'POST /hr/shifts/:id/attendance/remove': { version: 1 },
    'PUT /hr/payroll/schedule': {
      frequency: 'biweekly',
      anchorDate: '2026-01-05',
      adp: { companyCode: 'K7Q', ptoCode: 'PTO', sickCode: 'S' },
      version: 0,
    },
    'POST /hr/payroll/periods': { start: ids.currentPayPeriodStart },
    'POST /hr/payroll/periods/:id/adjustments': {
      staffId: ids.staffId,
      hours: 1.5,
      reason: 'Training after hours',
      version: 2,
    },
    'POST /hr/payroll/periods/:id/adjustments/remove': { adjustmentId: ids.payAdjustmentId, version: 3 },
    'POST /hr/payroll/periods/:id/lock': { version: 4 },
    'POST /hr/shifts/:id/swap': { toStaffId: ids.reviewStaffId, note: 'Family visit' },
    'POST /hr/swap-requests/:id/decision': { decision: 'approve', note: 'Fine by me', version: 1 },
    'POST /hr/swap-requests/:id/cancel': { version: 1 },
    'POST /hr/swap-requests/:id/answer': { answer: 'accept', note: 'Happy to', version: 1 },
    'PUT /hr/swap-settings': { colleagueAccepts: true, version: 0 },
    'POST /hr/leave-cases': {
      staffId: ids.staffId,
      kind: 'ada',
      reason: 'accommodation',
      schedule: 'reduced',
      startDate: '2027-05-03',
    },
    'POST /hr/leave-cases/:id/leave': { start: '2027-03-22', end: '2027-03-26', version: 2 },
    'POST /hr/leave-cases/:id/leave/remove': { entryId: ids.leaveEntryId, version: 3 },
    'POST /hr/leave-cases/:id/key-dates': { kind: 'certification', doneOn: '2027-03-10', version: 4 },
    'POST /hr/leave-cases/:id/close': { returnDate: '2027-04-05', version: 5 },
    'POST /hr/leave-cases/:id/notes': { text: 'Doctor’s note received' },
    'PUT /hr/staffing-rules/:locationId': {
      rules: [
        { staffRole: 'medical_assistant', perProvider: 1 },
        { staffRole: 'front_desk', minimum: 2, whenBookedOver: 6 },
      ],
      version: 0,
    },
  }),
};

/**
 * Payroll in practice A: the default schedule's last ended period opened, a shift of the staff
 * login's in it and one adjustment line; the current period is left for the sweeps to open.
 */
async function seedPayroll(t: TestApp, a: Session, staffId: string, locationId: string) {
  const schedule = await t.call('GET', '/api/hr/payroll/schedule', { token: a.token });
  expect(schedule.status).toBe(200);
  const [current, ended] = schedule.body.recent as { start: string }[];
  const pastShiftId = await poster(t, a)('/hr/shifts', {
    staffId,
    locationId,
    date: ended!.start,
    start: '08:00',
    end: '16:00',
  });
  const opened = await t.call('POST', '/api/hr/payroll/periods', {
    token: a.token,
    json: { start: ended!.start },
  });
  expect(opened.status).toBe(201);
  const adjusted = await t.call('POST', `/api/hr/payroll/periods/${ended!.start}/adjustments`, {
    token: a.token,
    json: { staffId, hours: 2, reason: 'Covered the phones at lunch', version: opened.body.version },
  });
  expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
  return {
    payPeriodId: ended!.start,
    payAdjustmentId: adjusted.body.adjustments[0].id as string,
    currentPayPeriodStart: current!.start,
    pastShiftId,
  };
}

/** A leave case for the staff login's directory entry, with one week of leave logged. */
async function seedLeave(t: TestApp, a: Session, staffId: string) {
  const leaveCaseId = await poster(t, a)('/hr/leave-cases', {
    staffId,
    kind: 'fmla',
    reason: 'own_health',
    schedule: 'continuous',
    requestedOn: '2027-03-01',
    startDate: '2027-03-08',
  });
  const logged = await t.call('POST', `/api/hr/leave-cases/${leaveCaseId}/leave`, {
    token: a.token,
    json: { start: '2027-03-08', end: '2027-03-12', version: 1 },
  });
  expect(logged.status, JSON.stringify(logged.body)).toBe(200);
  return { leaveCaseId, leaveEntryId: logged.body.entries[0].id as string };
}
