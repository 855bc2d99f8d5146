import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT } from '../../shared/schemas/membership.ts';
import {
  addMember,
  createTestApp,
  type Session,
  signUpAssociation,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

const clock = testClock();
let t: TestApp;
let assoc: Session;
let practice: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  assoc = await signUpAssociation(t, 'Cascade Practice Network');
  practice = await signUpPractice(t, 'Willamette Family Care');
});

const newCode = async (maxUses = 5, expiresInDays = 30) =>
  (await t.call('POST', '/api/association/codes', { token: assoc.token, json: { expiresInDays, maxUses } }))
    .body;

describe('association membership', () => {
  it('previews exactly what is shared, joins with consent, lists the member, and leaves', async () => {
    const code = await newCode();
    expect(code.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const preview = await t.call('POST', '/api/memberships/preview', {
      token: practice.token,
      json: { code: code.code },
    });
    expect(preview.body).toMatchObject({
      associationName: 'Cascade Practice Network',
      consentVersion: CONSENT.version,
    });
    expect(preview.body.shared).toEqual([...CONSENT.shared]);
    expect(preview.body.neverShared).toEqual([...CONSENT.neverShared]);

    const noConsent = await t.call('POST', '/api/memberships', {
      token: practice.token,
      json: { code: code.code, consent: false, consentVersion: CONSENT.version },
    });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.details[0]).toEqual({
      path: 'consent',
      message: 'You must agree to share aggregate data to join',
    });

    const joined = await t.call('POST', '/api/memberships', {
      token: practice.token,
      json: { code: code.code, consent: true, consentVersion: CONSENT.version },
    });
    expect(joined.status).toBe(201);
    const members = await t.call('GET', '/api/association/members', { token: assoc.token });
    expect(members.body.items).toEqual([
      expect.objectContaining({
        practiceId: practice.tenantId,
        practiceName: 'Willamette Family Care',
        specialty: 'family_medicine',
      }),
    ]);
    const codes = await t.call('GET', '/api/association/codes', { token: assoc.token });
    expect(codes.body.items.find((c: { code: string }) => c.code === code.code).uses).toBe(1);

    const tenant = (await t.call('GET', '/api/tenant', { token: practice.token })).body;
    const renamed = await t.call('PUT', '/api/tenant/profile', {
      token: practice.token,
      json: {
        name: 'Willamette Family Care & Pediatrics',
        specialty: 'multispecialty',
        region: 'pacific',
        size: 'medium',
        timeZone: tenant.timeZone,
        version: tenant.version,
      },
    });
    expect(renamed.status).toBe(200);
    const relisted = await t.call('GET', '/api/association/members', { token: assoc.token });
    expect(relisted.body.items[0]).toMatchObject({
      practiceName: 'Willamette Family Care & Pediatrics',
      specialty: 'multispecialty',
      size: 'medium',
    });

    const twice = await t.call('POST', '/api/memberships', {
      token: practice.token,
      json: { code: code.code, consent: true, consentVersion: CONSENT.version },
    });
    expect(twice.status).toBe(409);

    const left = await t.call('DELETE', `/api/memberships/${assoc.tenantId}`, { token: practice.token });
    expect(left.status).toBe(204);
    expect((await t.call('GET', '/api/association/members', { token: assoc.token })).body.items).toEqual([]);
    expect((await t.call('GET', '/api/memberships', { token: practice.token })).body.items).toEqual([]);
    const audit = await t.call('GET', '/api/audit?entityType=membership', { token: practice.token });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'membership.left',
      'membership.joined',
    ]);
  });

  it('finds a code typed without its dash, in lower case or with spaces', async () => {
    const code = (await newCode()).code as string;
    const bare = code.replace('-', '');
    for (const typed of [bare, bare.toLowerCase(), ` ${code.slice(0, 2)} ${code.slice(2).toLowerCase()} `]) {
      const res = await t.call('POST', '/api/memberships/preview', {
        token: practice.token,
        json: { code: typed },
      });
      expect(res.status, `${JSON.stringify(typed)}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(res.body.associationName).toBe('Cascade Practice Network');
    }
    const other = await signUpPractice(t, 'Lowercase Pediatrics');
    const joined = await t.call('POST', '/api/memberships', {
      token: other.token,
      json: { code: bare.toLowerCase(), consent: true, consentVersion: CONSENT.version },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    const codes = await t.call('GET', '/api/association/codes', { token: assoc.token });
    expect(codes.body.items.find((c: { code: string }) => c.code === code).uses).toBe(1);
    // The association revokes it by the same loose spelling.
    const revoked = await t.call('POST', `/api/association/codes/${bare.toLowerCase()}/revoke`, {
      token: assoc.token,
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body).toMatchObject({ code, status: 'revoked' });

    // Not four and four characters: a clear 400, not "not found".
    const short = await t.call('POST', '/api/memberships/preview', {
      token: practice.token,
      json: { code: 'abc-12' },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([
      { path: 'code', message: 'Enter the 8-character code, like ABCD-2345' },
    ]);
  });

  it('lists members newest first by default, in the order asked, and refuses a cursor from another order', async () => {
    const assoc2 = await signUpAssociation(t, 'Ordering Network');
    const code = (
      await t.call('POST', '/api/association/codes', {
        token: assoc2.token,
        json: { expiresInDays: 5, maxUses: 5 },
      })
    ).body.code;
    for (const name of ['Zephyr Clinic', 'Aspen Clinic', 'Maple Clinic']) {
      const member = await signUpPractice(t, name);
      await t.call('POST', '/api/memberships', {
        token: member.token,
        json: { code, consent: true, consentVersion: CONSENT.version },
      });
      clock.advance(1000);
    }
    const list = (query: string) =>
      t.call('GET', `/api/association/members${query}`, { token: assoc2.token });
    const names = (body: { items: { practiceName: string }[] }) => body.items.map((m) => m.practiceName);
    expect(names((await list('')).body)).toEqual(['Maple Clinic', 'Aspen Clinic', 'Zephyr Clinic']);
    expect(names((await list('?order=name-asc')).body)).toEqual([
      'Aspen Clinic',
      'Maple Clinic',
      'Zephyr Clinic',
    ]);
    const first = await list('?order=name-asc&limit=2');
    expect(names(first.body)).toEqual(['Aspen Clinic', 'Maple Clinic']);
    expect(names((await list(`?order=name-asc&limit=2&cursor=${first.body.nextCursor}`)).body)).toEqual([
      'Zephyr Clinic',
    ]);
    const crossed = await list(`?order=joined-desc&limit=2&cursor=${first.body.nextCursor}`);
    expect(crossed.status).toBe(400);
    const bad = await list('?order=sideways');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toBe('Choose one of the listed orders');
  });

  it('refuses revoked, used-up and expired codes', async () => {
    const revoked = await newCode();
    await t.call('POST', `/api/association/codes/${revoked.code}/revoke`, { token: assoc.token });
    const r1 = await t.call('POST', '/api/memberships/preview', {
      token: practice.token,
      json: { code: revoked.code },
    });
    expect(r1.status).toBe(409);
    expect(r1.body.error.message).toMatch(/no longer valid/);

    const single = await newCode(1);
    const other = await signUpPractice(t, 'Other Practice');
    const join = (s: Session, code: string) =>
      t.call('POST', '/api/memberships', {
        token: s.token,
        json: { code, consent: true, consentVersion: CONSENT.version },
      });
    expect((await join(other, single.code)).status).toBe(201);
    expect((await join(practice, single.code)).status).toBe(409);

    const shortLived = await newCode(5, 1);
    clock.advance(2 * 86400_000);
    const expired = await join(practice, shortLived.code);
    clock.set(Date.now());
    expect(expired.status).toBe(409);
    expect(
      (
        await t.call('POST', '/api/memberships/preview', {
          token: practice.token,
          json: { code: 'ZZZZ-ZZZZ' },
        })
      ).status,
    ).toBe(404);
  });

  it('only the practice owner joins; analysts see members but cannot create codes', async () => {
    const manager = await addMember(t, practice, 'manager');
    const code = await newCode();
    expect(
      (await t.call('POST', '/api/memberships/preview', { token: manager.token, json: { code: code.code } }))
        .status,
    ).toBe(403);
    const analyst = await addMember(t, assoc, 'analyst');
    expect((await t.call('GET', '/api/association/members', { token: analyst.token })).status).toBe(200);
    const res = await t.call('POST', '/api/association/codes', {
      token: analyst.token,
      json: { expiresInDays: 5, maxUses: 5 },
    });
    expect(res.status).toBe(403);
  });

  it('another association cannot revoke this association’s code', async () => {
    const code = await newCode();
    const rival = await signUpAssociation(t, 'Rival Network');
    const res = await t.call('POST', `/api/association/codes/${code.code}/revoke`, { token: rival.token });
    expect(res.status).toBe(404);
  });
});
