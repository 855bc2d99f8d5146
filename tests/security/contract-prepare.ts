import { expect } from 'vitest';
import { SCHEDULED_JOB_BODIES } from '../../functions/jobs/jobs.ts';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { totpCode } from '../../functions/platform/identity/totp.ts';
import { CONSENT } from '../../shared/schemas/membership.ts';
import type { testClock } from '../support/app.ts';
import { addMember, inviteTokenFor, logIn, PASSWORD, type Session, uniqueEmail } from '../support/app.ts';
import { uploadBytes, uploadLogo } from '../support/files.ts';
import { solidPng } from '../support/pdf-tools.ts';
import { documentCalls } from './document-calls.ts';
import { LOCATION, SCHEDULING, type World } from './fixture.ts';
import { staffBody } from './modules/hr.ts';

/**
 * What the response-contract test does before calling the routes its sample cannot bring to 2xx,
 * and the helpers those set-ups share (kept apart from the test so each file reads in one sitting).
 */

export interface Call {
  path?: string;
  body?: unknown;
  token?: string;
}

const LOGO_PNG = solidPng(4, 4, [20, 40, 60]);
let w: World;
let clock: ReturnType<typeof testClock>;

/** Hands the set-ups the world and the clock the contract test built. */
export function useContractWorld(world: World, worldClock: ReturnType<typeof testClock>): void {
  w = world;
  clock = worldClock;
}

export const brief = (body: unknown) => JSON.stringify(body).slice(0, 160);

/**
 * Routes that the fixture's sample cannot bring to 2xx (it exercises refusals, or an earlier route
 * in the run used up what it needs): what each needs first. Each sets up its own records, so the
 * order of the run does not matter.
 */
