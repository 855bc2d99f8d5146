import { beforeAll, describe, expect, it } from 'vitest';
import { tenantKeys } from '../../functions/platform/db/keys.ts';
import { zonesAtLocalHour } from '../../functions/platform/today/zone-listing.ts';
import { sendMorningDigests } from '../../functions/today/digest.service.ts';
import {
  addMember,
  createTestApp,
  logIn,
  type Session,
  signUpPractice,
  type TestApp,
  testClock,
} from '../support/app.ts';

const clock = testClock();
let t: TestApp;
let owner: Session;
let staff: Session;
let billing: Session;

const as = async (s: Session) => (await logIn(t, s.email)).token;
const digests = async () => {
  const page = await t.platform.store.query<{ to: string; kind: string; subject: string; text: string }>({
    partition: tenantKeys.outboxPartition({ tenantId: owner.tenantId }),
    limit: 100,
  });
  return page.items.filter((m) => m.kind === 'today.digest');
};
const run = () => sendMorningDigests({ ...t.platform, clock });

beforeAll(async () => {
  // Monday 2027-03-01 in Los Angeles (the practice's zone), 05:00 there.
  clock.set(Date.parse('2027-03-01T13:00:00Z'));
  t = await createTestApp({ clock });
  owner = await signUpPractice(t, 'Digest Clinic');
  staff = await addMember(t, owner, 'staff', 'Sue Staff');
  billing = await addMember(t, owner, 'billing', 'Bill Payne');
  const post = async (token: string, json: unknown) =>
    expect((await t.call('POST', '/api/today/items', { token, json })).status).toBe(201);
  const ownerToken = await as(owner);
  await post(ownerToken, { title: 'Renew the CLIA certificate', dueDate: '2027-02-26' });
  await post(ownerToken, { title: 'Order flu vaccine', dueDate: '2027-03-01' });
  await post(ownerToken, {
    title: 'Fax records to Dr. Patel',
    dueDate: '2027-03-01',
    assignee: { role: 'staff' },
  });
  // Billing has nothing and turns the email off anyway; they get none either way.
  const off = await t.call('PUT', '/api/today/preferences', {
    token: await as(billing),
    json: { digest: false },
  });
  expect(off.body).toEqual({ digest: false });
});

describe('the morning digest', () => {
  it('goes out from 07:00 in the practice’s zone, once a day, to people with something open', async () => {
    expect(zonesAtLocalHour(clock.now().getTime(), 7, 3)).not.toContain('America/Los_Angeles');
    expect((await run()).sent).toBe(0);

    clock.set(Date.parse('2027-03-01T15:05:00Z')); // 07:05 in Los Angeles
    const first = await Promise.all([run(), run()]);
    expect(first.reduce((n, c) => n + c.sent, 0)).toBe(2);
    clock.set(Date.parse('2027-03-01T16:05:00Z')); // 08:05: the catch-up run sends nothing again
    expect((await run()).sent).toBe(0);

    const mails = await digests();
    expect(mails.map((m) => m.to).sort()).toEqual([owner.email, staff.email].sort());
    const ownerMail = mails.find((m) => m.to === owner.email)!;
    expect(ownerMail.subject).toBe('Today at Digest Clinic: 1 overdue, 1 due today');
    expect(ownerMail.text).toContain('- Renew the CLIA certificate (due Fri, Feb 26, 2027)');
    expect(ownerMail.text).toContain('turn off "Morning email"');

    clock.set(Date.parse('2027-03-02T15:05:00Z')); // the next morning
    expect((await run()).sent).toBe(2);
  });

  it('stops for a person who turns it off, and follows the practice to a new time zone', async () => {
    await t.call('PUT', '/api/today/preferences', { token: await as(staff), json: { digest: false } });
    expect((await t.call('GET', '/api/today/preferences', { token: await as(staff) })).body).toEqual({
      digest: false,
    });
    const tenant = (await t.call('GET', '/api/tenant', { token: await as(owner) })).body;
    const moved = await t.call('PUT', '/api/tenant/profile', {
      token: await as(owner),
      json: {
        name: tenant.name,
        specialty: tenant.specialty,
        region: tenant.region,
        size: tenant.size,
        timeZone: 'America/New_York',
        version: tenant.version,
      },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const before = (await digests()).length;
    clock.set(Date.parse('2027-03-03T15:05:00Z')); // 07:05 in Los Angeles, 10:05 in New York: nobody
    expect((await run()).sent).toBe(0);
    clock.set(Date.parse('2027-03-04T12:05:00Z')); // 07:05 in New York: the owner only
    expect((await run()).sent).toBe(1);
    const after = await digests();
    expect(after.slice(before).map((m) => m.to)).toEqual([owner.email]);
  });
});
