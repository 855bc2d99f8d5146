import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { expect } from 'vitest';
import { allDomains } from '../../functions/local/domains.ts';
import { systemKeys } from '../../functions/platform/db/keys.ts';
import type { RouteSpec } from '../../functions/platform/http/route.ts';
import type { Role } from '../../shared/roles.ts';
import { CONSENT } from '../../shared/schemas/membership.ts';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import {
  addMember,
  createTestApp,
  inviteTokenFor,
  PASSWORD,
  type Session,
  signUpAssociation,
  signUpPractice,
  uniqueEmail,
} from '../support/app.ts';

export const routeKey = (s: Pick<RouteSpec, 'method' | 'path'>) => `${s.method.toUpperCase()} ${s.path}`;

export const LOCATION = {
  name: 'North Clinic',
  address: { line1: '10 Elm St', city: 'Salem', state: 'OR', postalCode: '97301' },
  phone: '(503) 555-0123',
  timeZone: 'America/Los_Angeles',
  hours: DEFAULT_HOURS,
};

/**
 * Two practices (A, B) and two associations (X, Y), A a member of X, with one entity of each
 * kind in A and X, and a session for every role.
 */
export async function buildWorld(overrides: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(overrides);
  const specs = allDomains(t.platform).flatMap((d) => d.specs);
  const a = await signUpPractice(t, 'Practice A');
  const b = await signUpPractice(t, 'Practice B');
  const x = await signUpAssociation(t, 'Association X');
  const y = await signUpAssociation(t, 'Association Y');
  const roles: Record<Role, Session> = {
    owner: a,
    manager: await addMember(t, a, 'manager', 'Manny Manager'),
    staff: await addMember(t, a, 'staff', 'Stella Staff'),
    provider: await addMember(t, a, 'provider', 'Dr. Pro Vider'),
    billing: await addMember(t, a, 'billing', 'Bill Ing'),
    assoc_admin: x,
    analyst: await addMember(t, x, 'analyst', 'Ana Lyst'),
  };
  const location = (await t.call('POST', '/api/locations', { token: a.token, json: LOCATION })).body;
  const pendingEmail = uniqueEmail('pending');
  const invite = (
    await t.call('POST', '/api/team/invites', {
      token: a.token,
      json: { email: pendingEmail, role: 'staff' },
    })
  ).body;
  const inviteToken = await inviteTokenFor(t, a, pendingEmail);
  const code = (
    await t.call('POST', '/api/association/codes', {
      token: x.token,
      json: { expiresInDays: 30, maxUses: 10 },
    })
  ).body;
  const joined = await t.call('POST', '/api/memberships', {
    token: a.token,
    json: { code: code.code, consent: true, consentVersion: CONSENT.version },
  });
  expect(joined.status).toBe(201);
  const sched = await scheduleWorld(t, a, location.id, roles.provider.userId);
  const ids = {
    ...sched,
    locationId: location.id as string,
    inviteId: invite.id as string,
    staffUserId: roles.staff.userId,
    code: code.code as string,
    associationId: x.tenantId,
    inviteToken,
  };
  return { t, specs, a, b, x, y, roles, ids };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/**
 * Tenant A's scheduling setup: a provider (linked to the provider-role user, so that role may cancel
 * and move its visits) with weekday hours, a visit type, a room, a patient, a booking.
 */
async function scheduleWorld(
  t: Awaited<ReturnType<typeof createTestApp>>,
  a: Session,
  locationId: string,
  providerUserId: string,
) {
  const post = async (path: string, json: unknown) => {
    const res = await t.call('POST', `/api${path}`, { token: a.token, json });
    expect(res.status, path).toBe(201);
    return res.body.id as string;
  };
  const providerId = await post('/scheduling/providers', {
    name: 'Dr. Ada Provider',
    userId: providerUserId,
    color: '#336699',
    locationIds: [locationId],
  });
  const typeId = await post('/scheduling/types', SCHEDULING.type);
  const resourceId = await post('/scheduling/resources', { locationId, name: 'Exam 1', kind: 'room' });
  const templateId = await post('/scheduling/templates', {
    providerId,
    locationId,
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '17:00' })),
    effectiveFrom: '2026-01-01',
  });
  const exceptionId = await post('/scheduling/exceptions', {
    kind: 'holiday',
    startDate: '2027-12-24',
    endDate: '2027-12-26',
    reason: 'Winter holiday',
  });
  const patientId = await post('/scheduling/patients', SCHEDULING.patient);
  const appointmentId = await post('/scheduling/appointments', {
    patientId,
    providerId,
    locationId,
    typeId,
    date: '2027-03-02',
    time: '09:00',
  });
  const waitlistId = await post('/scheduling/waitlist', {
    patientId,
    locationId,
    typeId,
    earliestDate: '2027-03-01',
    latestDate: '2027-03-31',
  });
  const recallId = await post('/scheduling/recalls', {
    patientId,
    reason: 'Annual physical',
    dueDate: '2027-05-01',
  });
  return {
    providerId,
    typeId,
    resourceId,
    templateId,
    exceptionId,
    patientId,
    appointmentId,
    waitlistId,
    recallId,
    todayItemId: await post('/today/items', {
      title: 'Call the Aetna rep about denials',
      dueDate: '2027-03-05',
    }),
  };
}