export const PREPARE: Record<string, () => Promise<Call>> = {
  'POST /auth/login': async () => ({ body: { email: w.roles.billing.email, password: PASSWORD } }),
  'POST /auth/login/mfa': async () => {
    const member = await addMember(w.t, w.a, 'staff', 'Mo Factor');
    const { recoveryCodes } = await enrolMfa(member);
    const login = await w.t.call('POST', '/api/auth/login', {
      json: { email: member.email, password: PASSWORD },
    });
    return { body: { challenge: login.body.error.challenge, recoveryCode: recoveryCodes[0] } };
  },
  'POST /auth/refresh': async () => ({
    body: { refreshToken: (await logIn(w.t, w.roles.billing.email)).tokens.refreshToken },
  }),
  'GET /auth/password-reset/:token': async () => ({ path: `/api/auth/password-reset/${await resetToken()}` }),
  'POST /auth/password-reset/confirm': async () => ({
    body: { token: await resetToken(), password: 'Quiet-Meadow-Compass-81' },
  }),
  'POST /auth/password': async () => {
    const member = await addMember(w.t, w.a, 'staff', 'Pat Word');
    return {
      token: member.token,
      body: { currentPassword: PASSWORD, newPassword: 'Fresh-Harbor-Lantern-58' },
    };
  },
  'POST /auth/mfa/totp/confirm': async () => {
    const member = await addMember(w.t, w.a, 'staff', 'Con Firm');
    const start = await w.t.call('POST', '/api/auth/mfa/totp', { token: member.token });
    return { token: member.token, body: { code: totpCode(start.body.secret, clock.now().getTime()) } };
  },
  'POST /auth/mfa/totp/disable': async () => {
    const member = await addMember(w.t, w.a, 'staff', 'Dee Sable');
    await enrolMfa(member);
    return { token: member.token, body: { password: PASSWORD } };
  },
  'POST /invites/accept': async () => {
    const email = uniqueEmail('accept');
    await w.t.call('POST', '/api/team/invites', { token: w.a.token, json: { email, role: 'staff' } });
    return {
      body: { token: await inviteTokenFor(w.t, w.a, email), name: 'Acey Accept', password: PASSWORD },
    };
  },
  // A location of its own: the world's location must stay open for the scheduling routes after it.
  'POST /locations/:id/archive': async () => {
    const location = await post('/locations', { ...LOCATION, name: 'Closing Clinic' });
    return { path: `/api/locations/${location.id}/archive`, body: { version: 1 } };
  },
  // Practice A already belongs to X and the fixture's code is revoked earlier in the run: B joins
  // with a fresh code.
  'POST /memberships/preview': async () => ({ token: w.b.token, body: { code: await freshCode() } }),
  'POST /memberships': async () => ({
    token: w.b.token,
    body: { code: await freshCode(), consent: true, consentVersion: CONSENT.version },
  }),
  // Practice A left X earlier in the run (DELETE /memberships/:associationId); B joined it above.
  'GET /benchmarks/compare': async () => ({ token: w.b.token }),
  'GET /scheduling/feeds/:token': async () => {
    const provider = await post('/scheduling/providers', {
      name: 'Dr. Fee Dee',
      color: '#335577',
      locationIds: [w.ids.locationId],
    });
    const feed = await post(`/scheduling/providers/${provider.id}/feed`, { showNames: false, version: 1 });
    return { path: new URL(feed.url).pathname };
  },
  // A template and an exception of their own, so that the world's weekday hours stay for booking.
  'DELETE /scheduling/templates/:providerId/:id': async () => {
    const template = await post('/scheduling/templates', {
      providerId: w.ids.providerId,
      locationId: w.ids.locationId,
      blocks: [{ weekday: 0, start: '09:00', end: '12:00' }],
      effectiveFrom: '2028-01-01',
    });
    return { path: `/api/scheduling/templates/${w.ids.providerId}/${template.id}` };
  },
  'DELETE /scheduling/exceptions/:startDate/:id': async () => {
    const exception = await post('/scheduling/exceptions', {
      kind: 'holiday',
      startDate: '2028-01-03',
      endDate: '2028-01-03',
      reason: 'Closed',
    });
    return { path: `/api/scheduling/exceptions/2028-01-03/${exception.id}` };
  },
  // The world's visit is rescheduled earlier in the run, and a rescheduled visit cannot be cancelled.
  'POST /scheduling/appointments/:id/cancel': async () => {
    const visit = await book(w.ids.patientId, '2027-03-09', '10:00');
    return { path: `/api/scheduling/appointments/${visit.id}/cancel`, body: { by: 'practice', version: 1 } };
  },
  'POST /scheduling/appointments/:id/status': async () => {
    const visit = await book(w.ids.patientId, '2027-03-09', '08:00');
    return {
      path: `/api/scheduling/appointments/${visit.id}/status`,
      body: { status: 'confirmed', version: 1 },
    };
  },
  'POST /scheduling/appointments/:id/undo': async () => {
    const visit = await book(w.ids.patientId, '2027-03-09', '09:00');
    const missed = await post(`/scheduling/appointments/${visit.id}/status`, {
      status: 'no_show',
      version: 1,
    });
    return { path: `/api/scheduling/appointments/${visit.id}/undo`, body: { version: missed.version } };
  },
  'POST /files/logo/:id/complete': async () => {
    const started = await post('/files/logo', { name: 'Logo.png', size: LOGO_PNG.length, type: 'image/png' });
    await uploadBytes(w.t, started.upload, LOGO_PNG);
    return { path: `/api/files/logo/${started.id}/complete` };
  },
  // Association X's logo: practice A's branding is saved (without a logo) by another route of the run.
  'GET /public/logo/:tenantId/:fileId': async () => {
    const logo = await uploadLogo(w.t, w.x, LOGO_PNG);
    const tenant = (await w.t.call('GET', '/api/tenant', { token: w.x.token })).body;
    const saved = await w.t.call('PUT', '/api/tenant/branding', {
      token: w.x.token,
      json: { ...tenant.branding, logoUrl: undefined, logoFileId: logo.id, version: tenant.version },
    });
    return { path: saved.body.branding.logoUrl };
  },
  ...documentCalls(post, () => w.a.userId),
  // A person of their own: the world's staff member keeps working for the time-off routes after it.
  // A shift of its own: the world's shift was moved (version 2) earlier in the run.
  'POST /hr/shifts/:id/remove': async () => {
    const shift = await post('/hr/shifts', {
      staffId: w.ids.staffId,
      locationId: w.ids.locationId,
      date: '2027-03-12',
      start: '07:00',
      end: '09:00',
    });
    return { path: `/api/hr/shifts/${shift.id}/remove`, body: { version: shift.version } };
  },
  // The shift feed is the caller's own: practice A's staff login has a directory entry.
  'POST /hr/my-shifts/feed': async () => ({ token: w.roles.staff.token }),
  // Only the person reviewed (the staff login) writes their self-review and signs the review off.
  'POST /hr/reviews/:id/self': async () => ({ token: w.roles.staff.token }),
  'POST /hr/reviews/:id/acknowledge': async () => ({ token: w.roles.staff.token }),
  // A swap is asked by the shift's own person, and withdrawn by them: the staff login's request
  // still pending (the one just asked about their other shift).
  'POST /hr/shifts/:id/swap': async () => ({ token: w.roles.staff.token }),
  // Attendance is logged on a shift that has happened (the fixture's other shifts are ahead).
  'POST /hr/shifts/:id/attendance': async () => ({ path: `/api/hr/shifts/${w.ids.pastShiftId}/attendance` }),
  'GET /hr/shifts/:id/attendance': async () => ({ path: `/api/hr/shifts/${w.ids.pastShiftId}/attendance` }),
  'POST /hr/shifts/:id/attendance/remove': async () => ({
    path: `/api/hr/shifts/${w.ids.pastShiftId}/attendance/remove`,
  }),
  'POST /hr/swap-requests/:id/cancel': async () => {
    const list = await w.t.call('GET', '/api/hr/swap-requests', { token: w.roles.staff.token });
    const open = (list.body.items as { id: string; version: number }[])[0]!;
    return {
      token: w.roles.staff.token,
      path: `/api/hr/swap-requests/${open.id}/cancel`,
      body: { version: open.version },
    };
  },
  // The setting is saved at the version it is at by then (the answer below may have turned it on).
  'PUT /hr/swap-settings': async () => {
    const current = await w.t.call('GET', '/api/hr/swap-settings', { token: w.a.token });
    return { body: { colleagueAccepts: true, version: current.body.version } };
  },
  // Only the colleague answers, and only while the request waits for them: with the setting on,
  // the staff login asks a colleague with a login of their own to take a new shift.
  'POST /hr/swap-requests/:id/answer': async () => {
    const current = await w.t.call('GET', '/api/hr/swap-settings', { token: w.a.token });
    if (!current.body.colleagueAccepts) {
      const on = await w.t.call('PUT', '/api/hr/swap-settings', {
        token: w.a.token,
        json: { colleagueAccepts: true, version: current.body.version },
      });
      expect(on.status, brief(on.body)).toBe(200);
    }
    const colleague = await addMember(w.t, w.a, 'staff', 'Ana Answer');
    const colleagueId = (
      await post('/hr/staff', {
        ...staffBody(w.ids.locationId!, colleague.userId),
        firstName: 'Ana',
        lastName: 'Answer',
      })
    ).id;
    const shift = await post('/hr/shifts', {
      staffId: w.ids.staffId,
      locationId: w.ids.locationId,
      date: '2027-03-16',
      start: '13:00',
      end: '15:00',
    });
    const asked = await post(`/hr/shifts/${shift.id}/swap`, { toStaffId: colleagueId }, w.roles.staff.token);
    expect(asked.status).toBe('awaiting_colleague');
    return {
      token: colleague.token,
      path: `/api/hr/swap-requests/${asked.id}/answer`,
      body: { answer: 'accept', version: asked.version },
    };
  },
  'POST /hr/my-shifts/feed/revoke': async () => {
    await w.t.call('POST', '/api/hr/my-shifts/feed', { token: w.roles.staff.token });
    return { token: w.roles.staff.token };
  },
  'GET /hr/feeds/:token': async () => {
    const feed = await w.t.call('POST', '/api/hr/my-shifts/feed', { token: w.roles.staff.token });
    return { path: `/api/hr/feeds/${feed.body.token}` };
  },
  'POST /hr/staff/:id/end': async () => {
    const person = await post('/hr/staff', {
      ...staffBody(w.ids.locationId),
      firstName: 'Lee',
      lastName: 'Leaving',
    });
    return {
      path: `/api/hr/staff/${person.id}/end`,
      body: { endDate: '2027-06-30', version: person.version },
    };
  },
  // The claim was assigned earlier in the run, which moved its version on.
  'POST /billing/claims/:id/follow-ups': async () => {
    const claim = await w.t.call('GET', `/api/billing/claims/${w.ids.claimId}`, { token: w.a.token });
    return { body: { action: 'note', note: 'Called the payer', version: claim.body.claim.version } };
  },
  'GET /scheduling/reminder-links/:token': async () => ({
    path: `/api/scheduling/reminder-links/${await reminderToken()}`,
  }),
  'POST /scheduling/reminder-links/:token': async () => ({
    path: `/api/scheduling/reminder-links/${await reminderToken()}`,
  }),
};

