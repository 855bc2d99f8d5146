import { beforeAll, describe, expect, it } from 'vitest';
import { tableClaimsSource } from '../../functions/platform/identity/claims.ts';
import { type PreTokenEventV2, preTokenGeneration } from '../../functions/platform/identity/pre-token.ts';
import { addMember, createTestApp, type Session, signUpPractice, type TestApp } from '../support/app.ts';

let t: TestApp;
let owner: Session;
let trigger: ReturnType<typeof preTokenGeneration>;

/** A V2 event as Cognito sends it on sign-in; a user can set only its own email attribute. */
const event = (email: string, extra: Record<string, string> = {}): PreTokenEventV2 => ({
  version: '2',
  triggerSource: 'TokenGeneration_Authentication',
  userPoolId: 'us-east-1_Example1',
  userName: 'cognito-generated-uuid',
  request: { userAttributes: { email, email_verified: 'true', ...extra } },
  response: { claimsAndScopeOverrideDetails: null },
});

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUpPractice(t, 'Trigger Clinic');
  trigger = preTokenGeneration(tableClaimsSource(t.platform.store));
});

describe('pre-token-generation trigger (V2)', () => {
  it('adds our user id, tenant, kind, role and name to both tokens, from the table', async () => {
    const me = await t.call('GET', '/api/me', { token: owner.token });
    const out = await trigger(event(owner.email.toUpperCase()));
    const expected = {
      // The id the API knows the user by, not Cognito's own sub.
      user_id: me.body.user.id,
      tenant_id: owner.tenantId,
      tenant_kind: 'practice',
      role: 'owner',
      name: 'Olivia Owner',
    };
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      idTokenGeneration: { claimsToAddOrOverride: expected },
      accessTokenGeneration: { claimsToAddOrOverride: expected },
    });
  });

  it('ignores anything a user could put in its own attributes', async () => {
    const out = await trigger(event(owner.email, { 'custom:role': 'owner', 'custom:tenant_id': 'other' }));
    expect(
      out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride,
    ).toMatchObject({ tenant_id: owner.tenantId });
  });

  it('reflects a role change at the next refresh', async () => {
    const staff = await addMember(t, owner, 'staff', 'Stella Staff');
    const me = await t.call('GET', '/api/team?limit=50', { token: owner.token });
    const member = me.body.items.find((m: { id: string }) => m.id === staff.userId);
    await t.call('PATCH', `/api/team/${staff.userId}/role`, {
      token: owner.token,
      json: { role: 'billing', version: member.version },
    });
    const out = await trigger({ ...event(staff.email), triggerSource: 'TokenGeneration_RefreshTokens' });
    expect(
      out.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride?.role,
    ).toBe('billing');
  });

  it('refuses an email the user changed in Cognito but never verified (no borrowing claims)', async () => {
    // A signed-in user can set its own email attribute to a colleague's; Cognito marks it unverified.
    const victim = await addMember(t, owner, 'manager', 'Mona Manager');
    await expect(trigger(event(victim.email, { email_verified: 'false' }))).rejects.toThrow(/verified/);
    const { email_verified: _, ...noFlag } = event(victim.email).request.userAttributes;
    await expect(trigger({ ...event(victim.email), request: { userAttributes: noFlag } })).rejects.toThrow(
      /verified/,
    );
  });

  it('refuses an unknown email and a deactivated user (Cognito then issues no token)', async () => {
    await expect(trigger(event('nobody@example.test'))).rejects.toThrow(/deactivated/);
    const provider = await addMember(t, owner, 'provider', 'Dr. Pro');
    const off = await t.call('POST', `/api/team/${provider.userId}/deactivate`, {
      token: owner.token,
      json: { version: 1 },
    });
    expect(off.status).toBe(200);
    await expect(trigger(event(provider.email))).rejects.toThrow(/deactivated/);
  });
});
