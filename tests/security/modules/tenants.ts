import { CONSENT } from '../../../shared/schemas/membership.ts';
import { DEFAULT_HOURS } from '../../../shared/schemas/tenants.ts';
import { inviteTokenFor, PASSWORD, uniqueEmail } from '../../support/app.ts';
import { type ModuleFixture, poster } from './module-fixture.ts';

export const LOCATION = {
  name: 'North Clinic',
  address: { line1: '10 Elm St', city: 'Salem', state: 'OR', postalCode: '97301' },
  phone: '(503) 555-0123',
  timeZone: 'America/Los_Angeles',
  hours: DEFAULT_HOURS,
};

/** The platform: a location and a pending invitation in practice A, an invite code of X that A used. */
export const tenantsFixture: ModuleFixture = {
  seed: async ({ t, a, x, roles }) => {
    const locationId = await poster(t, a)('/locations', LOCATION);
    const pendingEmail = uniqueEmail('pending');
    const inviteId = await poster(t, a)('/team/invites', { email: pendingEmail, role: 'staff' });
    const inviteToken = await inviteTokenFor(t, a, pendingEmail);
    const codes = await t.call('POST', '/api/association/codes', {
      token: x.token,
      json: { expiresInDays: 30, maxUses: 10 },
    });
    const code = codes.body.code as string;
    await poster(t, a)('/memberships', { code, consent: true, consentVersion: CONSENT.version });
    return {
      locationId,
      inviteId,
      inviteToken,
      code,
      associationId: x.tenantId,
      staffUserId: roles.staff.userId,
    };
  },
  idPrefixes: { '/locations': 'locationId', '/team/invites': 'inviteId' },
  queries: () => ({}),
  bodies: (ids) => ({
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
      logoFileId: null,
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
  }),
};