export const SCHEDULING = {
  type: {
    name: 'Follow-up',
    durationMinutes: 20,
    color: '#884422',
    patientKind: 'established',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 5,
    needsRoom: false,
  },
  patient: {
    firstName: 'Pat',
    lastName: 'Sample',
    dateOfBirth: '1980-01-01',
    preferredContact: 'phone',
    phone: '(503) 555-0199',
  },
};

/** The id a `:id` stands for in each route family. */
function idFor(path: string, ids: World['ids']): string {
  if (path.startsWith('/locations')) return ids.locationId;
  if (path.startsWith('/scheduling/providers')) return ids.providerId;
  if (path.startsWith('/scheduling/types')) return ids.typeId;
  if (path.startsWith('/scheduling/resources')) return ids.resourceId;
  if (path.startsWith('/scheduling/templates')) return ids.templateId;
  if (path.startsWith('/scheduling/exceptions')) return ids.exceptionId;
  if (path.startsWith('/scheduling/patients')) return ids.patientId;
  if (path.startsWith('/scheduling/appointments')) return ids.appointmentId;
  if (path.startsWith('/scheduling/waitlist')) return ids.waitlistId;
  if (path.startsWith('/scheduling/recalls')) return ids.recallId;
  if (path.startsWith('/today/items')) return ids.todayItemId;
  return ids.inviteId;
}

/** Query strings of routes that need one, naming tenant A's records. */
function queryFor(spec: RouteSpec, ids: World['ids']): string {
  // The patient's access report reads the practice's zone for a date range, then one keyed Query.
  if (spec.path === '/scheduling/patients/:id/access-report') return '?from=2026-01-01&limit=5';
  if (spec.path === '/scheduling/measures/months') return `?locationId=${ids.locationId}&months=1`;
  if (spec.path === '/scheduling/measures') return `?locationId=${ids.locationId}&weekOf=2027-03-02&weeks=2`;
  if (spec.path === '/scheduling/fhir') return `?locationId=${ids.locationId}&from=2027-03-01&to=2027-03-07`;
  if (spec.path === '/scheduling/week') return `?providerId=${ids.providerId}&weekOf=2027-03-02`;
  if (spec.path === '/scheduling/day/hours') return `?locationId=${ids.locationId}&date=2027-03-02`;
  if (spec.path === '/scheduling/day') return `?locationId=${ids.locationId}&date=2027-03-02`;
  if (spec.path === '/scheduling/slots')
    return `?typeId=${ids.typeId}&locationId=${ids.locationId}&from=2027-03-01`;
  return '';
}

/** The concrete path of a route, with tenant A's (or association X's) ids in it. */
export function pathFor(spec: RouteSpec, ids: World['ids']): string {
  const path = spec.path
    .replace(':providerId', ids.providerId)
    .replace(':startDate', '2027-12-24')
    .replace(':id', idFor(spec.path, ids))
    .replace(':userId', ids.staffUserId)
    .replace(':code', ids.code)
    .replace(':associationId', ids.associationId)
    .replace(':token', ids.inviteToken);
  return `/api${path}${queryFor(spec, ids)}`;
}

