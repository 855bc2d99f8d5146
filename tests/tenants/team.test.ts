import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createTestApp,
  inviteTokenFor,
  logIn,
  PASSWORD,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
  uniqueEmail,
} from '../support/app.ts';

const clock = testClock();
let t: TestApp;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp({ clock });
  owner = await signUpPractice(t);
});

const member = async (token: string, userId: string) => {
  const list = await t.call('GET', '/api/team?limit=100', { token });
  return list.body.items.find((u: { id: string }) => u.id === userId);
};

describe('invitations', () => {
  it('sends the invite to the outbox; the invitee accepts once and signs in with the role', async () => {
    const email = uniqueEmail('fd');
    const invite = await t.call('POST', '/api/team/invites', {
      token: owner.token,
      json: { email, role: 'staff', name: 'Frank Desk' },
    });
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ email, role: 'staff', status: 'pending', invitedBy: 'Olivia Owner' });

    const outbox = await t.call('GET', '/api/outbox', { token: owner.token });
    const message = outbox.body.items.find((m: { to: string }) => m.to === email);
    expect(message.subject).toContain('invited you to Test Family Practice');
    expect(message.status).toBe('sent');

    const token = await inviteTokenFor(t, owner, email);
    const preview = await t.call('GET', `/api/invites/${token}`);
    expect(preview.body).toMatchObject({ tenantName: 'Test Family Practice', email, role: 'staff' });
    const accepted = await t.call('POST', '/api/invites/accept', {
      json: { token, name: 'Frank Desk', password: PASSWORD },
    });
    expect(accepted.status).toBe(201);
    const again = await t.call('POST', '/api/invites/accept', {
      json: { token, name: 'Frank Desk', password: PASSWORD },
    });
    expect(again.status).toBe(404);

    const staff = await logIn(t, email);
    expect(staff.tenantId).toBe(owner.tenantId);
    const invites = await t.call('GET', '/api/team/invites', { token: owner.token });
    expect(invites.body.items.find((i: { email: string }) => i.email === email).status).toBe('accepted');
  });

  it('revoked and expired invitations cannot be accepted', async () => {
    const email = uniqueEmail('rv');
    const invite = await t.call('POST', '/api/team/invites', {
      token: owner.token,
      json: { email, role: 'billing' },
    });
    const token = await inviteTokenFor(t, owner, email);
    expect(
      (await t.call('POST', `/api/team/invites/${invite.body.id}/revoke`, { token: owner.token })).body
        .status,
    ).toBe('revoked');
    expect((await t.call('GET', `/api/invites/${token}`)).status).toBe(404);

    const email2 = uniqueEmail('ex');
    await t.call('POST', '/api/team/invites', {
      token: owner.token,
      json: { email: email2, role: 'billing' },
    });
    const token2 = await inviteTokenFor(t, owner, email2);
    clock.advance(8 * 86400_000);
    const res = await t.call('POST', '/api/invites/accept', {
      json: { token: token2, name: 'Late Person', password: PASSWORD },
    });
    clock.set(Date.now());
    expect(res.status).toBe(404);
  });

  it('refuses roles of the other tenant kind and people who already have an account', async () => {
    const wrongKind = await t.call('POST', '/api/team/invites', {
      token: owner.token,
      json: { email: uniqueEmail(), role: 'analyst' },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details[0].path).toBe('role');
    const existing = await t.call('POST', '/api/team/invites', {
      token: owner.token,
      json: { email: owner.email, role: 'staff' },
    });
    expect(existing.status).toBe(400);
    expect(existing.body.error.details[0].message).toMatch(/already has a Rounds account/);
  });

  it('a manager may invite staff but not owners', async () => {
    const manager = await addMember(t, owner, 'manager', 'Mia Manager');
    const ok = await t.call('POST', '/api/team/invites', {
      token: manager.token,
      json: { email: uniqueEmail(), role: 'provider' },
    });
    expect(ok.status).toBe(201);
    const owners = await t.call('POST', '/api/team/invites', {
      token: manager.token,
      json: { email: uniqueEmail(), role: 'owner' },
    });
    expect(owners.status).toBe(403);
  });
});