async function post(path: string, json: unknown, token = w.a.token) {
  const res = await w.t.call('POST', `/api${path}`, { token, json });
  expect(res.status, `${path} ${brief(res.body)}`).toBeLessThan(300);
  return res.body;
}

const book = (patientId: string, date: string, time: string) =>
  post('/scheduling/appointments', {
    patientId,
    providerId: w.ids.providerId,
    locationId: w.ids.locationId,
    typeId: w.ids.typeId,
    date,
    time,
  });

async function enrolMfa(member: Session) {
  const start = await post('/auth/mfa/totp', undefined, member.token);
  const confirm = await post(
    '/auth/mfa/totp/confirm',
    { code: totpCode(start.secret, clock.now().getTime()) },
    member.token,
  );
  return { recoveryCodes: confirm.recoveryCodes as string[] };
}

const freshCode = async () =>
  (await post('/association/codes', { expiresInDays: 5, maxUses: 5 }, w.x.token)).code;

let reset: Promise<string> | undefined;
/** A password-reset link's token, as the member reads it from the mail (the outbox page hides it). */
function resetToken(): Promise<string> {
  reset ??= (async () => {
    const member = await addMember(w.t, w.a, 'staff', 'Ree Set');
    await w.t.call('POST', '/api/auth/password-reset', { json: { email: member.email } });
    const page = await w.t.platform.store.query<{ kind: string; to: string; text: string }>({
      partition: tenantKeys.outboxPartition({ tenantId: w.a.tenantId }),
      skPrefix: tenantKeys.outboxPrefix,
      limit: 100,
      newestFirst: true,
    });
    const mail = page.items.find((m) => m.kind === 'auth.password_reset' && m.to === member.email);
    return /\/reset\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')![1]!;
  })();
  return reset;
}

let reminder: Promise<string> | undefined;
/**
 * A reminder link's token: a visit for a patient with an email, the reminder job run at a time the
 * reminder is due (the clock moved there and back), the link read from the mail.
 */
function reminderToken(): Promise<string> {
  reminder ??= (async () => {
    const patient = await post('/scheduling/patients', {
      ...SCHEDULING.patient,
      firstName: 'Rita',
      preferredContact: 'email',
      email: 'rita@example.test',
    });
    await book(patient.id, '2027-03-10', '09:00');
    clock.set(Date.parse('2027-03-10T16:30:00Z')); // half an hour before the visit, in Salem
    try {
      await SCHEDULED_JOB_BODIES['appointment-reminders'](w.t.platform);
    } finally {
      clock.set(Date.now());
    }
    const outbox = await w.t.call('GET', '/api/outbox?limit=100', { token: w.a.token });
    const mail = outbox.body.items.find((m: { kind: string; to: string }) => m.to === 'rita@example.test');
    return /\/r\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? '')![1]!;
  })();
  return reminder;
}