/** A valid body for every route that takes one; a test fails when a new route has none here. */
export function sampleBody(spec: RouteSpec, ids: World['ids']): unknown {
  const samples: Record<string, unknown> = {
    'POST /signup': {
      kind: 'practice',
      practice: {
        name: 'New Practice',
        specialty: 'pediatrics',
        region: 'pacific',
        size: 'solo',
        timeZone: 'UTC',
      },
      owner: { name: 'New Owner', email: uniqueEmail('new'), password: PASSWORD },
    },
    'POST /auth/login': { email: uniqueEmail('nobody'), password: 'some-password-1' },
    // An unknown challenge: refused as expired, nothing is issued.
    'POST /auth/login/mfa': { challenge: 'c'.repeat(40), code: '123456' },
    'POST /auth/refresh': { refreshToken: 'x'.repeat(40) },
    'POST /auth/logout': { refreshToken: 'x'.repeat(40) },
    'POST /auth/password-reset': { email: uniqueEmail('reset') },
    'POST /auth/password-reset/confirm': { token: 'z'.repeat(40), password: PASSWORD },
    // A wrong current password: a 400 that reads and audits like a change, and changes nothing.
    'POST /auth/password': { currentPassword: 'not-the-password-1', newPassword: 'Fresh-Harbor-Lantern-58' },
    // Without a started set-up, and with two-factor sign-in off: both refused, nothing changes.
    'POST /auth/mfa/totp/confirm': { code: '123456' },
    'POST /auth/mfa/totp/disable': { password: 'not-the-password-1' },
    'POST /invites/accept': { token: 'y'.repeat(40), name: 'Ivy Invitee', password: PASSWORD },
    'PUT /tenant/profile': {
      name: 'Practice A',
      specialty: 'family_medicine',
      region: 'pacific',
      size: 'small',
      timeZone: 'America/Los_Angeles',
      version: 1,
    },
    'PUT /tenant/branding': {
      logoDataUrl: null,
      primaryColor: '#112233',
      accentColor: '#445566',
      version: 1,
    },
    'POST /locations': LOCATION,
    'PUT /locations/:id': { ...LOCATION, version: 1 },
    'POST /locations/:id/archive': { version: 1 },
    'PATCH /team/:userId/role': { role: 'billing', version: 1 },
    'POST /team/:userId/deactivate': { version: 1 },
    'POST /team/:userId/reactivate': { version: 1 },
    'POST /team/invites': { email: uniqueEmail('inv'), role: 'staff' },
    'POST /association/codes': { expiresInDays: 5, maxUses: 5 },
    'POST /memberships/preview': { code: ids.code },
    'POST /memberships': { code: ids.code, consent: true, consentVersion: CONSENT.version },
    ...schedulingSamples(ids),
    'POST /today/items': { title: 'Order flu vaccine', dueDate: '2027-01-15', assignee: { role: 'staff' } },
    'POST /today/items/:id/actions': { action: 'comment', text: 'Left a message', version: 1 },
    'PUT /today/preferences': { digest: false },
  };
  const key = routeKey(spec);
  if (!spec.body) return undefined;
  expect(samples, `sample body for ${key}`).toHaveProperty([key]);
  return samples[key];
}

/** Tokens that must all be refused: tampered, unsigned, foreign-signed, wrong client, expired. */
export async function badTokens(w: World): Promise<Record<string, string>> {
  const encode = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const alter = (token: string, change: Record<string, unknown>) => {
    const [header, payload, signature] = token.split('.') as [string, string, string];
    return `${header}.${encode({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...change })}.${signature}`;
  };
  const claims = JSON.parse(Buffer.from(w.a.token.split('.')[1]!, 'base64url').toString());
  const key = await w.t.platform.store.get<{ kid: string; privateJwk: JWK }>(systemKeys.issuerKey());
  const realKey = await importJWK(key!.privateJwk, 'RS256');
  const foreign = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  const sign = (body: Record<string, unknown>, k: CryptoKey | Uint8Array, kid = key!.kid) =>
    new SignJWT(body).setProtectedHeader({ alg: 'RS256', kid }).sign(k);
  return {
    'altered tenant claim': alter(w.a.token, { tenant_id: w.b.tenantId }),
    'altered role claim': alter(w.roles.staff.token, { role: 'owner' }),
    'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`,
    'signed by another key': await sign(claims, foreign.privateKey),
    'wrong client': await sign({ ...claims, client_id: 'some-other-app' }, realKey),
    'id token instead of access token': w.a.tokens.idToken,
    expired: await sign({ ...claims, iat: now - 3600, exp: now - 1800 }, realKey),
    garbage: 'not.a.jwt',
  };
}