describe('roles and status', () => {
  it('changes a role with the current version and refuses a stale one', async () => {
    const staff = await addMember(t, owner, 'staff', 'Stan Staff');
    const before = await member(owner.token, staff.userId);
    const changed = await t.call('PATCH', `/api/team/${staff.userId}/role`, {
      token: owner.token,
      json: { role: 'billing', version: before.version },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'billing', version: before.version + 1 });
    const stale = await t.call('PATCH', `/api/team/${staff.userId}/role`, {
      token: owner.token,
      json: { role: 'staff', version: before.version },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    // The new role reaches the token at the next refresh.
    const refreshed = await t.call('POST', '/api/auth/refresh', {
      json: { refreshToken: staff.tokens.refreshToken },
    });
    const claims = JSON.parse(Buffer.from(refreshed.body.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.role).toBe('billing');
  });

  it('a deactivated user cannot sign in or refresh; reactivation restores access', async () => {
    const provider = await addMember(t, owner, 'provider', 'Paula Provider');
    const v = (await member(owner.token, provider.userId)).version;
    const off = await t.call('POST', `/api/team/${provider.userId}/deactivate`, {
      token: owner.token,
      json: { version: v },
    });
    expect(off.body.status).toBe('deactivated');
    expect(
      (await t.call('POST', '/api/auth/refresh', { json: { refreshToken: provider.tokens.refreshToken } }))
        .status,
    ).toBe(401);
    const login = await t.call('POST', '/api/auth/login', {
      json: { email: provider.email, password: PASSWORD },
      ip: '10.60.0.1',
    });
    expect(login.status).toBe(401);
    expect(login.body.error.message).toMatch(/deactivated/);
    const on = await t.call('POST', `/api/team/${provider.userId}/reactivate`, {
      token: owner.token,
      json: { version: v + 1 },
    });
    expect(on.body.status).toBe('active');
    expect((await logIn(t, provider.email)).userId).toBe(provider.userId);
  });

  it('the last owner cannot be demoted or deactivated; with a second owner it works', async () => {
    const solo = await signUpPractice(t, 'Solo Practice');
    const me = await member(solo.token, solo.userId);
    const demote = await t.call('PATCH', `/api/team/${solo.userId}/role`, {
      token: solo.token,
      json: { role: 'manager', version: me.version },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/last owner/),
    });
    const off = await t.call('POST', `/api/team/${solo.userId}/deactivate`, {
      token: solo.token,
      json: { version: me.version },
    });
    expect(off.status).toBe(409);

    const second = await addMember(t, solo, 'owner', 'Second Owner');
    const demoteNow = await t.call('PATCH', `/api/team/${solo.userId}/role`, {
      token: second.token,
      json: { role: 'manager', version: me.version },
    });
    expect(demoteNow.status).toBe(200);
    const secondNow = await member(second.token, second.userId);
    const last = await t.call('POST', `/api/team/${second.userId}/deactivate`, {
      token: second.token,
      json: { version: secondNow.version },
    });
    expect(last.status).toBe(409);
  });

  it('a manager cannot change an owner', async () => {
    const manager = await addMember(t, owner, 'manager', 'Max Manager');
    const o = await member(owner.token, owner.userId);
    const res = await t.call('POST', `/api/team/${owner.userId}/deactivate`, {
      token: manager.token,
      json: { version: o.version },
    });
    expect(res.status).toBe(403);
  });

  it('pages through the team with a cursor', async () => {
    const first = await t.call('GET', '/api/team?limit=2', { token: owner.token });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await t.call(
      'GET',
      `/api/team?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: owner.token },
    );
    expect(second.status).toBe(200);
    const ids = new Set([...first.body.items, ...second.body.items].map((u: { id: string }) => u.id));
    expect(ids.size).toBe(first.body.items.length + second.body.items.length);
    const tampered = await t.call(
      'GET',
      `/api/team?cursor=${encodeURIComponent(`${first.body.nextCursor}x`)}`,
      { token: owner.token },
    );
    expect(tampered.status).toBe(400);
  });
});

describe('audit of team changes', () => {
  it('records who did what, filterable by actor and entity type', async () => {
    const byOwner = await t.call('GET', `/api/audit?actorId=${owner.userId}&limit=100`, {
      token: owner.token,
    });
    expect(byOwner.body.items.every((e: { actorId: string }) => e.actorId === owner.userId)).toBe(true);
    expect(byOwner.body.items.map((e: { action: string }) => e.action)).toContain('team.invited');
    const users = await t.call('GET', '/api/audit?entityType=user&limit=100', { token: owner.token });
    expect(users.body.items.every((e: { entityType: string }) => e.entityType === 'user')).toBe(true);
    expect(users.body.items.map((e: { action: string }) => e.action)).toContain('team.role_changed');
    const event = users.body.items[0];
    expect(event).toEqual(
      expect.objectContaining({
        actorName: expect.any(String),
        actorRole: expect.any(String),
        requestId: expect.any(String),
      }),
    );
    const future = await t.call('GET', '/api/audit?from=2099-01-01', { token: owner.token });
    expect(future.body.items).toHaveLength(0);
    // The practice is in Los Angeles: its "today" is the local calendar day.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
    const todays = await t.call('GET', `/api/audit?from=${today}&to=${today}&limit=100`, {
      token: owner.token,
    });
    expect(todays.body.items.length).toBeGreaterThan(0);
    const backwards = await t.call('GET', '/api/audit?from=2026-02-02&to=2026-02-01', { token: owner.token });
    expect(backwards.status).toBe(400);
  });
});
