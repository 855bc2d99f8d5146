import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from '../../shared/schemas/tenants.ts';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';
import { uploadLogo } from '../support/files.ts';
import { solidPng } from '../support/pdf-tools.ts';

let t: TestApp;
let owner: Session;
let staff: Session;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Cedar Grove Clinic');
  staff = await addMember(t, owner, 'staff');
});

const location = {
  name: 'Downtown',
  address: { line1: '1 Main St', city: 'Portland', state: 'OR', postalCode: '97201' },
  phone: '(503) 555-0100',
  timeZone: 'America/Los_Angeles',
  hours: DEFAULT_HOURS,
};

describe('profile and branding', () => {
  it('updates the profile with its version, clears optional fields, refuses stale versions', async () => {
    const tenant = (await t.call('GET', '/api/tenant', { token: owner.token })).body;
    const profile = {
      name: 'Cedar Grove Family Clinic',
      specialty: 'family_medicine',
      region: 'pacific',
      size: 'medium',
      timeZone: 'America/Los_Angeles',
      phone: '(503) 555-0111',
    };
    const res = await t.call('PUT', '/api/tenant/profile', {
      token: owner.token,
      json: { ...profile, version: tenant.version },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Cedar Grove Family Clinic',
      phone: '(503) 555-0111',
      version: tenant.version + 1,
    });
    const { phone: _p, ...withoutPhone } = profile;
    const cleared = await t.call('PUT', '/api/tenant/profile', {
      token: owner.token,
      json: { ...withoutPhone, version: tenant.version + 1 },
    });
    expect(cleared.body.phone).toBeUndefined();
    expect((await t.call('GET', '/api/tenant', { token: owner.token })).body.phone).toBeUndefined();
    const stale = await t.call('PUT', '/api/tenant/profile', {
      token: owner.token,
      json: { ...profile, version: tenant.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
  });

  it('refuses association-only profile bodies for a practice', async () => {
    const tenant = (await t.call('GET', '/api/tenant', { token: owner.token })).body;
    const res = await t.call('PUT', '/api/tenant/profile', {
      token: owner.token,
      json: {
        name: 'X Practice',
        region: 'pacific',
        timeZone: 'America/Los_Angeles',
        version: tenant.version,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['specialty', 'size']),
    );
  });

  it('saves branding with a logo file and validates colors and the logo', async () => {
    const tenant = (await t.call('GET', '/api/tenant', { token: owner.token })).body;
    const logo = await uploadLogo(t, owner, solidPng(8, 8, [0, 0, 0]));
    const ok = await t.call('PUT', '/api/tenant/branding', {
      token: owner.token,
      json: { logoFileId: logo.id, primaryColor: '#123456', accentColor: '#abcdef', version: tenant.version },
    });
    expect(ok.body.branding).toEqual({
      logoFileId: logo.id,
      logoUrl: `/api/public/logo/${owner.tenantId}/${logo.id}`,
      primaryColor: '#123456',
      accentColor: '#abcdef',
    });
    const bad = await t.call('PUT', '/api/tenant/branding', {
      token: owner.token,
      json: {
        logoFileId: 'data:text/html;base64,AAAA',
        primaryColor: 'blue',
        accentColor: '#abcdef',
        version: ok.body.version,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'logoFileId',
      'primaryColor',
    ]);
    // The old shape (a data URL inside the branding) is refused by name.
    const old = await t.call('PUT', '/api/tenant/branding', {
      token: owner.token,
      json: { logoDataUrl: null, primaryColor: '#123456', accentColor: '#abcdef', version: ok.body.version },
    });
    expect(old.status).toBe(400);
  });

  it('staff can read the tenant but not change it', async () => {
    expect((await t.call('GET', '/api/tenant', { token: staff.token })).status).toBe(200);
    const res = await t.call('PUT', '/api/tenant/branding', {
      token: staff.token,
      json: { logoFileId: null, primaryColor: '#123456', accentColor: '#abcdef', version: 1 },
    });
    expect(res.status).toBe(403);
  });
});

describe('locations', () => {
  it('creates, updates, archives and lists locations', async () => {
    const created = await t.call('POST', '/api/locations', { token: owner.token, json: location });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const updated = await t.call('PUT', `/api/locations/${id}`, {
      token: owner.token,
      json: {
        ...location,
        name: 'Downtown Clinic',
        hours: { ...DEFAULT_HOURS, sat: { closed: false, opens: '09:00', closes: '12:00' } },
        version: 1,
      },
    });
    expect(updated.body).toMatchObject({ name: 'Downtown Clinic', version: 2 });
    expect((await t.call('GET', `/api/locations/${id}`, { token: staff.token })).body.hours.sat.closed).toBe(
      false,
    );

    const archived = await t.call('POST', `/api/locations/${id}/archive`, {
      token: owner.token,
      json: { version: 2 },
    });
    expect(archived.body.archived).toBe(true);
    const active = await t.call('GET', '/api/locations', { token: owner.token });
    expect(active.body.items.find((l: { id: string }) => l.id === id)).toBeUndefined();
    const all = await t.call('GET', '/api/locations?includeArchived=true', { token: owner.token });
    expect(all.body.items.find((l: { id: string }) => l.id === id)).toBeDefined();
  });

  it('explains invalid opening hours and addresses field by field', async () => {
    const res = await t.call('POST', '/api/locations', {
      token: owner.token,
      json: {
        ...location,
        address: { ...location.address, state: 'Oregon', postalCode: '9720' },
        hours: { ...DEFAULT_HOURS, mon: { closed: false, opens: '17:00', closes: '08:00' } },
        timeZone: 'Mars/Olympus',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'address.state', message: 'Use the two-letter state code, e.g. OH' },
        { path: 'address.postalCode', message: 'Use a ZIP code like 43215' },
        { path: 'hours.mon.closes', message: 'Closing time must be after opening time' },
        { path: 'timeZone', message: 'Choose a valid IANA time zone, e.g. America/New_York' },
      ]),
    );
  });

  it('staff cannot add locations', async () => {
    expect((await t.call('POST', '/api/locations', { token: staff.token, json: location })).status).toBe(403);
  });
});