/** Asserts the wire error shape with no stack trace or raw exception text. */
export function expectWireError(res: { status: number; body: any }, status?: number) {
  if (status) expect(res.status).toBe(status);
  expect(res.status).toBeLessThan(500);
  expect(res.body?.error).toEqual(
    expect.objectContaining({
      code: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  );
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+|Error:|TypeError|SyntaxError|Exception/);
}

function schedulingSamples(ids: World['ids']): Record<string, unknown> {
  const provider = { name: 'Dr. Sample Provider', color: '#336699', locationIds: [ids.locationId] };
  return {
    'POST /scheduling/providers': provider,
    'PUT /scheduling/providers/:id': { ...provider, version: 1 },
    'POST /scheduling/providers/:id/deactivate': { version: 1 },
    'POST /scheduling/providers/:id/feed': { showNames: false, version: 1 },
    'POST /scheduling/providers/:id/feed/revoke': { version: 1 },
    'POST /scheduling/providers/:id/reactivate': { version: 1 },
    'POST /scheduling/resources': { locationId: ids.locationId, name: 'Room 9', kind: 'room' },
    'PUT /scheduling/resources/:id': {
      locationId: ids.locationId,
      name: 'Exam 1A',
      kind: 'room',
      version: 1,
    },
    'POST /scheduling/resources/:id/deactivate': { version: 1 },
    'POST /scheduling/resources/:id/reactivate': { version: 1 },
    'POST /scheduling/types': SCHEDULING.type,
    'PUT /scheduling/types/:id': { ...SCHEDULING.type, version: 1 },
    'POST /scheduling/types/:id/deactivate': { version: 1 },
    'POST /scheduling/types/:id/reactivate': { version: 1 },
    'POST /scheduling/templates': {
      providerId: ids.providerId,
      locationId: ids.locationId,
      blocks: [{ weekday: 6, start: '09:00', end: '12:00' }],
      effectiveFrom: '2027-01-01',
    },
    'POST /scheduling/exceptions': {
      kind: 'time_off',
      providerId: ids.providerId,
      startDate: '2027-07-01',
      endDate: '2027-07-02',
      reason: 'Conference',
    },
    'POST /scheduling/patients': SCHEDULING.patient,
    'PUT /scheduling/patients/:id': { ...SCHEDULING.patient, version: 1 },
    'POST /scheduling/appointments': {
      patientId: ids.patientId,
      providerId: ids.providerId,
      locationId: ids.locationId,
      typeId: ids.typeId,
      date: '2027-03-03',
      time: '10:00',
    },
    'POST /scheduling/appointments/:id/reschedule': { date: '2027-03-04', time: '11:00', version: 1 },
    'POST /scheduling/appointments/:id/cancel': { by: 'practice', version: 1 },
    'POST /scheduling/appointments/:id/status': { status: 'confirmed', version: 1 },
    'POST /scheduling/appointments/:id/undo': { version: 1 },
    'POST /scheduling/waitlist': {
      patientId: ids.patientId,
      locationId: ids.locationId,
      typeId: ids.typeId,
      providerIds: [ids.providerId],
      earliestDate: '2027-04-01',
      latestDate: '2027-04-30',
      fromTime: '08:00',
      toTime: '12:00',
    },
    'POST /scheduling/waitlist/:id/close': { status: 'removed', version: 1 },
    'POST /scheduling/imports': {
      kind: 'patients',
      csv: 'first_name,last_name,date_of_birth,email\nIvy,Import,1970-02-03,ivy@example.test\n',
      dryRun: true,
    },
    'PUT /scheduling/reminder-settings': { enabled: true, hoursBefore: [48, 2], version: 0 },
    'POST /scheduling/reminder-links/:token': { action: 'confirm' },
    'POST /scheduling/recalls': { patientId: ids.patientId, reason: 'Follow-up', dueDate: '2027-06-01' },
    'POST /scheduling/recalls/:id/outreach': { channel: 'phone', outcome: 'left_message', version: 1 },
  };
}
